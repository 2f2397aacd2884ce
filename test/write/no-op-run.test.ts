import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { spawnCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/paths.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const run = promisify(execFile);
const builtInPage = readFileSync(path.join(repoRoot, "templates", "page.md"), "utf8");
const register = path.join(repoRoot, "test", "fixtures", "import-log", "register.mjs");

const bundleUrl = (name: string): string => pathToFileURL(path.join(repoRoot, "dist", "generator", "bundle", name)).href;
const bundle = bundleUrl("no-op-cli.cjs");
/** The bundle of the whole generator, from which the CLI runs every other command (scripts/bundle-cli.mjs). */
const generatorBundle = bundleUrl("codebook.cjs");

/** The URLs of the built modules a bundle holds, from the list on its second line (scripts/bundle-cli.mjs). */
function bundledModules(url: string): string[] {
  const list = readFileSync(new URL(url), "utf8")
    .split("\n")[1]!
    .replace(/^\/\/ /, "")
    .split(" ");
  return list.map((module) => pathToFileURL(path.join(repoRoot, "dist", "generator", module)).href);
}

/**
 * Runs the built CLI with a resolve hook that logs every module it imports; returns the run, the files loaded
 * (`loaded`), and the modules that ran (`urls`: a bundle counts as every module it holds).
 */
async function tracedRun(args: readonly string[], cwd: string) {
  const log = path.join(cwd, `imports-${Math.random().toString(36).slice(2)}.log`);
  await writeFile(log, "");
  const run = await spawnCli(args, cwd, { nodeArgs: ["--import", register], env: { CODEBOOK_IMPORT_LOG: log } });
  // Each file once: the CommonJS bin, as the entry, is seen by both hooks (the entry goes through the ES module
  // loader when a module is preloaded with --import).
  const loaded = [...new Set((await readFile(log, "utf8")).split("\n").filter(Boolean))];
  const urls = loaded.flatMap((url) => (url === bundle || url === generatorBundle ? [url, ...bundledModules(url)] : [url]));
  return { run, loaded, urls };
}

/** codebook's own files a run loaded: the bin, the bundle, built modules. */
const ownIn = (loaded: readonly string[]): string[] =>
  loaded
    .filter((url) => url.startsWith(pathToFileURL(repoRoot).href) && !url.includes("/node_modules/"))
    .map((url) => path.relative(repoRoot, new URL(url).pathname));

const HEAVY = ["/node_modules/ts-morph/", "/node_modules/yaml/", "/node_modules/ajv/"];
const heavyIn = (urls: readonly string[]): string[] => HEAVY.filter((part) => urls.some((url) => url.includes(part)));
/**
 * The heavy modules a full generate loads, from registry arguments or a JSON config: yaml only to locate a
 * diagnostic (a config's entries too are located only for one).
 */
const RENDERING = HEAVY.filter((part) => part !== "/node_modules/yaml/");

/** codebook's modules of rendering and writing, and of the commands a no-op generate or check does not run. */
const WORK =
  /\/dist\/generator\/(run\/(render|render-folders|load-registries|output-plan|validate|watch|cli-help)|write\/(output-folder|staged-writes))\.js$/;
const workIn = (urls: readonly string[]): string[] => urls.filter((url) => WORK.test(url));

async function mtimes(folder: string, names: readonly string[]): Promise<number[]> {
  return Promise.all(names.map(async (name) => (await stat(path.join(folder, name))).mtimeMs));
}

describe("a generate run where nothing changed", () => {
  it.each([
    {
      layout: "registry arguments",
      files: { "codes.yaml": demoRegistry() },
      args: ["generate", "codes.yaml", "--out", "out"],
      rendering: RENDERING,
    },
    {
      layout: "a JSON config",
      rendering: RENDERING,
      files: {
        "codes.yaml": demoRegistry(),
        "codebook.config.json": JSON.stringify({ registries: [{ registry: "codes.yaml", outDir: "out" }] }),
      },
      args: ["generate"],
    },
  ])("with $layout loads neither ts-morph, nor yaml, nor ajv, and touches no file", async ({ files, args, rendering }) => {
    const dir = await tempDir();
    await writeTree(dir, files);
    const first = await tracedRun(args, dir);
    expect(first.run.code, first.run.stderr).toBe(0);
    // The hook sees the heavy modules when there is work to do, so the assertion below can fail. (Of ajv, only
    // the runtime helper that the validators compiled ahead of time require is loaded, never its compiler.)
    expect(heavyIn(first.urls)).toEqual(rendering);
    expect(first.urls.filter((url) => url.includes("/node_modules/ajv/") && !url.includes("/ajv/dist/runtime/"))).toEqual([]);
    // Once the no-op path declines, from the bundle of the whole generator, with the compile cache installed first.
    expect(ownIn(first.loaded)).toEqual([
      "bin/codebook.js",
      "dist/generator/bundle/no-op-cli.cjs",
      "dist/generator/bundle/compile-cache.cjs",
      "dist/generator/bundle/codebook.cjs",
    ]);

    const outputs = ["demo.ts", "demo.json", "demo.md", ".codebook-manifest.json"];
    const before = await mtimes(path.join(dir, "out"), outputs);
    const second = await tracedRun(args, dir);
    expect(second.run.code, second.run.stderr).toBe(0);
    expect(second.run.stdout.trim()).toBe("codebook: out up to date");
    // From one bundled file: the no-op path's modules, bundled at build time.
    expect(ownIn(second.loaded)).toEqual(["bin/codebook.js", "dist/generator/bundle/no-op-cli.cjs"]);
    expect(heavyIn(second.urls)).toEqual([]);
    // Of load/, the fast path needs only the checked reader every input goes through and where codebook's own files are.
    const light = ["/load/checked-read.js", "/load/package-root.js"];
    const loading = second.urls.filter(
      (url) => (url.includes("/load/") && !light.some((file) => url.endsWith(file))) || url.includes("/emit/ts/"),
    );
    expect(loading).toEqual([]);
    // Nor the modules that render and write: the run loads them once it knows there is work to do.
    expect(workIn(first.urls).length).toBeGreaterThan(0);
    expect(workIn(second.urls)).toEqual([]);
    expect(await mtimes(path.join(dir, "out"), outputs)).toEqual(before);
  });

  it("renders without yaml when no input has a problem, and loads it from the bundle to locate one", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const clean = await tracedRun(["generate", "codes.yaml", "--out", "out"], dir);
    expect(clean.run.code, clean.run.stderr).toBe(0);
    expect(clean.urls.some((url) => url.includes("/node_modules/yaml/"))).toBe(false);
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("code: 2", "code: 1"));
    const located = await tracedRun(["generate", "codes.yaml", "--out", "out"], dir);
    expect(located.run.code).toBe(1);
    expect(located.run.stderr).toMatch(/codes\.yaml:\d+:\d+/);
    expect(located.urls.some((url) => url.includes("/node_modules/yaml/"))).toBe(true);
  });

  it.each([
    {
      change: "a registry edit",
      edit: (dir: string) => writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("The first code.", "The 1st code.")),
    },
    { change: "a new locale file beside the registry", edit: (dir: string) => writeFile(path.join(dir, "codes.en.yaml"), "locale: en\n") },
    { change: "a hand-edited output", edit: (dir: string) => writeFile(path.join(dir, "out", "demo.md"), "edited\n") },
    { change: "different options", edit: async () => undefined, args: ["--no-enums"] },
  ])("is not taken after $change", async ({ edit, args = [] }) => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const base = ["generate", "codes.yaml", "--out", "out"];
    expect((await spawnCli(base, dir)).code).toBe(0);
    await edit(dir);
    const { run, urls } = await tracedRun([...base, ...args], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(urls.some((url) => url.includes("/load/load-registry.js"))).toBe(true);
  });

  it("is as light through the API: importing codebook and a no-op generate load none of them either", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    expect((await spawnCli(["generate", "codes.yaml", "--out", "out"], dir)).code).toBe(0);
    const log = path.join(dir, "imports.log");
    await writeFile(log, "");
    const api = pathToFileURL(path.join(repoRoot, "dist", "generator", "index.js")).href;
    const script = `const { generate } = await import(${JSON.stringify(api)}); const r = await generate({ registries: ["codes.yaml"], outDir: "out" }); console.log(r.upToDate.length);`;
    const { stdout } = await run(process.execPath, ["--import", register, "--input-type=module", "-e", script], {
      cwd: dir,
      env: { ...process.env, CODEBOOK_IMPORT_LOG: log },
    });
    expect(stdout.trim()).toBe("1");
    expect(heavyIn((await readFile(log, "utf8")).split("\n"))).toEqual([]);
  });
});

describe("A run that finds nothing changed has looked everywhere an input could appear", () => {
  it.each([
    {
      change: "a new page.<locale>.md in --templates",
      files: { "codes.yaml": demoRegistry(), "tpl/page.md": builtInPage },
      args: ["--templates", "tpl"],
      edit: (dir: string) => writeFile(path.join(dir, "tpl", "page.en.md"), builtInPage.replace("{{ title }}", "{{ title }} (English)")),
    },
    {
      change: "a new locales/<locale>.yaml in --templates",
      files: { "codes.yaml": demoRegistry(), "tpl/page.md": builtInPage },
      args: ["--templates", "tpl"],
      edit: (dir: string) => writeTree(dir, { "tpl/locales/en.yaml": "codes: The codes\n" }),
    },
    {
      change: "a nearer copy of the package an extends names",
      files: {
        "codes.yaml": "id: demo\nextends: base-codes/base.yaml\n",
        "../node_modules/base-codes/package.json": "{}\n",
        "../node_modules/base-codes/base.yaml": demoRegistry({ id: "base" }),
      },
      args: [],
      edit: (dir: string) =>
        writeTree(dir, {
          "node_modules/base-codes/package.json": "{}\n",
          "node_modules/base-codes/base.yaml": demoRegistry({ id: "base" }).replace("The first code.", "The nearer first code."),
        }),
    },
  ])("the fast path is not taken after $change", async ({ files, args, edit }) => {
    const root = await tempDir();
    const dir = path.join(root, "project");
    await writeTree(dir, files);
    const base = ["generate", "codes.yaml", "--out", "out", ...args];
    const first = await spawnCli(base, dir);
    expect(first.code, first.stderr).toBe(0);
    expect((await spawnCli(base, dir)).stdout.trim()).toBe("codebook: out up to date");
    await edit(dir);
    const { run, urls } = await tracedRun(base, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain("up to date");
    expect(urls.some((url) => url.includes("/load/load-registry.js"))).toBe(true);
  });
});

const DOCS = "# Docs\n\nBefore.\n\n<!-- codebook:start demo codes -->\n<!-- codebook:end demo -->\n\nAfter.\n";

/** The Code cell of code 1 in an injected codes table, padded to its column. */
const CODE_ONE_CELL = /\| (?:<a id="[^"]*"><\/a>)?1 +\|/;

describe("the no-op proof covers injected files and check", () => {
  /** A project whose generate injects into DOCS.md, generated once; the run's arguments. */
  async function injectingProject(args: readonly string[] = []) {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry(), "DOCS.md": DOCS });
    const generate = ["generate", "codes.yaml", "--out", "out", "--inject", "DOCS.md", ...args];
    const first = await tracedRun(generate, dir);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(heavyIn(first.urls)).toEqual(RENDERING);
    expect(await readFile(path.join(dir, "DOCS.md"), "utf8")).toMatch(CODE_ONE_CELL);
    return { dir, generate, check: ["check", ...generate.slice(1)] };
  }

  it("a generate that injects, where nothing changed, renders nothing, loads none of them, and leaves the injected file alone", async () => {
    const { dir, generate } = await injectingProject();
    const [before] = await mtimes(dir, ["DOCS.md"]);
    const second = await tracedRun(generate, dir);
    expect(second.run.code, second.run.stderr).toBe(0);
    expect(second.run.stdout.trim()).toBe("codebook: out up to date");
    expect(heavyIn(second.urls)).toEqual([]);
    expect(second.urls.filter((url) => url.includes("/emit/markdown/") || url.includes("/load/inject"))).toEqual([]);
    expect(await mtimes(dir, ["DOCS.md"])).toEqual([before]);
  });

  it("check on a current tree (with an injected file) loads none of them; check --force renders", async () => {
    const { dir, check } = await injectingProject();
    const fast = await tracedRun(check, dir);
    expect(fast.run.code, fast.run.stderr).toBe(0);
    // Every generated file, the manifest and DOCS.md, as a check that renders counts them.
    expect(fast.run.stdout.trim()).toMatch(/^codebook: \d+ generated files are current$/);
    expect(heavyIn(fast.urls)).toEqual([]);
    expect(ownIn(fast.loaded)).toEqual(["bin/codebook.js", "dist/generator/bundle/no-op-cli.cjs"]);
    expect(workIn(fast.urls)).toEqual([]);
    const forced = await tracedRun([...check, "--force"], dir);
    expect(forced.run.code, forced.run.stderr).toBe(0);
    expect(forced.run.stdout.trim()).toBe(fast.run.stdout.trim());
    expect(heavyIn(forced.urls)).toEqual(RENDERING);
  });

  it.each([
    { change: "an edit outside the regions", edit: (text: string) => text.replace("Before.", "Before, edited."), state: undefined },
    { change: "an edit inside a region", edit: (text: string) => text.replace(CODE_ONE_CELL, "| 9 |"), state: "stale" },
  ])("after $change of the injected file, check renders and reports what it finds, and generate renders", async ({ edit, state }) => {
    const { dir, generate, check } = await injectingProject();
    await writeFile(path.join(dir, "DOCS.md"), edit(await readFile(path.join(dir, "DOCS.md"), "utf8")));
    const checked = await tracedRun(check, dir);
    expect(heavyIn(checked.urls)).toEqual(RENDERING);
    expect(checked.run.code, checked.run.stderr).toBe(state === undefined ? 0 : 1);
    if (state !== undefined) expect(checked.run.stderr).toContain(`DOCS.md: ${state}`);
    const generated = await tracedRun(generate, dir);
    expect(generated.run.code, generated.run.stderr).toBe(0);
    expect(generated.urls.some((url) => url.includes("/load/load-registry.js"))).toBe(true);
    // Rendered once, the file is proven current again.
    expect((await tracedRun(check, dir)).urls.some((url) => url.includes("/load/load-registry.js"))).toBe(false);
  });

  it("after a registry edit, check renders and reports the stale files and the stale region", async () => {
    const { dir, check } = await injectingProject();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("The first code.", "The 1st code."));
    const checked = await tracedRun(check, dir);
    expect(checked.run.code).toBe(1);
    expect(checked.run.stderr).toContain("DOCS.md: stale");
    expect(checked.run.stderr).toContain("out/demo.md: stale");
  });

  it("a run that injects into one more file is not proven current by the record", async () => {
    const { dir, generate } = await injectingProject();
    await writeFile(path.join(dir, "OTHER.md"), DOCS);
    const other = await tracedRun([...generate, "--inject", "OTHER.md"], dir);
    expect(other.run.stdout).not.toContain("up to date");
    expect(await readFile(path.join(dir, "OTHER.md"), "utf8")).toMatch(CODE_ONE_CELL);
  });
});
