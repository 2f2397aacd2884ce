import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInputFile, readInputBytes, readSourceFile } from "../../generator/load/source-file.js";
import { cliPath } from "../helpers/paths.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * Every input goes through one checked reader: a named pipe (FIFO) or a device in any role is refused with a message
 * that says what it is, promptly. A run is a real process killed after a bound: a read that blocks (a FIFO without
 * a writer) blocks the whole event loop, so only a separate process can show the hang as a failure.
 */
const BOUND_MS = 20_000;
const REFUSED = "not a regular file; codebook reads only regular files";

interface BoundedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly killed: boolean;
}

function runBounded(args: readonly string[], cwd: string): Promise<BoundedRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, timeout: BOUND_MS, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      const killed = error !== null && error.killed === true;
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr, killed });
    });
  });
}

function mkfifo(file: string): void {
  execFileSync("mkfifo", [file]);
}

/** The first line of a run that must fail on `file`, after checking that it failed as an input problem does. */
function refusal(run: BoundedRun): string {
  expect(run.killed).toBe(false);
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr.split("\n")[0]!;
}

/** A registry whose German texts are in a locale file beside it. */
const TWO_LOCALES = `id: demo
type: Demo
title: { en: Demo codes, de: Demo-Codes }
locales: [en, de]
codes:
  - code: 1
    name: One
    description: { en: The first code. }
`;

async function demoTree(): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "demo.yaml": demoRegistry() });
  return dir;
}

describe("readInputBytes", () => {
  it("reads a regular file, and a regular file behind a symbolic link", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a.txt"), "contents\n");
    await symlink("a.txt", path.join(dir, "link.txt"));
    for (const name of ["a.txt", "link.txt"]) {
      const read = readInputBytes(path.join(dir, name));
      expect(read.ok && read.bytes.toString("utf8")).toBe("contents\n");
    }
  });

  it.each([
    ["a FIFO", "fifo", "is a named pipe (FIFO), "],
    ["a folder", "folder", "is a folder, "],
    ["/dev/zero behind a symbolic link", "zero", "is a character device, "],
  ])("refuses %s, saying what it is, without blocking or reading it", async (_, name, what) => {
    const dir = await tempDir();
    mkfifo(path.join(dir, "fifo"));
    await mkdir(path.join(dir, "folder"));
    await symlink("/dev/zero", path.join(dir, "zero"));
    const expected = { ok: false, code: "not-a-file", message: `${what}${REFUSED}` };
    expect(readInputBytes(path.join(dir, name))).toEqual(expected);
    expect(checkInputFile(path.join(dir, name))).toEqual({ code: expected.code, message: expected.message });
  });

  it("refuses /dev/zero named directly, and says a missing file is missing", async () => {
    expect(readInputBytes("/dev/zero")).toMatchObject({ ok: false, code: "not-a-file", message: `is a character device, ${REFUSED}` });
    expect(readInputBytes(path.join(await tempDir(), "nope"))).toMatchObject({ ok: false, code: "missing", message: "no such file" });
  });

  it("refuses a file over the limit it is given", async () => {
    const file = path.join(await tempDir(), "big.txt");
    await writeFile(file, "x".repeat(101));
    expect(readInputBytes(file, 100)).toEqual({ ok: false, code: "too-large", message: "file is 101 bytes; the limit is 100 bytes" });
    expect(readInputBytes(file, 101).ok).toBe(true);
  });

  it("reads a file the size of its read chunks and beyond exactly", async () => {
    const file = path.join(await tempDir(), "chunks.bin");
    const bytes = Buffer.alloc(200 * 1024 + 7, 0x61);
    await writeFile(file, bytes);
    const read = readInputBytes(file);
    expect(read.ok && read.bytes.equals(bytes)).toBe(true);
  });

  it("reads every file as readFileSync does, whatever its size around the read's sizes", async () => {
    const dir = await tempDir();
    const sizes = fc.oneof(
      fc.constantFrom(0, 1, 4095, 4096, 4097, 8192, 65535, 65536, 65537, 131072, 131073),
      fc.integer({ min: 0, max: 300 * 1024 }),
    );
    let count = 0;
    await fc.assert(
      fc.asyncProperty(sizes, fc.integer({ min: 0, max: 255 }), async (size, fill) => {
        const file = path.join(dir, `file-${count++}.bin`);
        await writeFile(file, Buffer.alloc(size, fill));
        const read = readInputBytes(file);
        expect(read.ok && read.bytes.equals(readFileSync(file))).toBe(true);
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });

  it("reads a file that reports size 0 and has contents (/proc) to its end", () => {
    const read = readInputBytes("/proc/self/status");
    expect(read.ok && read.bytes.toString("utf8")).toMatch(/^Name:.*\n[\s\S]*\nPid:/);
  });

  it("readSourceFile reports a FIFO at line 1 of the file, and records a byte-order mark", async () => {
    const dir = await tempDir();
    mkfifo(path.join(dir, "pipe.yaml"));
    await writeFile(path.join(dir, "bom.yaml"), "\uFEFFid: x\n");
    expect(await readSourceFile("pipe.yaml", dir)).toEqual({
      ok: false,
      diagnostics: [{ file: "pipe.yaml", line: 1, column: 1, code: "not-a-file", message: `is a named pipe (FIFO), ${REFUSED}` }],
    });
    expect(await readSourceFile("bom.yaml", dir)).toMatchObject({ ok: true, source: { text: "id: x\n", bom: true } });
  });
});

describe("a FIFO or a device in each role of a run", () => {
  it.each([
    ["a FIFO", (file: string) => mkfifo(file), "is a named pipe (FIFO)"],
    ["/dev/zero", (file: string) => symlink("/dev/zero", file), "is a character device"],
  ])("as --config (%s): refused promptly, through the fast path and the full load", async (_, make, what) => {
    const dir = await demoTree();
    await make(path.join(dir, "codebook.config.json"));
    expect(refusal(await runBounded(["generate", "--config", "codebook.config.json"], dir))).toBe(
      `codebook.config.json:1:1: error: ${what}, ${REFUSED}`,
    );
  });

  it.each([
    ["a FIFO", (file: string) => mkfifo(file), "is a named pipe (FIFO)"],
    ["/dev/zero", (file: string) => symlink("/dev/zero", file), "is a character device"],
  ])("as the registry (%s)", async (_, make, what) => {
    const dir = await tempDir();
    await make(path.join(dir, "demo.yaml"));
    expect(refusal(await runBounded(["generate", "demo.yaml", "--out", "out"], dir))).toBe(`demo.yaml:1:1: error: ${what}, ${REFUSED}`);
  });

  it.each([
    ["a FIFO", (file: string) => mkfifo(file), "is a named pipe (FIFO)"],
    ["/dev/zero", (file: string) => symlink("/dev/zero", file), "is a character device"],
  ])("as a locale file beside the registry, after a run that recorded the inputs (%s)", async (_, make, what) => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": TWO_LOCALES, "demo.de.yaml": "locale: de\ncodes:\n  One: Der erste Code.\n" });
    expect((await runBounded(["generate", "demo.yaml", "--out", "out", "--quiet"], dir)).code).toBe(0);
    await rm(path.join(dir, "demo.de.yaml"));
    await make(path.join(dir, "demo.de.yaml"));
    // The no-op fast path hashes the recorded inputs first: it must not block on the FIFO, and then the load reports it.
    expect(refusal(await runBounded(["generate", "demo.yaml", "--out", "out"], dir))).toBe(`demo.de.yaml:1:1: error: ${what}, ${REFUSED}`);
  });

  it("as the registry a config names", async () => {
    const dir = await tempDir();
    mkfifo(path.join(dir, "demo.yaml"));
    await writeFile(path.join(dir, "codebook.config.json"), `{ "registries": [{ "registry": "demo.yaml", "outDir": "out" }] }\n`);
    expect(refusal(await runBounded(["generate"], dir))).toBe(
      `codebook.config.json:1:32: error: registry file "demo.yaml" is a named pipe (FIFO), ${REFUSED}`,
    );
  });

  it.each([
    ["a FIFO", "pipe.yaml", "is a named pipe (FIFO)"],
    ["a folder", "folder", "is a folder"],
    ["/dev/zero", "/dev/zero", "is a character device"],
  ])("as the target of extends (%s): says what it is, not that there is no such file", async (_, target, what) => {
    const dir = await tempDir();
    mkfifo(path.join(dir, "pipe.yaml"));
    await mkdir(path.join(dir, "folder"));
    const spec = target.startsWith("/") ? target : `./${target}`;
    await writeFile(path.join(dir, "app.yaml"), `id: app\nextends: ${spec}\n`);
    const resolved = target.startsWith("/") ? target : path.join(dir, target);
    expect(refusal(await runBounded(["validate", "app.yaml"], dir))).toBe(
      `app.yaml:2:10: error: cannot extend "${spec}": ${resolved} ${what}, ${REFUSED}`,
    );
  });

  it("as a page template in --templates", async () => {
    const dir = await demoTree();
    await mkdir(path.join(dir, "templates"));
    mkfifo(path.join(dir, "templates", "page.md"));
    const run = await runBounded(["generate", "demo.yaml", "--out", "out", "--templates", "templates"], dir);
    expect(refusal(run)).toBe(`templates/page.md:1:1: error: is a named pipe (FIFO), ${REFUSED}`);
  });

  it("as a page texts file in --templates", async () => {
    const dir = await demoTree();
    await mkdir(path.join(dir, "templates", "locales"), { recursive: true });
    await symlink("/dev/zero", path.join(dir, "templates", "locales", "en.yaml"));
    const run = await runBounded(["generate", "demo.yaml", "--out", "out", "--templates", "templates"], dir);
    expect(refusal(run)).toBe(`templates/locales/en.yaml:1:1: error: is a character device, ${REFUSED}`);
  });

  it("as a file to --inject into", async () => {
    const dir = await demoTree();
    mkfifo(path.join(dir, "README.md"));
    const run = await runBounded(["generate", "demo.yaml", "--out", "out", "--inject", "README.md"], dir);
    expect(refusal(run)).toBe(`README.md:1:1: error: is a named pipe (FIFO), ${REFUSED}`);
  });

  it.each([
    [".codebook-manifest.json", "the manifest"],
    ["demo.ts", "a generated file"],
  ])("as %s (%s) in the output folder: the fast path does not block, and the run refuses to write over it", async (name) => {
    const dir = await demoTree();
    expect((await runBounded(["generate", "demo.yaml", "--out", "out", "--quiet"], dir)).code).toBe(0);
    await rm(path.join(dir, "out", name));
    mkfifo(path.join(dir, "out", name));
    expect(refusal(await runBounded(["generate", "demo.yaml", "--out", "out"], dir))).toBe(
      `codebook: cannot write out/${name}: it is not a regular file`,
    );
  });
});
