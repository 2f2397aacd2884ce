import { beforeAll, describe, expect, it } from "vitest";
import { renderNamedTable, tableRenderer } from "../../../generator/emit/markdown/tables.js";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import type { Registry } from "../../../generator/index.js";
import type { MarkdownTemplates } from "../../../generator/load/templates/template-set.js";
import { loadLocaleRegistries } from "../../helpers/locale-registries.js";

let templates: MarkdownTemplates;
let registries: Registry[];

beforeAll(async () => {
  ({ templates, registries } = await loadLocaleRegistries());
});

describe("one registry's tables, rendered locale after locale", () => {
  it("are the tables each locale gets alone, in any order of the locales and tables", () => {
    const TABLES = ["codes", "ranges"] as const;
    for (const registry of registries) {
      const key = (locale: string, table: string) => `${registry.id} ${locale} ${table}`;
      const alone = new Map(
        registry.locales.flatMap((locale) =>
          TABLES.map((table) => [key(locale, table), renderNamedTable(registry, table, locale, pageTextsFor(templates, locale))] as const),
        ),
      );
      for (const locales of [registry.locales, [...registry.locales].reverse()]) {
        const shared = tableRenderer(registry);
        for (const locale of locales) {
          for (const table of locales === registry.locales ? TABLES : [...TABLES].reverse()) {
            expect(shared(table, locale, pageTextsFor(templates, locale))).toBe(alone.get(key(locale, table)));
          }
        }
      }
    }
  });

  it("differ between locales where the words do, and share the anchors", () => {
    const closeCodes = registries[0]!;
    const shared = tableRenderer(closeCodes);
    const [en, de] = ["en", "de"].map((locale) => shared("codes", locale, pageTextsFor(templates, locale)));
    expect(en).not.toBe(de);
    expect(en).toContain('<a id="close-codes-1000"></a>1000');
    expect(de).toContain('<a id="close-codes-1000"></a>1000');
  });
});
