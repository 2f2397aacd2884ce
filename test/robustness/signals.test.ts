import { spawn } from "node:child_process";
import { readdirSync, readFileSync, watch } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigRegistry } from "../helpers/big-registry.js";
import { runCli } from "../helpers/cli.js";
import { cliPath, repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const register = path.join(repoRoot, "test", "fixtures", "import-log", "register.mjs");

async function readFolder(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

/** When to send the signal: once the run loads its registries (it is rendering), or once it writes its first file. */
type Moment = "rendering" | "writing";

/**
 * Runs the built CLI and sends it `signal` at `moment`: rendering is seen through the import log (the run has
 * imported the registry loader), writing through the first change in the output folder.
 */
function runAndSignal(cwd: string, args: readonly string[], signal: NodeJS.Signals, moment: Moment) {
  const log = path.join(cwd, "imports.log");
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", register, cliPath, ...args], { cwd, env: { ...process.env, CODEBOOK_IMPORT_LOG: log }, stdio: ["ignore", "ignore", "pipe"] });
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
      else if (readFileSync(log, "utf8").includes("/load/load-registry.js")) send();
    });
    child.on("exit", (code, killedBy) => {
      watcher.close();
      resolve({ code, signal: killedBy, stderr });
    });
  });
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

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
    fixtures = { old: await readFolder(path.join(root, "old", "out")), expected: await readFolder(path.join(root, "new", "out")), oldFolder: path.join(root, "old", "out") };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    { signal: "SIGINT" as const, moment: "rendering" as const },
    { signal: "SIGTERM" as const, moment: "rendering" as const },
    { signal: "SIGTERM" as const, moment: "writing" as const },
    { signal: "SIGINT" as const, moment: "writing" as const },
  ])("$signal while generate is $moment ends the run, leaves every file old or new and no temporary file", async ({ signal, moment }) => {
    const { old, expected } = fixtures;
    const work = await tempDir();
    await cp(fixtures.oldFolder, path.join(work, "out"), { recursive: true, preserveTimestamps: true });
    await writeTree(work, { "big.yaml": bigRegistry("new"), "imports.log": "" });

    const run = await runAndSignal(work, ["generate", "big.yaml", "--out", "out", "--quiet"], signal, moment);
    expect(run).toEqual({ code: EXIT_CODES[signal], signal: null, stderr: `codebook: stopped by ${signal}; every file is as it was or completely written\n` });
    const after = await readFolder(path.join(work, "out"));
    expect([...after.keys()].sort()).toEqual([...old.keys()].sort());
    for (const [name, contents] of after) expect(contents === old.get(name) || contents === expected.get(name), `${name} is neither old nor new`).toBe(true);
    expect(readdirSync(path.join(work, "out"), { recursive: true }).filter((name) => String(name).endsWith(".tmp"))).toEqual([]);
  });

  it("ends a check at once: it writes nothing", async () => {
    const work = await tempDir();
    await writeTree(work, { "big.yaml": bigRegistry("old"), "imports.log": "" });
    const run = await runAndSignal(work, ["check", "big.yaml", "--out", "out"], "SIGTERM", "rendering");
    expect(run).toEqual({ code: 143, signal: null, stderr: "codebook: stopped by SIGTERM; every file is as it was or completely written\n" });
  });
});
