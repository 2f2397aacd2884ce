/** The page texts of a locale, resolved through the template folders and the locale's parent tags. */
import { PAGE_TEXT_KEYS, type PageTextKey, type PageTexts, type TextLayer } from "../../load/templates/page-texts.js";

/** The locale used for every text a locale lacks. */
export const FALLBACK_LOCALE = "en";

/** `pt-BR` → `["pt-BR", "pt"]`; `zh-Hant-TW` → `["zh-Hant-TW", "zh-Hant", "zh"]`. */
function withParents(locale: string): string[] {
  const parts = locale.split("-");
  return parts.map((_, index) => parts.slice(0, parts.length - index).join("-"));
}

/**
 * The page texts of `locale`, key by key: the locale itself (then its parent tags, `pt` for `pt-BR`) in every
 * layer, user first, then English. `language` never falls back to English: a locale without one is shown by
 * its tag.
 * @throws {Error} when even English lacks a key: the built-in `templates/locales/en.yaml` is incomplete.
 */
export function resolvePageTexts(layers: readonly TextLayer[], locale: string): PageTexts {
  const chain = [...withParents(locale), FALLBACK_LOCALE];
  const lookup = (key: PageTextKey): string | undefined => {
    const tags = key === "language" ? withParents(locale) : chain;
    for (const tag of tags) {
      for (const layer of layers) {
        const text = layer.texts.get(tag)?.[key];
        if (text !== undefined) return text;
      }
    }
    return key === "language" ? locale : undefined;
  };
  const entries = PAGE_TEXT_KEYS.map((key) => {
    const text = lookup(key);
    if (text === undefined) throw new Error(`codebook: no page text "${key}" for ${locale}, not even in English`);
    return [key, text] as const;
  });
  return Object.fromEntries(entries) as PageTexts;
}
