import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/types.js";
import { syncFolder } from "../../generator/write/output-folder.js";
import { resolveOutputPath } from "../../generator/write/output-path.js";
import { removeStaleTemporaryFiles } from "../../generator/write/staged-writes.js";
import { runCli } from "../helpers/cli.js";
import { cliPath, defaultRegistry, repoRoot } from "../helpers/paths.js";

const basicRegistry = path.join(repoRoot, "test", "fixtures", "basic", "registry.yaml");

import { bigRegistry } from "../helpers/big-registry.js";
import { tempDir, writeTree } from "../helpers/temp.js";

async function readFolder(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), await readFile(file, "utf8"));
  }
  return files;
}

/** Generates `registry` into `folder/out` in-process; returns the outputs. */
async function generateIn(folder: string, registry: string): Promise<Map<string, string>> {
  await writeTree(folder, { "big.yaml": registry });
  const run = await runCli(["generate", "big.yaml", "--out", "out", "--quiet"], folder);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  return readFolder(path.join(folder, "out"));
}

/**
 * Runs the built CLI and kills it with SIGKILL: after `events` changes in the output folder (so in the middle
 * of writing), or after `delay` milliseconds.
 */
function generateAndKill(cwd: string, moment: { events: number } | { delay: number }): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, "generate", "big.yaml", "--out", "out", "--quiet"], { cwd, stdio: "ignore" });
    let seen = 0;
    const watcher = watch(path.join(cwd, "out"), () => {
      seen += 1;
      if ("events" in moment && seen === moment.events) child.kill("SIGKILL");
    });
    const timer = "delay" in moment ? setTimeout(() => child.kill("SIGKILL"), moment.delay) : undefined;
    child.on("exit", (_, signal) => {
      watcher.close();
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

/** A temporary file of an atomic write (`.<name>.codebook-<pid>-<random>.tmp`), in any folder of the output. */
const isTemporary = (name: string): boolean => /^\..+\.codebook-\d+-[0-9a-f]{12}\.tmp$/.test(path.basename(name));

describe("a generate killed in the middle", () => {
  it("leaves every output either old or new, never half, and the next run cleans up after it", async () => {
    const root = await tempDir();
    const reference = await generateIn(path.join(root, "reference"), bigRegistry("new"));
    const work = path.join(root, "work");
    const old = await generateIn(work, bigRegistry("old"));
    expect([...old.keys()].sort()).toEqual([...reference.keys()].sort());
    await writeFile(path.join(work, "big.yaml"), bigRegistry("new"));

    const outcomes: string[] = [];
    for (const moment of [{ events: 1 }, { events: 3 }, { delay: 150 }]) {
      await rm(path.join(work, "out"), { recursive: true });
      await writeTree(path.join(work, "out"), Object.fromEntries(old));
      const signal = await generateAndKill(work, moment);
      const after = await readFolder(path.join(work, "out"));
      for (const [name, contents] of after) {
        if (isTemporary(name)) {
          expect(path.basename(name)).toMatch(/^\.big\.[a-z.]+\.codebook-\d+-[0-9a-f]{12}\.tmp$/);
          continue;
        }
        expect(reference.has(name), name).toBe(true);
        expect(contents === old.get(name) || contents === reference.get(name), `${name} is neither old nor new`).toBe(true);
      }
      expect([...after.keys()].filter((name) => !isTemporary(name)).sort()).toEqual([...reference.keys()].sort());
      outcomes.push(
        `${signal ?? "exited"}: ${[...after].map(([name, contents]) => `${name}=${contents === reference.get(name) ? "new" : contents === old.get(name) ? "old" : "temporary"}`).join(" ")}`,
      );
    }
    // What each kill left, for whoever reads the log: which files were already new, which temporary files remained.
    console.info(outcomes.join("\n"));

    const final = await runCli(["generate", "big.yaml", "--out", "out", "--quiet"], work);
    expect(final).toMatchObject({ code: 0, stderr: "" });
    expect(await readFolder(path.join(work, "out"))).toEqual(reference);
  });
});

describe("temporary files", () => {
  it("of a process that is gone are removed by the next run; a running process's and the user's are kept", async () => {
    const folder = await tempDir();
    const gone = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
      child.on("exit", () => resolve(child.pid!));
    });
    const stale = `.close-codes.ts.codebook-${gone}-0123456789ab.tmp`;
    const running = `.close-codes.json.codebook-${process.pid}-0123456789ab.tmp`;
    await writeTree(folder, {
      [`out/${stale}`]: "half",
      [`out/${running}`]: "being written",
      "out/.notes.tmp": "mine",
      "out/keep.txt": "mine",
    });
    const run = await runCli(["generate", defaultRegistry, "--out", "out", "--quiet"], folder);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const names = await readdir(path.join(folder, "out"));
    expect(names).not.toContain(stale);
    expect(names).toEqual(expect.arrayContaining([running, ".notes.tmp", "keep.txt", "close-codes.ts"]));
  });

  it("are only looked for in folders that exist", async () => {
    await expect(
      removeStaleTemporaryFiles({ folder: path.join(await tempDir(), "missing"), names: new Set(["a.ts"]) }),
    ).resolves.toBeUndefined();
  });
});

describe("output paths", () => {
  it("--out is the user's choice: a sibling package's folder, relative to the working directory", async () => {
    const root = await tempDir();
    await writeTree(root, { "packages/a/codes.yaml": await readFile(basicRegistry, "utf8"), "packages/other-package/package.json": "{}" });
    const run = await runCli(["generate", "codes.yaml", "--out", "../other-package/src", "--quiet"], path.join(root, "packages", "a"));
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect((await readdir(path.join(root, "packages", "other-package", "src"))).sort()).toEqual(
      expect.arrayContaining(["app-errors.json", "app-errors.md", "app-errors.ts"]),
    );
    expect((await readdir(path.join(root, "packages", "a"))).sort()).toEqual(["codes.yaml"]);
  });

  const file = (filePath: string): GeneratedFile => ({ path: filePath, contents: "" });

  it.each([
    "../x.ts",
    "/abs.ts",
    "a/../../b.ts",
    "a\\b.ts",
    "..\\x.ts",
    "a/../b.ts",
    "./a.ts",
    "a//b.ts",
    "",
    ".",
    "..",
    "a/",
    "C:/x.ts",
    "c:x.ts",
    "a\0b.ts",
  ])("refuses to write %j", (unsafe) => {
    expect(() => resolveOutputPath("/out", file(unsafe))).toThrow(/^refusing to write .*: it is not inside the output folder/);
  });

  it.each([
    ["a.ts", "/out/a.ts"],
    ["locales/de.json", "/out/locales/de.json"],
    ["..hidden.ts", "/out/..hidden.ts"],
  ])("writes %j inside the output folder", (safe, expected) => {
    expect(resolveOutputPath("/out", file(safe))).toBe(expected);
  });

  it("writes nothing at all when one path of a batch is unsafe", async () => {
    const root = await tempDir();
    const out = path.join(root, "out");
    const registry = {
      registry: path.join(root, "codes.yaml"),
      options: {},
      inputs: { files: [] },
      files: [file("a.ts"), file("../escape.ts")],
    };
    await expect(syncFolder({ outDir: out, generator: "codebook test", config: undefined, registries: [registry] })).rejects.toThrow(
      /refusing to write/,
    );
    expect(await readdir(root)).toEqual([]);
  });

  it.each([
    ["an id", "id: ../../escape"],
    ["an id", "id: a/b"],
    ["an id", "id: .."],
    ["an id", "id: /etc/passwd"],
    ["an id", "id: a\\\\b"],
    ["a locale tag", "locales: [../../x]"],
    ["a locale tag", "locales: [en/../../x]"],
  ])("refuses %s that could name a path: %s", async (_, line) => {
    const root = await tempDir();
    const registry = ["id: demo", "type: Demo", "title: Demo", "locales: [en]", "codes: [{ code: 1, name: One, description: One. }]"]
      .map((original) => (original.split(":")[0] === line.split(":")[0] ? line : original))
      .join("\n");
    await mkdir(path.join(root, "work"));
    await writeFile(path.join(root, "work", "codes.yaml"), registry);
    const run = await runCli(["generate", "codes.yaml", "--out", "out"], path.join(root, "work"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^codes\.yaml:\d+:\d+: error: ".*" is not a valid (id|locale tag)/);
    expect(await readdir(root)).toEqual(["work"]);
    expect(await readdir(path.join(root, "work"))).toEqual(["codes.yaml"]);
  });
});
