import type { LocalizedText, Registry } from "../registry.js";
import type { ChangeList, SubjectKey } from "./changes.js";

/** A text of both registries, with the key catalogs use for it (`codes.NormalClosure`) and its subject keys. */
export interface TextPair {
  readonly what: string;
  /** The catalog key, as in `Registry.fallbacks`. */
  readonly catalogKey: string;
  readonly oldText: LocalizedText | undefined;
  readonly newText: LocalizedText | undefined;
  readonly newKey: SubjectKey;
  readonly oldKey: SubjectKey;
}

/** The locale's own text: absent where the registry fell back to the source text. */
function ownText(registry: Registry, text: LocalizedText | undefined, catalogKey: string, locale: string): string | undefined {
  if (registry.fallbacks.get(catalogKey)?.includes(locale) === true) return undefined;
  return text?.[locale];
}

/**
 * Compares one text in every locale the two registries share: the source locale's text changing is
 * `text-changed`, another locale's is `translation-changed` (or `translation-added` where it had none).
 */
export function compareText(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry, pair: TextPair): void {
  const shared = newRegistry.locales.filter((locale) => oldRegistry.locales.includes(locale));
  for (const locale of shared) {
    const before = ownText(oldRegistry, pair.oldText, pair.catalogKey, locale);
    const after = ownText(newRegistry, pair.newText, pair.catalogKey, locale);
    if (before === after || after === undefined) continue;
    const newKey = `${pair.newKey}.${locale}`;
    const oldKey = `${pair.oldKey}.${locale}`;
    if (locale === newRegistry.sourceLocale) changes.add("text-changed", `${pair.what}: the ${locale} text changed`, newKey, oldKey);
    else if (before === undefined) changes.add("translation-added", `${pair.what}: ${locale} translation added`, newKey, pair.oldKey);
    else changes.add("translation-changed", `${pair.what}: ${locale} translation changed`, newKey, oldKey);
  }
}

/** Compares a reference and a URL: either changing is `reference-changed`. */
export function compareReference(
  changes: ChangeList,
  what: string,
  before: { readonly reference: string | undefined; readonly url: string | undefined },
  after: { readonly reference: string | undefined; readonly url: string | undefined },
  keys: { readonly newKey: SubjectKey; readonly oldKey: SubjectKey },
): void {
  for (const field of ["reference", "url"] as const) {
    if (before[field] === after[field]) continue;
    const how = after[field] === undefined ? "removed" : before[field] === undefined ? "added" : "changed";
    changes.add("reference-changed", `${what}: ${field} ${how}`, `${keys.newKey}.${field}`, `${keys.oldKey}.${field}`);
  }
}
