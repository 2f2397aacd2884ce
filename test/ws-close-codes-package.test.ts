import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bundler, bundleApp, byteSize } from "./helpers/bundle.js";
import { repoRoot } from "./helpers/paths.js";
import { installInto, npm, type PackedTarball, packPackage, runDevTool } from "./helpers/tarball.js";
import { tempDirForFile } from "./helpers/temp.js";
import { compileStrict } from "./helpers/typescript.js";

const run = promisify(execFile);
const PACKAGE = path.join(repoRoot, "packages", "ws-close-codes");

/** Runs a script in the consumer project with node and parses what it prints as JSON. */
async function evaluate(dir: string, type: "module" | "commonjs", script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, [`--input-type=${type}`, "-e", script], { cwd: dir });
  return JSON.parse(stdout);
}

/** What a consumer prints after using the guards, names and describer, whichever module system loaded them. */
const USE = `JSON.stringify([m.isValidCloseCode(1000), m.isValidCloseCode(1005), m.isCloseCallCode(1001), m.CloseCode.GoingAway,
  m.getCloseCodeName(1011), m.describeCloseCode(4000, "de"), m.createCloseCodeDescriber(m.closeCodeCatalogFr)(1000), Object.keys(m).sort()])`;

const GUARD_APP = 'import { isValidCloseCode } from "ws-close-codes";\nglobalThis.result = isValidCloseCode(Number(globalThis.input));\n';
const GERMAN_APP =
  'import { createCloseCodeDescriber, closeCodeCatalogDe } from "ws-close-codes";\nglobalThis.result = createCloseCodeDescriber(closeCodeCatalogDe)(Number(globalThis.input));\n';

/** The default registry's texts, from the package's own JSON: every code's description in every locale. */
interface RegistryTexts {
  readonly locales: readonly string[];
  readonly codes: readonly { readonly name: string; readonly description: Readonly<Record<string, string>> }[];
}

/** A strict TypeScript consumer: every guard narrows, names are checked, and a wrong name fails. */
const CONSUMER = `import { CloseCode, describeCloseCode, isCloseCode, isValidCloseCode, type CloseCodeName, type CloseCodeValue } from "ws-close-codes";

export function explain(code: number): string {
  if (!isCloseCode(code)) return describeCloseCode(code, ["de-AT", "en"]);
  const value: CloseCodeValue = code;
  const name: CloseCodeName = "NormalClosure";
  return \`\${name} \${value} \${isValidCloseCode(value) ? "valid" : "not sent"} \${CloseCode.AbnormalClosure}\`;
}
`;

describe("the ws-close-codes tarball, installed alone into an empty project", () => {
  let packed: PackedTarball;
  let consumer: string;
  let installOutput: string;

  beforeAll(async () => {
    packed = await packPackage(PACKAGE, await tempDirForFile("ws-close-codes-pack-"));
    consumer = await tempDirForFile("ws-close-codes-consumer-");
    installOutput = (await installInto(consumer, [packed.tarball])).stderr;
  });

  it("installs without warnings, with nothing but itself in node_modules", async () => {
    expect(installOutput).not.toMatch(/npm warn/i);
    expect((await readdir(path.join(consumer, "node_modules"))).filter((name) => !name.startsWith("."))).toEqual(["ws-close-codes"]);
    const manifest = JSON.parse(await readFile(path.join(PACKAGE, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({ type: "module", sideEffects: false, license: "MIT" });
    expect(manifest).not.toHaveProperty("dependencies");
    expect(manifest).not.toHaveProperty("scripts");
  });

  it("ships the module in both formats, their types, the catalogs, README and LICENSE, and no manifests", () => {
    expect(packed.files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "esm/close-codes.js",
        "esm/close-codes.d.ts",
        "cjs/close-codes.js",
        "cjs/close-codes.d.ts",
        "cjs/package.json",
        "data/close-codes.json",
        "data/i18next/de/close-codes.json",
        "data/formatjs/ja/close-codes.json",
        "data/gettext/pt-BR/close-codes.po",
        "data/gettext/close-codes.pot",
      ]),
    );
    expect(packed.files.filter((file) => file.includes(".codebook-manifest"))).toEqual([]);
  });

  it("passes publint (warnings included) and attw with every resolution mode", async () => {
    const publint = await runDevTool("publint", ["run", "--strict", packed.tarball], repoRoot);
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain("All good!");
    const attw = await runDevTool("attw", [packed.tarball], repoRoot);
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
    expect(attw.stdout).toContain("No problems found");
  });

  it("publishes as written: npm publish --dry-run corrects nothing in its package.json", async () => {
    const { stderr } = await npm(["publish", "--dry-run", "--ignore-scripts", "--tag", "dry-run"], PACKAGE);
    expect(stderr).not.toMatch(/invalid|auto-corrected/i);
  });

  it("is the same module from import and from require", async () => {
    const esm = await evaluate(consumer, "module", `const m = await import("ws-close-codes"); console.log(${USE});`);
    const cjs = await evaluate(consumer, "commonjs", `const m = require("ws-close-codes"); console.log(${USE});`);
    expect(esm).toEqual(cjs);
    expect((esm as unknown[]).slice(0, 7)).toEqual([
      true,
      false,
      false,
      1001,
      "InternalError",
      "Für die private Nutzung nach Absprache zwischen Anwendungen; können nicht registriert werden.",
      expect.stringMatching(/^Fermeture normale/),
    ]);
  });

  it("serves the catalogs by their paths, from import and from require", async () => {
    const script = `const de = (await import("ws-close-codes/data/i18next/de/close-codes.json", { with: { type: "json" } })).default;
const { createRequire } = await import("node:module");
const require = createRequire(process.cwd() + "/");
const fr = require("ws-close-codes/data/formatjs/fr/close-codes.json");
const po = (await import("node:fs")).readFileSync(require.resolve("ws-close-codes/data/gettext/ja/close-codes.po"), "utf8");
const { describeCloseCode } = await import("ws-close-codes");
console.log(JSON.stringify([de.codes.GoingAway === describeCloseCode(1001, "de"), fr["close-codes:codes.GoingAway"].defaultMessage === describeCloseCode(1001, "fr").replaceAll("'", "''"), po.includes('msgctxt "codes.GoingAway"')]));`;
    expect(await evaluate(consumer, "module", script)).toEqual([true, true, true]);
  });

  it.each([
    { resolution: "NodeNext", options: { module: "NodeNext", moduleResolution: "NodeNext" } },
    { resolution: "bundler", options: { module: "Preserve", moduleResolution: "Bundler" } },
  ])("types every export for a strict TypeScript consumer ($resolution)", async ({ options }) => {
    const names = ((await evaluate(consumer, "module", `const m = await import("ws-close-codes"); console.log(${USE});`)) as unknown[]).at(
      -1,
    ) as string[];
    const everyExport = `import * as m from "ws-close-codes";\nexport const everyExport = [${names.map((name) => `m.${name}`).join(", ")}] as const;\n`;
    const files = { "consumer.ts": CONSUMER, "every-export.ts": everyExport };
    const ok = await compileStrict(consumer, files, options);
    expect(ok.output).toBe("");
    expect(ok.ok).toBe(true);
    const wrong = await compileStrict(
      consumer,
      { ...files, "wrong.ts": `import type { CloseCodeName } from "ws-close-codes";\nexport const name: CloseCodeName = "NotACode";\n` },
      options,
    );
    expect(wrong.ok).toBe(false);
    expect(wrong.output).toContain("wrong.ts");
  });

  it("types require() for a CommonJS TypeScript consumer (NodeNext, .cts)", async () => {
    const result = await compileStrict(consumer, {
      "consumer.cts": `import codes = require("ws-close-codes");\nconst valid: boolean = codes.isValidCloseCode(codes.CloseCode.NormalClosure);\nexport = valid;\n`,
    });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it.each(["esbuild", "rollup"] as const satisfies readonly Bundler[])(
    "%s: an app importing one guard bundles to at most 200 B, with no code name",
    async (bundler) => {
      const texts = JSON.parse(
        await readFile(path.join(consumer, "node_modules", "ws-close-codes", "data", "close-codes.json"), "utf8"),
      ) as RegistryTexts;
      const bundle = await bundleApp(bundler, consumer, GUARD_APP);
      expect(byteSize(bundle), bundle).toBeLessThanOrEqual(200);
      for (const entry of texts.codes) expect(bundle).not.toContain(entry.name);
    },
  );

  it.each(["esbuild", "rollup"] as const satisfies readonly Bundler[])(
    "%s: a German describer bundles every German text and no other locale's",
    async (bundler) => {
      const texts = JSON.parse(
        await readFile(path.join(consumer, "node_modules", "ws-close-codes", "data", "close-codes.json"), "utf8"),
      ) as RegistryTexts;
      const bundle = await bundleApp(bundler, consumer, GERMAN_APP);
      for (const entry of texts.codes) {
        expect(bundle).toContain(entry.description.de);
        for (const locale of texts.locales.filter((other) => other !== "de")) expect(bundle).not.toContain(entry.description[locale]);
      }
    },
  );
});
