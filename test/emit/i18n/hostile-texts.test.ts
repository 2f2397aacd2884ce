import { describe, expect, it } from "vitest";
import { formatjsReader, gettextReader, i18nextReader, keyForCode, probeCodes } from "../../helpers/catalog-readers.js";
import { fileAt, importModule } from "../../helpers/generated-module.js";
import { loadFixture, renderAll } from "../../helpers/registry.js";

/** Texts that every catalog syntax could misread. */
const HOSTILE = [
  "Braces {code} and {{code}} and {{- code}} stay",
  'Nesting $t(codes.Second) and $t(x, {"lng": "de"}) stay',
  "Quotes: it's 'quoted' and ''doubled'' and \"double\"",
  "Tags <b>bold</b> <0>zero</0> & entities &amp; stay",
  "Plural {n, plural, one {# item} other {# items}} stays",
  "Backslash \\ and percent %s %d and hash # stay",
  "Line one\nline two\n",
];

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function registryYaml(messageFormat: "plain" | "icu", texts: readonly string[]): string {
  return `id: hostile
type: Hostile
title: { en: ${yamlString(texts[0]!)}, de: ${yamlString(`DE ${texts[0]!}`)} }
unknown: { en: ${yamlString(texts[1]!)}, de: ${yamlString(`DE ${texts[1]!}`)} }
locales: [en, de]
messageFormat: ${messageFormat}
ranges:
  - { from: 0, to: 99, name: Low, description: { en: ${yamlString(texts[2]!)}, de: ${yamlString(`DE ${texts[2]!}`)} } }
codes:
${texts
  .slice(3)
  .map(
    (text, index) =>
      `  - { code: ${index + 1}, name: Code${index + 1}, description: { en: ${yamlString(text)}, de: ${yamlString(`DE ${text}`)} } }`,
  )
  .join("\n")}
`;
}

describe("plain texts in every catalog format", () => {
  it("come back verbatim from i18next, FormatJS, gettext and describe, in every locale", async () => {
    const texts = [...HOSTILE, ...HOSTILE.slice(0, 3)];
    const { dir, registry } = await loadFixture({ "registry.yaml": registryYaml("plain", texts) });
    const files = await renderAll(registry, dir);
    const module = await importModule(fileAt(files, "hostile.ts"));
    const describeHostile = module.describeHostile as (code: number, locale: string) => string;
    expect(describeHostile(1, "en")).toBe(HOSTILE[3]);
    expect(describeHostile(4, "en")).toBe(HOSTILE[6]);
    expect(describeHostile(50, "de")).toBe(`DE ${HOSTILE[2]}`);
    expect(describeHostile(1000, "en")).toBe(HOSTILE[1]);
    for (const locale of registry.locales) {
      for (const read of [
        await i18nextReader(registry, files, locale),
        formatjsReader(registry, files, locale),
        gettextReader(registry, files, locale),
      ]) {
        for (const code of probeCodes(registry)) {
          expect(read(keyForCode(module, "Hostile", code), code)).toBe(describeHostile(code, locale));
        }
        expect(read("title", 0)).toBe(registry.title[locale]);
      }
    }
  });

  it("adds the i18next _literal entries only when a text needs them", async () => {
    const hostile = await loadFixture({ "registry.yaml": registryYaml("plain", HOSTILE) });
    const tame = await loadFixture({
      "registry.yaml": registryYaml(
        "plain",
        HOSTILE.map((_, index) => `Text ${index}`),
      ),
    });
    const resource = (files: Awaited<ReturnType<typeof renderAll>>, locale: string) =>
      JSON.parse(fileAt(files, `i18next/${locale}/hostile.json`)) as Record<string, unknown>;
    const hostileFiles = await renderAll(hostile.registry, hostile.dir);
    expect(resource(hostileFiles, "de")._literal).toEqual({ interpolation: "{{", nesting: "$t(", brace: "{" });
    expect(resource(hostileFiles, "en").unknown).toBe(
      'Nesting $t(hostile:_literal.nesting)codes.Second) and $t(hostile:_literal.nesting)x, {"lng": "de"}) stay',
    );
    expect(resource(await renderAll(tame.registry, tame.dir), "de")).not.toHaveProperty("_literal");
  });
});
