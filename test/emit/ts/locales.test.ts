import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../generator/model/load-model.js";
import type { Registry } from "../../../generator/model/registry.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { fileAt, importModule } from "../../helpers/generated-module.js";
import { defaultRegistry } from "../../helpers/paths.js";
import { tempDir, writeTree } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

const registry = await loadRegistry(defaultRegistry, { cwd: process.cwd() });

async function moduleSource(enums: boolean): Promise<string> {
  return fileAt(await renderRegistry(registry, { outDir: path.dirname(defaultRegistry), enums, targets: ["ts"] }), "close-codes.ts");
}

/** Every text the TypeScript module carries for `locale`. */
function textsOf(source: Registry, locale: string): string[] {
  return [
    source.title[locale]!,
    source.unknown[locale]!,
    ...source.codes.map((entry) => entry.description[locale]!),
    ...source.ranges.map((range) => range.description[locale]!),
  ];
}

async function bundle(entry: string, enums: boolean): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "close-codes.ts": await moduleSource(enums) });
  // Minified, as an app ships it; UTF-8, so that texts appear as written.
  const result = await build({
    stdin: { contents: entry, loader: "ts", resolveDir: dir },
    bundle: true,
    format: "esm",
    minify: true,
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("locale negotiation", () => {
  const module = moduleSource(true).then(importModule);

  it.each([
    [undefined, "en"],
    ["de", "de"],
    ["DE", "de"],
    ["de-AT", "de"],
    ["de_CH", "de"],
    ["pt-BR", "pt-BR"],
    ["pt-br", "pt-BR"],
    ["PT_BR", "pt-BR"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["zh-CN", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-Hant", "en"],
    ["ja-JP-u-ca-japanese", "ja"],
    ["x-unknown", "en"],
    ["", "en"],
    [["it-IT", "fr-CA", "de"], "fr"],
    [["xx", "yy"], "en"],
    [[], "en"],
  ] as const)("resolves %j to %j", async (requested, expected) => {
    const { resolveCloseCodeLocale, describeCloseCode, closeCodeCatalogs } = (await module) as Record<
      string,
      (...args: unknown[]) => unknown
    > & { closeCodeCatalogs: Record<string, { codes: { ServiceRestart: string } }> };
    expect(resolveCloseCodeLocale!(requested)).toBe(expected);
    expect(describeCloseCode!(1012, requested)).toBe(closeCodeCatalogs[expected]!.codes.ServiceRestart);
  });

  it("exports the supported locales", async () => {
    expect((await module).closeCodeLocales).toEqual(["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"]);
  });

  it("limits a describer to its catalogs, the first being the fallback", async () => {
    const { createCloseCodeDescriber, closeCodeCatalogJa, closeCodeCatalogRu } = (await module) as Record<string, unknown>;
    const describeCode = (
      createCloseCodeDescriber as (...catalogs: unknown[]) => (code: number, locale?: string | readonly string[]) => string
    )(closeCodeCatalogJa, closeCodeCatalogRu);
    expect(describeCode(1012, "ru-RU")).toBe(registry.codes.find((entry) => entry.code === 1012)!.description.ru);
    expect(describeCode(1012, ["de", "en"])).toBe(registry.codes.find((entry) => entry.code === 1012)!.description.ja);
    expect(describeCode(4001)).toBe(registry.ranges.find((range) => range.name === "Private")!.description.ja);
  });
});

describe("tree-shaking", () => {
  it.each([true, false])("leaves every locale's texts out of a bundle that imports only guards (enums: %s)", async (enums) => {
    const output = await bundle(
      `import { isCloseCode, isValidCloseCode, isCloseCallCode } from "./close-codes.ts";\nconsole.log(isCloseCode(1000), isValidCloseCode(1000), isCloseCallCode(3000));`,
      enums,
    );
    expect(output).toContain("3008");
    for (const locale of registry.locales) for (const text of textsOf(registry, locale)) expect(output).not.toContain(text);
  });

  it.each(registry.locales.slice(1).map((locale) => [locale]))(
    "keeps only %s's texts in a bundle of its catalog and the describer",
    async (locale) => {
      const name = `closeCodeCatalog${locale
        .split("-")
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("")}`;
      const output = await bundle(
        `import { createCloseCodeDescriber, ${name} } from "./close-codes.ts";\nconsole.log(createCloseCodeDescriber(${name})(1000));`,
        true,
      );
      const own = new Set(textsOf(registry, locale));
      for (const text of own) expect(output).toContain(text);
      for (const other of registry.locales.filter((candidate) => candidate !== locale)) {
        for (const text of textsOf(registry, other).filter((candidate) => !own.has(candidate)))
          expect(output, `${other}: ${text}`).not.toContain(text);
      }
    },
  );
});

describe("typed catalogs", () => {
  it("make a key typo, an unknown locale or a missing locale fail tsc", async () => {
    const consumer = `import { closeCodeCatalogDe, closeCodeCatalogs, resolveCloseCodeLocale, type CloseCodeCatalog, type CloseCodeLocale } from "./close-codes.js";

export const restart: string = closeCodeCatalogDe.codes.ServiceRestart;
export const portuguese: CloseCodeCatalog = closeCodeCatalogs["pt-BR"];
export const chosen: CloseCodeLocale = resolveCloseCodeLocale(["pt-BR", "en"]);
// @ts-expect-error: a typo in a code name
export const typo = closeCodeCatalogDe.codes.ServiceRestrat;
// @ts-expect-error: not a supported locale
export const lowerCase = closeCodeCatalogs["pt-br"];
// @ts-expect-error: a map over the locales must have every locale
export const greetings: { readonly [Locale in CloseCodeLocale]: string } = { en: "Hello", de: "Hallo", fr: "Bonjour", es: "Hola", ja: "こんにちは", "zh-CN": "你好", "pt-BR": "Olá" };
// @ts-expect-error: a catalog must have every code (and no misspelled one)
export const partial: CloseCodeCatalog = { ...closeCodeCatalogDe, codes: { NormalClosure: "x" } };
`;
    const dir = await tempDir();
    await writeTree(dir, { "package.json": '{ "type": "module" }\n' });
    const result = await compileStrict(dir, { "close-codes.ts": await moduleSource(true), "consumer.ts": consumer });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
