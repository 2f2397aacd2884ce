import { spawn } from "node:child_process";
import { readdirSync, readFileSync, watch } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../generator/cli.js";
import { generate } from "../../generator/run/generate.js";
import { bigRegistry } from "../helpers/big-registry.js";
import { runCli } from "../helpers/cli.js";
import { cliPath, repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const register = path.join(repoRoot, "test", "fixtures", "import-log", "register.mjs");

async function readFolder(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        path.relative(folder, path.join(entry.parentPath, entry.name)),
        await readFile(path.join(entry.parentPath, entry.name), "utf8"),
      );
  }
  return files;
}

/** When to send the signal: once the run loads its registries (it is rendering), or once it writes its first file. */
type Moment = "rendering" | "writing";

/**
 * Runs the built CLI and sends it `signal` at `moment`: rendering is seen through the import log (the run has
 * loaded js-yaml, which only the registry loader requires, when its modules first run in the generator's bundle),
 * writing through the first change in the output folder.
 */
function runAndSignal(cwd: string, args: readonly string[], signal: NodeJS.Signals, moment: Moment) {
  const log = path.join(cwd, "imports.log");
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", register, cliPath, ...args], {
      cwd,
      env: { ...process.env, CODEBOOK_IMPORT_LOG: log },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let sent = false;
    const send = (): void => {
      if (sent) return;
      sent = true;
      child.kill(signal);
    };
    const watched = moment === "rendering" ? cwd : path.join(cwd, "out");
    const watcher = watch(watched, { recursive: true }, () => {
      if (moment === "writing") send();
      else if (readFileSync(log, "utf8").includes("/node_modules/js-yaml/")) send();
    });
    child.on("exit", (code, killedBy) => {
      watcher.close();
      resolve({ code, signal: killedBy, stderr });
    });
  });
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A registry whose loading and rendering take seconds: a signal sent while it renders must not wait for them. */
const SLOW_CODES = 8000;

/** The temporary files (`*.tmp`) anywhere below `folder`: a run that ended leaves none. */
function temporaryFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".tmp"));
}

describe("A signal ends a run promptly, with every file old or new", () => {
  // One output folder generated from the old registry and one from the new, shared by the tests below.
  let fixtures: { old: Map<string, string>; expected: Map<string, string>; oldFolder: string };
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "codebook-signals-"));
    for (const version of ["old", "new"]) {
      await writeTree(path.join(root, version), { "big.yaml": bigRegistry(version) });
      expect((await runCli(["generate", "big.yaml", "--out", "out", "--quiet"], path.join(root, version))).code).toBe(0);
    }
    fixtures = {
      old: await readFolder(path.join(root, "old", "out")),
      expected: await readFolder(path.join(root, "new", "out")),
      oldFolder: path.join(root, "old", "out"),
    };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each(["SIGINT" as const, "SIGTERM" as const])(
    "%s while generate is rendering ends the process at once, by the signal, before any file changed",
    async (signal) => {
      const work = await tempDir();
      await cp(fixtures.oldFolder, path.join(work, "out"), { recursive: true, preserveTimestamps: true });
      await writeTree(work, { "big.yaml": bigRegistry("new", SLOW_CODES), "imports.log": "" });

      const run = await runAndSignal(work, ["generate", "big.yaml", "--out", "out", "--quiet"], signal, "rendering");
      // Killed by the signal's default action: not at the run's next safe point, seconds of rendering later. The
      // signals are caught from the first staged file on, so a run killed by one had not begun to write.
      expect(run).toEqual({ code: null, signal, stderr: "" });
      expect(await readFolder(path.join(work, "out"))).toEqual(fixtures.old);
      expect(temporaryFiles(path.join(work, "out"))).toEqual([]);
    },
  );

  it.each([
    { signal: "SIGTERM" as const, moment: "writing" as const },
    { signal: "SIGINT" as const, moment: "writing" as const },
  ])(
    "$signal while generate is $moment ends the run once it is safe, leaves every file old or new and no temporary file",
    async ({ signal, moment }) => {
      const { old, expected } = fixtures;
      const work = await tempDir();
      await cp(fixtures.oldFolder, path.join(work, "out"), { recursive: true, preserveTimestamps: true });
      await writeTree(work, { "big.yaml": bigRegistry("new"), "imports.log": "" });

      const run = await runAndSignal(work, ["generate", "big.yaml", "--out", "out", "--quiet"], signal, moment);
      expect(run).toEqual({
        code: EXIT_CODES[signal],
        signal: null,
        stderr: `codebook: stopped by ${signal}; every file is as it was or completely written\n`,
      });
      const after = await readFolder(path.join(work, "out"));
      expect([...after.keys()].sort()).toEqual([...old.keys()].sort());
      for (const [name, contents] of after)
        expect(contents === old.get(name) || contents === expected.get(name), `${name} is neither old nor new`).toBe(true);
      expect(temporaryFiles(path.join(work, "out"))).toEqual([]);
    },
  );

  it.each([
    { command: "check", args: ["check", "big.yaml", "--out", "out"], signal: "SIGTERM" as const },
    { command: "validate", args: ["validate", "big.yaml"], signal: "SIGINT" as const },
    { command: "i18n", args: ["i18n", "big.yaml"], signal: "SIGTERM" as const },
  ])("ends $command at once, by the signal: it writes nothing", async ({ args, signal }) => {
    const work = await tempDir();
    await writeTree(work, { "big.yaml": bigRegistry("old", SLOW_CODES), "imports.log": "" });
    const run = await runAndSignal(work, args, signal, "rendering");
    expect(run).toEqual({ code: null, signal, stderr: "" });
  });

  it("catches the signals only while generate stages and renames its files, and never in a read-only command", async () => {
    const work = await tempDir();
    await cp(fixtures.oldFolder, path.join(work, "out"), { recursive: true });
    await writeTree(work, { "big.yaml": bigRegistry("new") });
    const seen: string[] = [];
    // Which registry version `big.ts` holds, and how many temporary files there are: when the signals are caught and released.
    const folderState = (): string =>
      `${readFileSync(path.join(work, "out", "big.ts"), "utf8").includes("new 0:") ? "new" : "old"}, ${temporaryFiles(path.join(work, "out")).length} temporary`;
    const io = {
      stdout: () => undefined,
      stderr: (line: string) => seen.push(line),
      cwd: work,
      catchSignals: () => {
        seen.push(`caught with ${folderState()}`);
        return () => seen.push(`released with ${folderState()}`);
      },
    };
    for (const args of [
      ["check", "big.yaml", "--out", "out"],
      ["validate", "big.yaml"],
      ["i18n", "big.yaml"],
    ])
      await main(args, io);
    expect(seen.filter((line) => line.startsWith("caught"))).toEqual([]);
    expect(await main(["generate", "big.yaml", "--out", "out", "--quiet"], io)).toBe(0);
    expect(seen.filter((line) => /^(caught|released)/.test(line))).toEqual([
      "caught with old, 0 temporary",
      "released with new, 0 temporary",
    ]);
    expect(await readFolder(path.join(work, "out"))).toEqual(fixtures.expected);
  });

  it("honours an abort inside the write section: the temporary files are removed and no file changed", async () => {
    const work = await tempDir();
    await cp(fixtures.oldFolder, path.join(work, "out"), { recursive: true });
    await writeTree(work, { "big.yaml": bigRegistry("new") });
    const stop = new AbortController();
    // The signal comes once staging has begun: after the first temporary file is started, before the renames.
    const whileWriting = <T>(section: () => Promise<T>): Promise<T> => {
      const writing = section();
      stop.abort("SIGINT");
      return writing;
    };
    const run = generate({ cwd: work, registries: ["big.yaml"], outDir: "out", signal: stop.signal, whileWriting });
    await expect(run).rejects.toBe("SIGINT");
    expect(await readFolder(path.join(work, "out"))).toEqual(fixtures.old);
    expect(temporaryFiles(path.join(work, "out"))).toEqual([]);
  });
});
