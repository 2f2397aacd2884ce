import { beforeAll, describe, expect, it } from "vitest";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import { codeMapRenderer, renderCodeMap } from "../../../generator/emit/svg/code-map.js";
import { describeMap } from "../../../generator/emit/svg/map-words.js";
import type { Registry } from "../../../generator/index.js";
import type { MarkdownTemplates } from "../../../generator/load/templates/template-set.js";
import { loadLocaleRegistries } from "../../helpers/locale-registries.js";

let templates: MarkdownTemplates;
let registries: Registry[];

beforeAll(async () => {
  ({ templates, registries } = await loadLocaleRegistries());
});

describe("one registry's maps, rendered locale after locale", () => {
  it("are the maps and words each locale gets alone, in either order of the locales", () => {
    for (const registry of registries) {
      const notice = `generated from ${registry.id}`;
      const alone = new Map(
        registry.locales.map((locale) => {
          const texts = pageTextsFor(templates, locale);
          return [
            locale,
            { map: renderCodeMap({ registry, locale, texts, notice }), words: describeMap(registry, locale, texts) },
          ] as const;
        }),
      );
      for (const locales of [registry.locales, [...registry.locales].reverse()]) {
        const maps = codeMapRenderer(registry);
        for (const locale of locales) {
          const texts = pageTextsFor(templates, locale);
          expect(maps.describe(locale, texts)).toBe(alone.get(locale)!.words);
          expect(maps.render({ locale, texts, notice })).toBe(alone.get(locale)!.map);
        }
      }
    }
  });
});
