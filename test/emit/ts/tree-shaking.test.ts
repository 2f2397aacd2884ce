import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { generate } from "../../../generator/run/generate.js";
import { type Bundler, bundleApp, byteSize } from "../../helpers/bundle.js";
import { repoRoot } from "../../helpers/paths.js";
import { tempDir, writeTree } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

async function bundle(dir: string, app: string): Promise<string> {
  const result = await build({
    stdin: { contents: app, resolveDir: dir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("the default registry's module in an application bundle", () => {
  it.each([true, false])("keeps only what the app imports (enums: %s)", async (enums) => {
    const dir = await tempDir();
    await generate({ outDir: dir, enums, targets: ["ts", "json"] });
    const json = JSON.parse(await readFile(path.join(dir, "close-codes.json"), "utf8")) as {
      codes: { name: string; description: Record<string, string> }[];
    };
    const guardOnly = await bundle(
      dir,
      'import { isValidCloseCode } from "./close-codes.ts";\nglobalThis.result = isValidCloseCode(Number(globalThis.input));\n',
    );
    for (const entry of json.codes) {
      expect(guardOnly).not.toContain(entry.name);
      expect(guardOnly).not.toContain(entry.description.en);
    }
    const german = await bundle(
      dir,
      'import { createCloseCodeDescriber, closeCodeCatalogDe } from "./close-codes.ts";\nglobalThis.result = createCloseCodeDescriber(closeCodeCatalogDe)(Number(globalThis.input));\n',
    );
    for (const entry of json.codes) {
      expect(german).toContain(entry.description.de);
      expect(german).not.toContain(entry.description.en);
    }
  });

  it("compiles without enums under the strictest flags and erasable syntax only", async () => {
    const dir = await tempDir();
    await generate({ outDir: dir, enums: false, targets: ["ts"] });
    const source = await readFile(path.join(dir, "close-codes.ts"), "utf8");
    await writeTree(path.join(dir, "strict"), { "package.json": '{ "type": "module" }\n' });
    const compiled = await compileStrict(path.join(dir, "strict"), { "close-codes.ts": source }, { erasableSyntaxOnly: true });
    expect(compiled.output).toBe("");
  });
});

/** The texts of the default registry, from its JSON: every code's name and description in every locale. */
interface RegistryTexts {
  readonly locales: readonly string[];
  readonly codes: readonly { readonly name: string; readonly description: Readonly<Record<string, string>> }[];
}

const GUARD_APP = 'import { isValidCloseCode } from "./close-codes.js";\nglobalThis.result = isValidCloseCode(Number(globalThis.input));\n';
const GERMAN_APP =
  'import { createCloseCodeDescriber, closeCodeCatalogDe } from "./close-codes.js";\nglobalThis.result = createCloseCodeDescriber(closeCodeCatalogDe)(Number(globalThis.input));\n';

/**
 * Every emitted form with the bundlers that can shake it. A CommonJS module is read by rollup through
 * @rollup/plugin-commonjs; esbuild keeps any CommonJS module whole (it wraps it in a function and shakes only ES
 * modules), whatever its shape, so CommonJS is not measured with esbuild.
 */
const FORMS = [
  { module: "esm", enums: true, bundler: "esbuild" },
  { module: "esm", enums: true, bundler: "rollup" },
  { module: "esm", enums: false, bundler: "esbuild" },
  { module: "esm", enums: false, bundler: "rollup" },
  { module: "cjs", enums: true, bundler: "rollup" },
  { module: "cjs", enums: false, bundler: "rollup" },
] as const satisfies readonly { module: "esm" | "cjs"; enums: boolean; bundler: Bundler }[];

describe("emitted JavaScript (emit: js) in an application bundle", () => {
  it.each(FORMS)("$module, enums: $enums, $bundler: keeps only what the app imports", async ({ module, enums, bundler }) => {
    const dir = await tempDir();
    await generate({ outDir: dir, enums, module, emit: "js", targets: ["ts", "json"] });
    await writeTree(dir, { "package.json": JSON.stringify({ type: module === "esm" ? "module" : "commonjs" }) });
    const texts = JSON.parse(await readFile(path.join(dir, "close-codes.json"), "utf8")) as RegistryTexts;
    const options = { commonjs: module === "cjs" };

    // Every top-level statement is free of side effects: importing the module for nothing adds nothing.
    expect(await bundleApp(bundler, dir, 'import "./close-codes.js";\n', options)).toBe("");

    const guardOnly = await bundleApp(bundler, dir, GUARD_APP, options);
    expect(byteSize(guardOnly), guardOnly).toBeLessThanOrEqual(200);
    for (const entry of texts.codes) expect(guardOnly).not.toContain(entry.name);

    const german = await bundleApp(bundler, dir, GERMAN_APP, options);
    for (const entry of texts.codes) {
      expect(german).toContain(entry.description.de);
      for (const locale of texts.locales.filter((other) => other !== "de")) expect(german).not.toContain(entry.description[locale]);
    }
  });
});

/** 300 sparse codes in two locales with nested ranges and a set: guards as binary searches over tables. */
function sparseRegistry(): string {
  const codes = Array.from({ length: 300 }, (_, index) => 1000 + index * 7);
  return [
    "id: sparse",
    "type: Sparse",
    'title: { en: "Sparse", de: "Dünn" }',
    'unknown: { en: "Unknown", de: "Unbekannt" }',
    "locales: [en, de]",
    "bounds: { min: 0, max: 9999 }",
    "ranges:",
    '  - { from: 1000, to: 4999, name: Main, description: { en: "Main", de: "Haupt" } }',
    '  - { from: 2000, to: 2999, name: Inner, description: { en: "Inner", de: "Innen" } }',
    "codes:",
    ...codes.map((code) => `  - { code: ${code}, name: Code${code}, description: { en: "Code ${code}", de: "Kode ${code}" } }`),
    "sets:",
    `  - { name: Odd, include: [${codes.filter((code) => code % 2 === 1).join(", ")}] }`,
    "",
  ].join("\n");
}

describe("every emitted module, whatever its registry, is free of top-level side effects", () => {
  it.each([
    {
      registry: "the basic fixture (aliases, sets with exclusions, nested ranges)",
      id: "app-errors",
      yaml: async () => readFile(path.join(repoRoot, "test/fixtures/basic/registry.yaml"), "utf8"),
    },
    { registry: "300 sparse codes (table-driven guards)", id: "sparse", yaml: async () => sparseRegistry() },
  ])("$registry: importing it for nothing bundles to nothing, ESM and CommonJS", async ({ id, yaml }) => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": await yaml() });
    for (const module of ["esm", "cjs"] as const) {
      const out = path.join(dir, module);
      await generate({ cwd: dir, registries: ["registry.yaml"], outDir: module, emit: "js", module, targets: ["ts"] });
      await writeTree(out, { "package.json": JSON.stringify({ type: module === "esm" ? "module" : "commonjs" }) });
      const app = `import ${JSON.stringify(`./${id}.js`)};\n`;
      if (module === "esm") expect(await bundleApp("esbuild", out, app)).toBe("");
      expect(await bundleApp("rollup", out, app, { commonjs: module === "cjs" })).toBe("");
    }
  });
});
