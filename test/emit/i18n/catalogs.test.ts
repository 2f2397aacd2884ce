import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../generator/model/load-model.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { type CatalogReader, formatjsReader, gettextReader, i18nextReader, keyForCode, probeCodes } from "../../helpers/catalog-readers.js";
import { fileAt, importModule } from "../../helpers/generated-module.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";

const registry = await loadRegistry(defaultRegistry, { cwd: process.cwd() });
const files = await renderRegistry(registry, { outDir: path.join(repoRoot, "generated") });
const module = await importModule(fileAt(files, "close-codes.ts"));
const describeCloseCode = module.describeCloseCode as (code: number, locale?: string) => string;

const READERS: readonly [string, (locale: string) => CatalogReader | Promise<CatalogReader>][] = [
  ["i18next", (locale) => i18nextReader(registry, files, locale)],
  ["FormatJS", (locale) => formatjsReader(registry, files, locale)],
  ["gettext", (locale) => gettextReader(registry, files, locale)],
];

describe("catalogs of the default registry", () => {
  it("lists the eight locales, source first", () => {
    expect(registry.locales).toEqual(["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"]);
    expect(module.closeCodeLocales).toEqual(registry.locales);
  });

  it.each(READERS)("%s returns describeCloseCode's text for every code in every locale", async (_format, load) => {
    const codes = probeCodes(registry);
    // Protocol (1000–2999) is wholly covered by codes and narrower ranges: every other range gets a probe.
    expect(codes.length).toBe(registry.codes.length + registry.ranges.length - 1 + 2);
    for (const locale of registry.locales) {
      const read = await load(locale);
      for (const code of codes) {
        expect(read(keyForCode(module, "CloseCode", code), code), `${locale} ${code}`).toBe(describeCloseCode(code, locale));
      }
    }
  });

  it("gives every locale its own texts: no translation equals the English one", () => {
    const english = registry.codes.map((entry) => entry.description.en);
    for (const locale of registry.locales.slice(1)) {
      expect(registry.codes.map((entry) => entry.description[locale])).not.toContain(english[0]);
      expect(new Set(registry.codes.map((entry) => entry.description[locale])).size).toBe(registry.codes.length);
    }
  });

  it("writes each format to <format>/<locale>/<id>.<ext>, plus the gettext template", () => {
    const paths = files.map((file) => file.path).filter((file) => !file.startsWith("close-codes."));
    expect(paths).toEqual([
      ...registry.locales.map((locale) => `i18next/${locale}/close-codes.json`),
      ...registry.locales.map((locale) => `formatjs/${locale}/close-codes.json`),
      ...registry.locales.map((locale) => `gettext/${locale}/close-codes.po`),
      "gettext/close-codes.pot",
    ]);
  });

  it("keys every text the same way in every format", () => {
    const i18nextKeys = (value: object, prefix = ""): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === "object" ? i18nextKeys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    const i18next = i18nextKeys(JSON.parse(fileAt(files, "i18next/ja/close-codes.json")) as object);
    const formatjs = Object.keys(JSON.parse(fileAt(files, "formatjs/ja/close-codes.json")) as object).map((id) =>
      id.replace(/^close-codes:/, ""),
    );
    const gettext = [...fileAt(files, "gettext/ja/close-codes.po").matchAll(/^msgctxt "(.*)"$/gm)].map((match) => match[1]);
    expect(i18next).toContain("sets.Valid.label");
    expect(i18next).toHaveLength(33);
    expect(formatjs).toEqual(i18next);
    expect(gettext).toEqual(i18next);
  });

  it("gives FormatJS messages a description for translators", () => {
    const messages = JSON.parse(fileAt(files, "formatjs/de/close-codes.json")) as Record<
      string,
      { defaultMessage: string; description: string }
    >;
    expect(messages["close-codes:codes.NormalClosure"]).toEqual({
      defaultMessage: registry.codes[0]!.description.de,
      description: "Describes code 1000 (NormalClosure). (RFC 6455 §7.4.1)",
    });
  });
});
