import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/paths.js";
import { installInto, npm, type PackedTarball, packPackage, runDevTool } from "./helpers/tarball.js";
import { tempDir, tempDirForFile, writeTree } from "./helpers/temp.js";
import { compileStrict } from "./helpers/typescript.js";

const run = promisify(execFile);

interface Manifest {
  readonly name: string;
  readonly license: string;
  readonly bin: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly engines: { readonly node: string };
  readonly [key: string]: unknown;
}

const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

/**
 * Relative module specifiers a built file loads: static and dynamic imports, re-exports, `import type` in `.d.ts`,
 * and `require` in a CommonJS file (the bin).
 */
function relativeImports(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? "");
}

/** The packed files that the package's `exports` and `bin` reach, following relative imports (a `.js` brings its `.d.ts`). */
async function reachableFiles(root: string, manifest: Manifest): Promise<Set<string>> {
  const entries = [
    ...Object.values(manifest.bin),
    ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target))),
  ];
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.posix.normalize(entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".js")) queue.push(file.replace(/\.js$/, ".d.ts"));
    if (!/\.(c?js|d\.ts)$/.test(file)) continue;
    const source = await readFile(path.join(root, file), "utf8").catch(() => "");
    for (const specifier of relativeImports(source)) queue.push(path.posix.join(path.posix.dirname(file), specifier));
    // A declaration map is reached from its declaration file (its sources are the shipped registry files).
    const map = /^\/\/# sourceMappingURL=(\S+)$/m.exec(source)?.[1];
    if (map !== undefined) queue.push(path.posix.join(path.posix.dirname(file), map));
  }
  return seen;
}

/** The fenced blocks of one README section, in order, each with its info string, exactly as written there. */
async function readmeBlocks(heading: string): Promise<{ lang: string; body: string }[]> {
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section ${heading}`);
  const end = readme.indexOf("\n## ", start + heading.length + 2);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1] ?? "", body: match[2] ?? "" }));
}

/** The npx commands of a README shell block, as argument lists for the installed bin. */
function npxCommands(block: string): string[][] {
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.startsWith("npx codebook "))
    .map((line) => line.split(/\s+/).slice(2));
}

describe("the codebook tarball, as npm publishes it", () => {
  let packed: PackedTarball;
  let manifest: Manifest;

  beforeAll(async () => {
    packed = await packPackage(repoRoot, await tempDirForFile("codebook-pack-"));
    manifest = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as Manifest;
  });

  it("passes publint, warnings included", async () => {
    const result = await runDevTool("publint", ["run", "--strict", packed.tarball], repoRoot);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("All good!");
  });

  it("passes attw for an ES-module-only package", async () => {
    // The esm-only profile leaves out node10 resolution (no `exports` support: Node 10 is long gone) and the
    // CJSResolvesToESM warning for `require`: the engines codebook declares load an ES module with `require`
    // (tested below), which the TypeScript inside attw does not model yet.
    const result = await runDevTool("attw", [packed.tarball, "--profile", "esm-only"], repoRoot);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("(ignoring resolutions: 'node10', 'node16-cjs')");
  });

  it("ships only what its exports, bin and data folders reach, plus README, LICENSE, package.json and the build stamp", async () => {
    const reachable = await reachableFiles(repoRoot, manifest);
    // bin/package.json makes the bin CommonJS: without it an installed bin would not run.
    const others = ["README.md", "LICENSE", "package.json", "bin/package.json", "dist/generator/build-stamp.txt"];
    const unreachable = packed.files.filter(
      (file) => !reachable.has(file) && !/^(schema|templates)\//.test(file) && !others.includes(file),
    );
    expect(unreachable).toEqual([]);
    // One implementation: the generator's code ships once, in its bundle; beside it only the small no-op bundle,
    // the compile cache, the API entry that re-exports the bundle, and the bundler plugins over that entry.
    const code = packed.files.filter((file) => file.startsWith("dist/generator/") && /\.c?js$/.test(file));
    expect(code.filter((file) => !/^dist\/generator\/(bundle\/[^/]+\.cjs|index\.js|plugins\/[^/]+\.js)$/.test(file))).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "bin/codebook.js",
        "bin/package.json",
        "dist/generator/bundle/no-op-cli.cjs",
        "dist/generator/bundle/compile-cache.cjs",
        "dist/generator/bundle/codebook.cjs",
        "dist/generator/index.js",
        "dist/generator/index.d.ts",
        "schema/registry.schema.json",
        "templates/page.md",
        "dist/generator/build-stamp.txt",
      ]),
    );
  });

  it("declares its license, repository, homepage and keywords, and runs nothing at install", async () => {
    expect(manifest.license).toBe("MIT");
    expect((await readFile(path.join(repoRoot, "LICENSE"), "utf8")).split("\n")[0]).toBe("MIT License");
    expect(manifest).toMatchObject({ repository: { type: "git" }, homepage: expect.stringMatching(/^https:\/\//) });
    expect(manifest.keywords).toEqual(expect.arrayContaining(["codegen", "typescript", "i18n"]));
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
  });

  it("has a bin npm keeps: a relative path without ./, executable, with a node shebang", async () => {
    const { stderr } = await npm(["publish", "--dry-run", "--ignore-scripts", "--tag", "dry-run"], repoRoot);
    expect(stderr).not.toMatch(/invalid|auto-corrected/i);
    expect(manifest.bin).toEqual({ codebook: "bin/codebook.js" });
    const binFile = path.join(repoRoot, "bin", "codebook.js");
    expect((await stat(binFile)).mode & 0o111).not.toBe(0);
    expect((await readFile(binFile, "utf8")).split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("installs into an empty project without warnings, and works there: the CLI, import and require", async () => {
    const dir = await tempDir("codebook-consumer-");
    const { stderr } = await installInto(dir, [packed.tarball]);
    expect(stderr).not.toMatch(/npm warn/i);
    await followReadme(dir);

    // The installed CLI compiles its own bundle and ts-morph through its compile cache: the first full run writes the entries, the next uses them.
    const cached = async () => {
      const env = {
        ...process.env,
        NODE_COMPILE_CACHE: path.join(dir, "compile-cache"),
        NODE_DEBUG: "codebook",
        NODE_DISABLE_COMPILE_CACHE: "",
      };
      const { stderr } = await run(path.join(dir, "node_modules", ".bin", "codebook"), ["generate", "--force", "--quiet"], {
        cwd: dir,
        env,
      });
      return [...stderr.matchAll(/compile cache (hit|wrote) (\S+)/g)].map((match) => `${match[1]} ${path.relative(dir, match[2]!)}`).sort();
    };
    const typescript = path.join("node_modules", "@ts-morph", "common", "dist", "typescript.js");
    const generator = path.join("node_modules", "codebook", "dist", "generator", "bundle", "codebook.cjs");
    expect(await cached()).toEqual(expect.arrayContaining([`wrote ${typescript}`, `wrote ${generator}`]));
    expect(await cached()).toEqual(expect.arrayContaining([`hit ${typescript}`, `hit ${generator}`]));

    const { stdout: version } = await run(path.join(dir, "node_modules", ".bin", "codebook"), ["--version"], { cwd: dir });
    expect(version.trim()).toContain(JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")).version);

    const script = (load: string) => `${load}; console.log(m.isValidCloseCode(1000), m.isValidCloseCode(1005));`;
    const esm = await run(process.execPath, ["--input-type=module", "-e", script(`const m = await import("codebook/close-codes")`)], {
      cwd: dir,
    });
    const cjs = await run(process.execPath, ["--input-type=commonjs", "-e", script(`const m = require("codebook/close-codes")`)], {
      cwd: dir,
    });
    expect([esm.stdout, cjs.stdout]).toEqual(["true false\n", "true false\n"]);
    // `require` of an ES module without a flag: what the declared engines promise.
    expect(manifest.engines.node).toBe("^20.19.0 || >=22.12.0");
  });
});

/**
 * Does what the README's "Use it in your project" says, block by block, in a project where the tarball is installed:
 * writes the registry and the config, runs the npx commands, and compiles the import example strictly.
 */
async function followReadme(dir: string): Promise<void> {
  const blocks = await readmeBlocks("## Use it in your project");
  const install = blocks.find((block) => block.lang === "sh" && block.body.includes("npm install"));
  expect(install?.body.trim()).toBe("npm install -D codebook");
  const registry = blocks.find((block) => block.lang === "yaml")?.body ?? "";
  const config = blocks.find((block) => block.lang === "json")?.body ?? "";
  const usage = blocks.find((block) => block.lang === "ts")?.body ?? "";
  const schemaPath = /\$schema=(\S+)/.exec(registry)?.[1] ?? "";
  expect(schemaPath).toBe("./node_modules/codebook/schema/registry.schema.json");
  await stat(path.join(dir, schemaPath));
  await stat(path.join(dir, (JSON.parse(config) as { $schema: string }).$schema));
  await writeTree(dir, { "app-errors.yaml": registry, "codebook.config.json": config });

  const bin = path.join(dir, "node_modules", ".bin", "codebook");
  const commands = blocks.filter((block) => block.lang === "sh").flatMap((block) => npxCommands(block.body));
  expect(commands.map((args) => args[0])).toEqual(["generate", "check"]);
  for (const args of commands) await run(bin, args, { cwd: dir });

  const result = await compileStrict(path.join(dir, "src"), {
    "generated/app-errors.ts": await readFile(path.join(dir, "src", "generated", "app-errors.ts"), "utf8"),
    "app.ts": usage,
  });
  expect(result.output).toBe("");
  expect(result.ok).toBe(true);
}
