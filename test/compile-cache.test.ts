import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, chown, cp, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHED_SOURCE_LENGTH } from "../generator/compile-cache.js";
import { type CliRun, spawnCli } from "./helpers/cli.js";
import { cliPath, repoRoot } from "./helpers/paths.js";
import { demoRegistry } from "./helpers/registries.js";
import { tempDir, tempDirForFile, writeTree } from "./helpers/temp.js";

const run = promisify(execFile);

/** The CommonJS files of a full run large enough for the cache: codebook's own bundle, and ts-morph's three. */
const CACHED = [
  path.join(repoRoot, "dist", "generator", "bundle", "codebook.cjs"),
  ...["ts-morph/dist/ts-morph.js", "@ts-morph/common/dist/ts-morph-common.js", "@ts-morph/common/dist/typescript.js"].map((file) =>
    path.join(repoRoot, "node_modules", file),
  ),
];
/** The largest of them, ts-morph's bundled TypeScript. */
const TYPESCRIPT = CACHED[3]!;

const GENERATE = ["generate", "codes.yaml", "--out", "out", "--force", "--quiet"];
const uid = process.getuid?.();
/** The compile cache as the bin loads it (scripts/bundle-cli.mjs bundles it into a CommonJS file of its own). */
const compileCacheModule = pathToFileURL(path.join(repoRoot, "dist", "generator", "bundle", "compile-cache.cjs")).href;

/** What the cache reported (NODE_DEBUG=codebook): each module's outcome, and the modules whose entry it wrote. */
function reported(stderr: string): { outcomes: Record<string, string>; wrote: string[]; off: string[] } {
  const outcomes: Record<string, string> = {};
  const wrote: string[] = [];
  const off: string[] = [];
  for (const [, what, rest] of stderr.matchAll(/^CODEBOOK \d+: compile cache:? ?(hit|miss|wrote|off:) (.*)$/gm)) {
    if (what === "off:") off.push(rest!);
    else if (what === "wrote") wrote.push(rest!);
    else {
      const [, file, reason] = /^(\S+)(?: \((.*)\))?$/.exec(rest!)!;
      outcomes[file!] = reason === undefined ? what! : `${what} (${reason})`;
    }
  }
  return { outcomes, wrote: wrote.sort(), off };
}

const each = (outcome: string): Record<string, string> => Object.fromEntries(CACHED.map((file) => [file, outcome]));

/** The files an uncached full generate writes for the demo registry. */
let expected: Record<string, string>;

beforeAll(async () => {
  const dir = await tempDirForFile("codebook-cache-project-");
  await writeTree(dir, { "codes.yaml": demoRegistry() });
  const uncached = await spawnCli(GENERATE, dir, { env: { NODE_DISABLE_COMPILE_CACHE: "1" } });
  expect(uncached.code, uncached.stderr).toBe(0);
  expected = await filesIn(path.join(dir, "out"));
});

/** A project with the demo registry, not generated yet. */
async function project(): Promise<string> {
  const dir = await tempDir("codebook-cache-project-");
  await writeTree(dir, { "codes.yaml": demoRegistry() });
  return dir;
}

/** Every file below `folder`, relative path → contents (a symbolic link as `-> target`, a FIFO as `fifo`). */
async function filesIn(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(folder, file);
    if (entry.isFile()) files[key] = (await readFile(file)).toString("base64");
    else if (entry.isSymbolicLink()) files[key] = "symlink";
    else if (entry.isFIFO()) files[key] = "fifo";
  }
  return files;
}

/** A full generate with the cache reporting, the cache under `cache` (NODE_COMPILE_CACHE), or as `env` says. */
function generate(dir: string, env: Readonly<Record<string, string>>, nodeArgs: readonly string[] = []): Promise<CliRun> {
  return spawnCli(GENERATE, dir, { env: { NODE_DEBUG: "codebook", NODE_DISABLE_COMPILE_CACHE: "", ...env }, nodeArgs });
}

/** The cache's entries in its folder under NODE_COMPILE_CACHE: name → the digest of its bytes. */
async function entries(cache: string): Promise<Record<string, string>> {
  const folder = path.join(cache, "codebook");
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, sha256(await readFile(path.join(folder, name)))] as const)));
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("the CLI's compile cache", () => {
  it("is written by a first full run and used by the second, which writes the same files", async () => {
    const dir = await project();
    const cache = path.join(await tempDir("codebook-cache-"), "cache");
    const first = await generate(dir, { NODE_COMPILE_CACHE: cache });
    expect(first.code, first.stderr).toBe(0);
    expect(reported(first.stderr)).toEqual({ outcomes: each("miss (absent)"), wrote: [...CACHED].sort(), off: [] });
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);

    // One entry per module, in a folder and files only the user may read.
    const folder = path.join(cache, "codebook");
    expect((await lstat(folder)).mode & 0o777).toBe(0o700);
    const written = await entries(cache);
    expect(Object.keys(written)).toEqual(CACHED.map((file) => `${sha256(Buffer.from(file))}.cache`).sort());
    for (const name of Object.keys(written)) expect((await lstat(path.join(folder, name))).mode & 0o777).toBe(0o600);

    const second = await generate(dir, { NODE_COMPILE_CACHE: cache });
    expect(second.code, second.stderr).toBe(0);
    expect(reported(second.stderr)).toEqual({ outcomes: each("hit"), wrote: [], off: [] });
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    expect(await entries(cache)).toEqual(written);
  });

  it("lives in a folder of the user's own in the temporary folder when NODE_COMPILE_CACHE is not set", async () => {
    const dir = await project();
    const tmp = await tempDir("codebook-cache-tmp-");
    const first = await generate(dir, { TMPDIR: tmp, NODE_COMPILE_CACHE: "" });
    expect(first.code, first.stderr).toBe(0);
    const folder = path.join(tmp, `codebook-compile-cache-${uid}`);
    expect((await lstat(folder)).mode & 0o777).toBe(0o700);
    expect((await readdir(folder)).length).toBe(CACHED.length);
    expect(reported((await generate(dir, { TMPDIR: tmp, NODE_COMPILE_CACHE: "" })).stderr).outcomes).toEqual(each("hit"));
  });

  it("writes nothing with NODE_DISABLE_COMPILE_CACHE=1", async () => {
    const dir = await project();
    const tmp = await tempDir("codebook-cache-tmp-");
    const cache = path.join(tmp, "cache");
    for (const env of [{ NODE_COMPILE_CACHE: cache }, { TMPDIR: tmp, NODE_COMPILE_CACHE: "" }]) {
      const result = await generate(dir, { ...env, NODE_DISABLE_COMPILE_CACHE: "1" });
      expect(result.code, result.stderr).toBe(0);
      expect(reported(result.stderr)).toEqual({ outcomes: {}, wrote: [], off: ["NODE_DISABLE_COMPILE_CACHE is set"] });
      expect(await readdir(tmp)).toEqual([]);
      expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    }
  });
});

describe("an entry that does not match is not used, and is replaced", () => {
  /** A cache a first run filled, to copy from. */
  let filled: string;
  /** The name of typescript.js's entry: the digest of its path. */
  const typescriptEntry = `${sha256(Buffer.from(TYPESCRIPT))}.cache`;

  beforeAll(async () => {
    filled = path.join(await tempDirForFile("codebook-cache-"), "cache");
    expect((await generate(await project(), { NODE_COMPILE_CACHE: filled })).code).toBe(0);
  });

  /** A project and a copy of the filled cache; the path of typescript.js's entry in it, and the entry's bytes. */
  async function copied() {
    const cache = path.join(await tempDir("codebook-cache-"), "cache");
    await cp(filled, cache, { recursive: true });
    const entry = path.join(cache, "codebook", typescriptEntry);
    return { dir: await project(), cache, entry, bytes: await readFile(entry) };
  }

  /** Whether `bytes` is an entry the cache would use for the module `like` is the entry of. */
  function intact(bytes: Buffer, like: Buffer): boolean {
    const data = bytes.subarray(72);
    const digest = createHash("sha256").update(data).digest();
    return bytes.subarray(0, 40).equals(like.subarray(0, 40)) && bytes.subarray(40, 72).equals(digest) && data.length > 1000;
  }

  it.each([
    {
      damage: "has bytes changed in its data",
      reason: "corrupt",
      spoil: (entry: string, bytes: Buffer) =>
        writeFile(
          entry,
          bytes.map((byte, at) => (at > 1000 && at % 4099 === 0 ? byte ^ 0x5a : byte)),
        ),
    },
    { damage: "is cut short", reason: "corrupt", spoil: (entry: string, bytes: Buffer) => writeFile(entry, bytes.subarray(0, 5000)) },
    { damage: "is empty", reason: "corrupt", spoil: (entry: string) => writeFile(entry, "") },
    {
      damage: "was made from another source",
      reason: "stale",
      spoil: (entry: string, bytes: Buffer) =>
        writeFile(
          entry,
          bytes.map((byte, at) => (at === 20 ? byte ^ 1 : byte)),
        ),
    },
    { damage: "is a named pipe", reason: "not a regular file", spoil: (entry: string) => execFileSync("mkfifo", [entry]) },
  ])("an entry that $damage", async ({ reason, spoil }) => {
    const { dir, cache, entry, bytes } = await copied();
    const typescript = TYPESCRIPT;
    await rm(entry);
    await spoil(entry, bytes);
    const result = await generate(dir, { NODE_COMPILE_CACHE: cache });
    expect(result.code, result.stderr).toBe(0);
    expect(reported(result.stderr)).toEqual({
      outcomes: { ...each("hit"), [typescript]: `miss (${reason})` },
      wrote: [typescript],
      off: [],
    });
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    expect(intact(await readFile(entry), bytes)).toBe(true);
  });

  it("a symbolic link in place of an entry is not followed, and what it points to is left alone", async () => {
    const { dir, cache, entry, bytes } = await copied();
    const outside = path.join(await tempDir("codebook-cache-outside-"), "precious");
    await writeFile(outside, bytes);
    await rm(entry);
    await symlink(outside, entry);
    const result = await generate(dir, { NODE_COMPILE_CACHE: cache });
    expect(reported(result.stderr).outcomes[TYPESCRIPT]).toBe("miss (not a regular file)");
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    expect((await readFile(outside)).equals(bytes)).toBe(true);
    expect((await lstat(entry)).isFile()).toBe(true);
  });
});

// Root may write anywhere: run as root, the CLI runs without the capabilities that bypass file permissions.
const withPermissionChecks = uid === 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];

describe("a cache folder that is not the user's alone is not used: the run is as without it, writes nothing there, says nothing", () => {
  const folders = [
    {
      folder: "a symbolic link to a folder of the user's",
      make: async (at: string, tmp: string) => {
        await mkdir(path.join(tmp, "elsewhere"), { mode: 0o700 });
        await symlink(path.join(tmp, "elsewhere"), at);
      },
    },
    { folder: "a folder others may enter", make: (at: string) => mkdir(at).then(() => chmod(at, 0o755)) },
    { folder: "a file", make: (at: string) => writeFile(at, "not a folder\n") },
    // Only root can give a folder to another user.
    ...(uid === 0
      ? [{ folder: "another user's folder", make: (at: string) => mkdir(at, { mode: 0o700 }).then(() => chown(at, 65534, 65534)) }]
      : []),
  ];

  it.each(folders)("$folder in the temporary folder", async ({ make }) => {
    const dir = await project();
    const tmp = await tempDir("codebook-cache-tmp-");
    await make(path.join(tmp, `codebook-compile-cache-${uid}`), tmp);
    const before = await filesIn(tmp);
    const result = await generate(dir, { TMPDIR: tmp, NODE_COMPILE_CACHE: "" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(reported(result.stderr)).toEqual({
      outcomes: {},
      wrote: [],
      off: [expect.stringContaining("is not a folder of this user's alone")],
    });
    expect(result.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("CODEBOOK "))).toEqual([]);
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    expect(await filesIn(tmp)).toEqual(before);
  });

  it("a folder the user may not write: the entries are not written, and the run says nothing of it", async () => {
    const dir = await project();
    const cache = path.join(await tempDir("codebook-cache-"), "cache");
    await mkdir(path.join(cache, "codebook"), { recursive: true, mode: 0o700 });
    await chmod(path.join(cache, "codebook"), 0o500);
    const [command, ...rest] = [...withPermissionChecks, process.execPath, cliPath, ...GENERATE];
    const result = await run(command!, rest, {
      cwd: dir,
      env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: "" },
    });
    expect(result).toMatchObject({ stdout: "", stderr: "" });
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    expect(await readdir(path.join(cache, "codebook"))).toEqual([]);
  });
});

describe("compiling a module that changed", () => {
  /** A CommonJS module large enough for the cache, whose export is `value`: changing it keeps its length. */
  const moduleOf = (value: number) => `exports.value = ${value};\nexports.padding = "${"x".repeat(CACHED_SOURCE_LENGTH)}";\n`;

  /** Requires `file` in a process with the cache installed, as the CLI installs it; what it exports and reports. */
  async function requireCached(file: string, cache: string) {
    const script = `const { installCompileCache } = await import(${JSON.stringify(compileCacheModule)}); installCompileCache(); const { createRequire } = await import("node:module"); console.log(createRequire(${JSON.stringify(file)})(${JSON.stringify(file)}).value);`;
    const { stdout, stderr } = await run(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DEBUG: "codebook", NODE_DISABLE_COMPILE_CACHE: "" },
    });
    return { value: stdout.trim(), ...reported(stderr) };
  }

  it("does not run a changed module of the same length from the entry of the old one", async () => {
    const dir = await tempDir("codebook-cache-module-");
    const file = path.join(dir, "big.cjs");
    const cache = path.join(dir, "cache");
    await writeFile(file, moduleOf(1));
    expect(await requireCached(file, cache)).toEqual({ value: "1", outcomes: { [file]: "miss (absent)" }, wrote: [file], off: [] });
    expect(await requireCached(file, cache)).toEqual({ value: "1", outcomes: { [file]: "hit" }, wrote: [], off: [] });

    // V8 alone would run the old code: it checks the source's length, which is the same.
    const wrapped = (value: number) => `(function (exports) { ${moduleOf(value)}\n})`;
    const old = new vm.Script(wrapped(1), { filename: file });
    (old.runInThisContext() as (exports: object) => void)({});
    const stale = new vm.Script(wrapped(2), { filename: file, cachedData: old.createCachedData() });
    expect(stale.cachedDataRejected).toBe(false);
    const exports: { value?: number } = {};
    (stale.runInThisContext() as (exports: object) => void)(exports);
    expect(exports.value).toBe(1);

    await writeFile(file, moduleOf(2));
    expect(await requireCached(file, cache)).toEqual({ value: "2", outcomes: { [file]: "miss (stale)" }, wrote: [file], off: [] });
    expect(await requireCached(file, cache)).toEqual({ value: "2", outcomes: { [file]: "hit" }, wrote: [], off: [] });
  });
});

describe("what turns the cache on", () => {
  it("the library API does not: a full generate through it leaves the module loader and the cache folder alone", async () => {
    const dir = await project();
    const cache = path.join(await tempDir("codebook-cache-"), "cache");
    const api = pathToFileURL(path.join(repoRoot, "dist", "generator", "index.js")).href;
    const script = `const { default: Module } = await import("node:module"); const compile = Module.prototype._compile; const { generate } = await import(${JSON.stringify(api)}); const r = await generate({ registries: ["codes.yaml"], outDir: "out" }); console.log(r.written.length > 0, Module.prototype._compile === compile);`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dir,
      env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: "" },
    });
    expect(stdout.trim()).toBe("true true");
    expect(await filesIn(path.join(dir, "out"))).toEqual(expected);
    await expect(lstat(cache)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("where Node has its own compile cache (Node ≥ 22.1), the CLI turns that on instead", async () => {
    const script = `const { default: Module } = await import("node:module"); const compile = Module.prototype._compile; let calls = 0; Module.enableCompileCache = () => { calls++; return { status: 0, directory: "x" }; }; const { installCompileCache } = await import(${JSON.stringify(compileCacheModule)}); installCompileCache(); console.log(calls, Module.prototype._compile === compile);`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "" },
    });
    expect(stdout.trim()).toBe("1 true");
  });
});
