import { chmod, mkdir, readdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticError, generate, loadRegistry, renderRegistry } from "../../generator/index.js";
import { renderEverything } from "../../generator/run/render.js";
import { hashContents } from "../../generator/write/hash.js";
import { MANIFEST_FILE, readManifest } from "../../generator/write/manifest.js";
import { createOutputSink, type OutputSink } from "../../generator/write/output-sink.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** Every file below `folder` (relative paths), or `[]` when it does not exist. */
async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

const isTemporary = (name: string): boolean => /\.codebook-\d+-[0-9a-f]{12}\.tmp$/.test(name);

describe("generate streams each target's files to disk as it renders", () => {
  it("takes each target's files as it renders, keeps none of their text, and renames nothing before the commit", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const out = path.join(dir, "out");
    const sink = createOutputSink({ stage: true });
    const calls: string[][] = [];
    const recording: OutputSink = {
      ...sink,
      settle(outDir, files) {
        calls.push(files.map((file) => file.path));
        return sink.settle(outDir, files);
      },
    };
    const options = { registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts", "json", "md"] as const };
    const rendered = await renderEverything(options, recording);
    if (!rendered.ok) throw new Error("the registry is valid");
    // One call per target, in the targets' order: the files of one target at a time.
    expect(calls).toEqual([["demo.ts"], ["demo.json"], ["demo.md", "demo.map.svg"]]);
    const files = rendered.rendered[0]!.output.registries[0]!.files;
    expect(files.map((file) => ("contents" in file ? "text" : "settled"))).toEqual(["settled", "settled", "settled", "settled"]);
    for (const file of files)
      if ("planned" in file) expect(file.planned.write).toEqual({ target: file.planned.path, temporary: expect.any(String) });
    // At the commit, every file is in its temporary file, flushed, with its bytes; no target exists yet.
    const staged = await sink.commit(async () => {
      const names = await listTree(out);
      return { names, bytes: await Promise.all(names.map((name) => readFile(path.join(out, name), "utf8"))) };
    });
    expect(staged.names).toHaveLength(4);
    expect(staged.names.every(isTemporary)).toBe(true);
    const expected = await renderRegistry(await loadRegistry(path.join(dir, "codes.yaml")), { ...options, outDir: out });
    expect(staged.bytes.sort()).toEqual(expected.map((file) => file.contents).sort());
    // Nothing was renamed: abandoning leaves the folder as it was (here: not there at all).
    await sink.abandon();
    expect(await stat(out).catch(() => undefined)).toBeUndefined();
  });

  it("leaves no file and no temporary file behind when a later target's file cannot be written", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    // A folder where the Markdown page goes: the TypeScript module (the first target) is staged by then.
    await mkdir(path.join(dir, "out", "demo.md"), { recursive: true });
    const run = generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts", "json", "md"] });
    await expect(run).rejects.toThrow(`cannot write ${path.join(await realpath(dir), "out", "demo.md")}: it is a folder, not a file`);
    expect(await readdir(path.join(dir, "out"))).toEqual(["demo.md"]);
    expect(await readdir(path.join(dir, "out", "demo.md"))).toEqual([]);
  });

  it("leaves no file, temporary file or folder behind when a later registry of a config is invalid", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "codes.yaml": demoRegistry(),
      "broken.yaml": "id: broken\ncodes: [\n",
      "codebook.config.json": JSON.stringify({
        registries: [
          { registry: "codes.yaml", outDir: "out/generated" },
          { registry: "broken.yaml", outDir: "out/generated" },
        ],
      }),
    });
    await expect(generate({ config: true, cwd: dir })).rejects.toBeInstanceOf(DiagnosticError);
    expect(await listTree(dir)).toEqual(["broken.yaml", "codebook.config.json", "codes.yaml"]);
  });

  it("records in the manifest the hash of each file's bytes, as the in-memory render gives them", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const out = path.join(dir, "out");
    await generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir });
    const files = await renderRegistry(await loadRegistry(path.join(dir, "codes.yaml")), { outDir: out, cwd: dir });
    const section = readManifest(out)!.registries["../codes.yaml"]!;
    expect(Object.keys(section.files).sort()).toEqual(files.map((file) => file.path).sort());
    for (const file of files) {
      expect(section.files[file.path]).toBe(hashContents(file.contents));
      expect(await readFile(path.join(out, file.path), "utf8")).toBe(file.contents);
    }
    expect((await listTree(out)).filter(isTemporary)).toEqual([]);
    expect(await listTree(out)).toContain(MANIFEST_FILE);
  });

  it("keeps a replaced file's mode", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const out = path.join(dir, "out");
    await generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts"] });
    await writeFile(path.join(out, "demo.ts"), "// edited\n", { mode: 0o640 });
    await chmod(path.join(out, "demo.ts"), 0o640);
    await generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts"] });
    expect((await stat(path.join(out, "demo.ts"))).mode & 0o777).toBe(0o640);
    expect(await readFile(path.join(out, "demo.ts"), "utf8")).not.toBe("// edited\n");
  });
});
