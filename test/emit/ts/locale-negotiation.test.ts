import { readFile } from "node:fs/promises";
import path from "node:path";
import { match } from "@formatjs/intl-localematcher";
import { describe, expect, it } from "vitest";
import { fileAt } from "../../helpers/generated-module.js";
import { importTypeScript } from "../../helpers/module.js";
import { repoRoot } from "../../helpers/paths.js";
import { loadFixture, renderAll } from "../../helpers/registry.js";
import { tempDir } from "../../helpers/temp.js";

type Resolve = (requested?: string | readonly string[]) => string;

/** Requested tags: regional variants, scripts, related languages, unsupported ones, odd case and `_`. */
const TAGS = [
  "en",
  "en-US",
  "en-GB",
  "en-AU",
  "en-IN",
  "en-CA",
  "de",
  "de-AT",
  "de-CH",
  "lb",
  "rm",
  "fr",
  "fr-CA",
  "fr-CH",
  "br",
  "es",
  "es-ES",
  "es-MX",
  "es-419",
  "es-AR",
  "es-US",
  "ca",
  "gl",
  "eu",
  "ja",
  "ja-JP",
  "zh",
  "zh-CN",
  "zh-SG",
  "zh-Hans",
  "zh-Hans-CN",
  "zh-Hant",
  "zh-TW",
  "zh-HK",
  "zh-MO",
  "zh-Hant-TW",
  "zh-Hant-CN",
  "pt",
  "pt-PT",
  "pt-BR",
  "pt-AO",
  "ru",
  "ru-UA",
  "be",
  "kk",
  "uk",
  "it",
  "ko",
  "nl",
  "sr",
  "sr-Latn",
  "ar",
  "hi",
  "EN-gb",
  "PT-pt",
  "zh_TW",
  "de_AT",
  "sr-Latn-RS",
  "uz-Cyrl",
];

async function resolverOf(source: string, name: string): Promise<Resolve> {
  const module = await importTypeScript(await tempDir(), "module", source);
  return module[name] as Resolve;
}

/** What @formatjs/intl-localematcher's best fit picks (it rejects `_`, which the generated module accepts as `-`). */
function bestFit(tag: string, locales: readonly string[]): string {
  return match([tag.replace(/_/g, "-")], locales, locales[0]!, { algorithm: "best fit" });
}

describe("resolve<Type>Locale matches as Intl.LocaleMatcher's best fit does", () => {
  it.each(TAGS)("the default registry: %s", async (tag) => {
    const resolve = await resolverOf(await readFile(path.join(repoRoot, "generated", "close-codes.ts"), "utf8"), "resolveCloseCodeLocale");
    const locales = ["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"];
    expect(resolve(tag)).toBe(bestFit(tag, locales));
  });

  it("gives the regional catalog of the same language before the source locale, and keeps scripts apart", async () => {
    const resolve = await resolverOf(await readFile(path.join(repoRoot, "generated", "close-codes.ts"), "utf8"), "resolveCloseCodeLocale");
    expect([resolve("pt-PT"), resolve("pt"), resolve("zh"), resolve("zh-Hans-CN"), resolve("zh-Hant"), resolve("zh-TW")]).toEqual([
      "pt-BR",
      "pt-BR",
      "zh-CN",
      "zh-CN",
      "en",
      "en",
    ]);
    expect(resolve(["it", "zh-Hant", "pt-PT"])).toBe("pt-BR");
    expect(resolve()).toBe("en");
  });

  it.each(TAGS)("a registry with several locales of one language and script: %s", async (tag) => {
    const locales = ["en", "en-GB", "es", "es-419", "zh-Hant-TW", "sr-Latn"];
    const registry = `id: demo\ntype: Demo\nlocales: [${locales.join(", ")}]\nmissingTranslations: source\ncodes:\n  - { code: 1, name: One, description: One. }\n`;
    const { dir, registry: model } = await loadFixture({ "registry.yaml": registry });
    const resolve = await resolverOf(fileAt(await renderAll(model, dir), "demo.ts"), "resolveDemoLocale");
    expect(resolve(tag)).toBe(bestFit(tag, locales));
  });
});

describe("create<Type>Describer", () => {
  it("matches among the catalogs it was given only", async () => {
    const module = await importTypeScript(
      await tempDir(),
      "module",
      await readFile(path.join(repoRoot, "generated", "close-codes.ts"), "utf8"),
    );
    const create = module.createCloseCodeDescriber as (...catalogs: unknown[]) => (code: number, locale?: string) => string;
    const describe = create(module.closeCodeCatalogEn, module.closeCodeCatalogPtBR);
    expect(describe(1000, "pt-PT")).toBe((module.closeCodeCatalogPtBR as { codes: { NormalClosure: string } }).codes.NormalClosure);
    expect(describe(1000, "de")).toBe((module.closeCodeCatalogEn as { codes: { NormalClosure: string } }).codes.NormalClosure);
  });
});
