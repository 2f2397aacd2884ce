import { execFile } from "node:child_process";
import { mkdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/paths.js";
import { tempDir } from "./helpers/temp.js";
import { compileStrict } from "./helpers/typescript.js";

const run = promisify(execFile);

/** A consumer project whose node_modules/codebook is this package (as npm links a local dependency). */
async function consumer(): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "node_modules"), { recursive: true });
  await symlink(repoRoot, path.join(dir, "node_modules", "codebook"), "dir");
  return dir;
}

describe("the package's exports", () => {
  it("declares the API, the default module with its types, and the CLI", async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "codebook",
      type: "module",
      bin: { codebook: "bin/codebook.js" },
      exports: {
        ".": { types: "./dist/generator/index.d.ts", default: "./dist/generator/index.js" },
        "./close-codes": { types: "./dist/generated/close-codes.d.ts", default: "./dist/generated/close-codes.js" },
        "./vite": { types: "./dist/generator/plugins/vite.d.ts", default: "./dist/generator/plugins/vite.js" },
        "./rollup": { types: "./dist/generator/plugins/rollup.d.ts", default: "./dist/generator/plugins/rollup.js" },
        "./esbuild": { types: "./dist/generator/plugins/esbuild.d.ts", default: "./dist/generator/plugins/esbuild.js" },
        "./webpack": { types: "./dist/generator/plugins/webpack.d.ts", default: "./dist/generator/plugins/webpack.js" },
      },
    });
  });

  it('lets a consumer run `import { isValidCloseCode } from "codebook/close-codes"`', async () => {
    const dir = await consumer();
    const script = `import { isValidCloseCode, describeCloseCode, CloseCode } from "codebook/close-codes";
console.log(JSON.stringify([isValidCloseCode(1000), isValidCloseCode(1005), CloseCode.GoingAway, describeCloseCode(4000, "de")]));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual([
      true,
      false,
      1001,
      "Für die private Nutzung nach Absprache zwischen Anwendungen; können nicht registriert werden.",
    ]);
  });

  it("types the default module and the API for a strict NodeNext consumer", async () => {
    const dir = await consumer();
    const result = await compileStrict(
      dir,
      {
        "index.ts": `import { isValidCloseCode, isCloseCode, type CloseCodeValue } from "codebook/close-codes";
import { generate, check, validate, loadRegistry, type RunOptions } from "codebook";
const code: number = 1000;
const options: RunOptions = { outDir: "out" };
if (isCloseCode(code)) { const value: CloseCodeValue = code; console.log(value, isValidCloseCode(value)); }
void [generate, check, validate, loadRegistry, options];
`,
      },
      { types: ["node"], typeRoots: [path.join(repoRoot, "node_modules", "@types")] },
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("types each bundler plugin as that bundler's own plugin, taking the API's options", async () => {
    const dir = await consumer();
    for (const bundler of ["vite", "rollup", "esbuild", "webpack"])
      await symlink(path.join(repoRoot, "node_modules", bundler), path.join(dir, "node_modules", bundler), "dir");
    const result = await compileStrict(
      dir,
      {
        "index.ts": `import type { Plugin as VitePlugin } from "vite";
import type { Plugin as RollupPlugin } from "rollup";
import type { Plugin as EsbuildPlugin } from "esbuild";
import type { WebpackPluginInstance } from "webpack";
import vite, { type CodebookPluginOptions } from "codebook/vite";
import rollup from "codebook/rollup";
import esbuild from "codebook/esbuild";
import webpack from "codebook/webpack";
const options: CodebookPluginOptions = { config: "codebook.config.json", registries: ["codes.yaml"], outDir: "src/generated", emit: "js" };
const plugins: [VitePlugin, RollupPlugin, EsbuildPlugin, WebpackPluginInstance] = [vite(options), rollup(), esbuild({ registries: ["codes.yaml"] }), webpack({})];
// @ts-expect-error the options are the API's, checked
vite({ registry: "codes.yaml" });
void plugins;
`,
      },
      { types: ["node"], typeRoots: [path.join(repoRoot, "node_modules", "@types")] },
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("exposes the API at the package root", async () => {
    const dir = await consumer();
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "-e", `import * as api from "codebook"; console.log(Object.keys(api).sort().join(","));`],
      { cwd: dir },
    );
    expect(stdout.trim().split(",")).toEqual(expect.arrayContaining(["check", "generate", "loadRegistry", "validate"]));
  });
});
