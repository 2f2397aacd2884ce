import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check, generate } from "../../generator/index.js";
import type { FolderOutput } from "../../generator/write/folder-sources.js";
import { hashContents } from "../../generator/write/hash.js";
import { MANIFEST_FILE, readManifest } from "../../generator/write/manifest.js";
import { syncFolder } from "../../generator/write/output-folder.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

async function setUp(files: Readonly<Record<string, string>> = {}) {
  const dir = await tempDir();
  await writeTree(dir, { "codes.yaml": demoRegistry(), ...files });
  const out = path.join(dir, "out");
  const run = (extra: Parameters<typeof generate>[0] = {}) =>
    generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts", "md"], ...extra });
  return { dir, out, run };
}

describe("the manifest", () => {
  it("lists every generated file with the hash of its contents, and every input, relative to the folder", async () => {
    const { dir, out, run } = await setUp({ "codes.en.yaml": "locale: en\n" });
    await run();
    const manifest = await readManifest(out);
    expect(manifest?.generator).toMatch(/^codebook \d+\.\d+\.\d+/);
    expect(Object.keys(manifest?.registries ?? {})).toEqual(["../codes.yaml"]);
    const section = manifest!.registries["../codes.yaml"]!;
    expect(Object.keys(section.files)).toEqual(["demo.map.svg", "demo.md", "demo.ts"]);
    expect(section.files["demo.ts"]).toBe(hashContents(await readFile(path.join(out, "demo.ts"))));
    expect(Object.keys(section.inputs)).toEqual(["../codes.en.yaml", "../codes.yaml"]);
    expect(section.inputs["../codes.yaml"]).toBe(hashContents(await readFile(path.join(dir, "codes.yaml"))));
    expect(section.options).toEqual({ codeMap: true, emit: "ts", enums: true, module: "esm", targets: ["ts", "md"] });
    const text = await readFile(path.join(out, MANIFEST_FILE), "utf8");
    expect(text).not.toContain(dir);
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("generate in a folder it wrote before", () => {
  it("rewrites only changed files and leaves the others' mtime as it was", async () => {
    const { dir, out, run } = await setUp();
    await run();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("title: Demo codes", "title: Demo codes, renamed"));
    const result = await run();
    expect(result.upToDate).toEqual([]);
    expect(result.written.map((file) => path.basename(file)).sort()).toEqual([MANIFEST_FILE, "demo.map.svg", "demo.md", "demo.ts"]);
    const written = (await stat(path.join(out, "demo.ts"))).mtimeMs;
    // A comment changes the input's hash (the manifest) but no output: the outputs stay untouched. (At the end: a
    // comment above the entries moves their lines, which the TypeScript module's doc comments name.)
    await writeFile(
      path.join(dir, "codes.yaml"),
      `${demoRegistry().replace("title: Demo codes", "title: Demo codes, renamed")}# a comment\n`,
    );
    const again = await run();
    expect(again.written.map((file) => path.basename(file))).toEqual([MANIFEST_FILE]);
    expect(again.unchanged.map((file) => path.basename(file)).sort()).toEqual(["demo.map.svg", "demo.md", "demo.ts"]);
    expect((await stat(path.join(out, "demo.ts"))).mtimeMs).toBe(written);
    expect((await run({ force: true })).written).toEqual([]);
  });

  it("removes files it generated that are no longer produced, keeps edited ones, never touches foreign files", async () => {
    const { dir, out, run } = await setUp();
    await run({ targets: ["ts", "json", "md"] });
    await writeTree(out, { "notes.txt": "mine\n", "other.ts": "export {};\n" });
    await writeFile(path.join(out, "demo.md"), "edited by hand\n");
    const result = await run({ targets: ["ts"] });
    expect(result.removed.map((file) => path.basename(file))).toEqual(["demo.json", "demo.map.svg"]);
    expect(result.kept.map((file) => path.basename(file))).toEqual(["demo.md"]);
    expect((await readdir(out)).sort()).toEqual([".codebook-manifest.json", "demo.md", "demo.ts", "notes.txt", "other.ts"]);
    expect(Object.keys((await readManifest(out))?.registries["../codes.yaml"]?.files ?? {})).toEqual(["demo.ts"]);
    // An edited orphan is the user's file from then on: a later run neither removes nor reports it.
    expect((await run({ targets: ["ts"], force: true })).kept).toEqual([]);
    expect(await readFile(path.join(out, "demo.md"), "utf8")).toBe("edited by hand\n");
    expect(await readFile(path.join(dir, "codes.yaml"), "utf8")).toBe(demoRegistry());
  });

  it("renames: the old registry id's files go, the new ones come", async () => {
    const { dir, out, run } = await setUp();
    await run();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry({ id: "renamed" }));
    const result = await run();
    expect(result.removed.map((file) => path.basename(file)).sort()).toEqual(["demo.map.svg", "demo.md", "demo.ts"]);
    expect((await readdir(out)).sort()).toEqual([".codebook-manifest.json", "renamed.map.svg", "renamed.md", "renamed.ts"]);
  });

  it("ignores manifest entries that point outside the folder, and a manifest it cannot read", async () => {
    const { dir, out, run } = await setUp({ "victim.txt": "keep me\n" });
    await run();
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), "utf8")) as {
      registries: Record<string, { files: Record<string, string> }>;
    };
    manifest.registries["../codes.yaml"]!.files["../victim.txt"] = hashContents("keep me\n");
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    expect((await run()).removed).toEqual([]);
    expect(await readFile(path.join(dir, "victim.txt"), "utf8")).toBe("keep me\n");
    await writeFile(path.join(out, MANIFEST_FILE), "{ not json");
    await writeFile(path.join(out, "stray.ts"), "export {};\n");
    const result = await run();
    expect(result.removed).toEqual([]);
    expect(result.written.map((file) => path.basename(file))).toEqual([MANIFEST_FILE]);
  });

  it("takes the fast path when nothing changed, and reports the inputs to watch", async () => {
    const { dir, out, run } = await setUp();
    await run();
    const result = await run();
    expect(result.upToDate).toEqual([out]);
    expect(result.written).toEqual([]);
    expect(result.inputs).toEqual([path.join(dir, "codes.yaml")]);
    expect((await check({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts", "md"] })).ok).toBe(true);
  });

  it("renders when codebook's own files are newer than the manifest (a development build), then is fast again", async () => {
    const { out, run } = await setUp();
    await run();
    const manifest = path.join(out, MANIFEST_FILE);
    const generated = path.join(out, "demo.ts");
    const past = new Date("2001-01-01T00:00:00Z");
    await utimes(manifest, past, past);
    const before = (await stat(generated)).mtimeMs;
    const result = await run();
    expect(result.upToDate).toEqual([]);
    expect(result.written).toEqual([]);
    expect((await stat(generated)).mtimeMs).toBe(before);
    expect((await stat(manifest)).mtimeMs).toBeGreaterThan(past.getTime());
    expect((await run()).upToDate).toEqual([out]);
  });

  it("removes a subfolder left empty by removing its files, and keeps one that holds a foreign file", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry());
    const folder = (files: FolderOutput["registries"][number]["files"]): FolderOutput => ({
      outDir: dir,
      generator: "codebook test",
      config: undefined,
      registries: [{ registry: path.join(dir, "codes.yaml"), options: {}, inputs: { files: [] }, files }],
    });
    await syncFolder(
      folder([
        { path: "catalogs/fr.json", contents: "{}\n" },
        { path: "docs/fr.md", contents: "# fr\n" },
      ]),
    );
    await writeFile(path.join(dir, "docs", "notes.md"), "mine\n");
    const report = await syncFolder(folder([]));
    expect(report.removed.map((file) => path.relative(dir, file)).sort()).toEqual([
      path.join("catalogs", "fr.json"),
      path.join("docs", "fr.md"),
    ]);
    expect((await readdir(dir)).sort()).toEqual([MANIFEST_FILE, "codes.yaml", "docs"]);
    expect(await readdir(path.join(dir, "docs"))).toEqual(["notes.md"]);
  });
});
