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
    const result = await compileStrict(dir, {
      "index.ts": `import { isValidCloseCode, isCloseCode, type CloseCodeValue } from "codebook/close-codes";
import { generate, check, validate, loadRegistry, type RunOptions } from "codebook";
const code: number = 1000;
const options: RunOptions = { outDir: "out" };
if (isCloseCode(code)) { const value: CloseCodeValue = code; console.log(value, isValidCloseCode(value)); }
void [generate, check, validate, loadRegistry, options];
`,
    }, { types: ["node"], typeRoots: [path.join(repoRoot, "node_modules", "@types")] });
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
