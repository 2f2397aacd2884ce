import { type ChildProcess, spawn } from "node:child_process";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliPath } from "./helpers/paths.js";
import { demoRegistry } from "./helpers/registries.js";
import { tempDir, writeTree } from "./helpers/temp.js";

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** A spawned `codebook generate --watch`, with its output so far and a way to wait for a line. */
function startWatch(args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [cliPath, "generate", "--watch", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  /** Resolves once `stream` contains `text` `count` times; fails after 20 s with what was printed. */
  const waitFor = async (stream: "stdout" | "stderr", text: string, count = 1): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (output[stream].split(text).length - 1 < count) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`waited for ${JSON.stringify(text)} ×${count} on ${stream}; got:\n${output.stdout}\n--- stderr:\n${output.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { child, output, exited, waitFor };
}

/** Saves like many editors do: write a temporary file beside the target, then rename it over the target. */
async function saveByRename(file: string, contents: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

describe("codebook generate --watch", () => {
  it("regenerates on save, survives an invalid edit keeping the last good output, recovers, and stops on SIGTERM", async () => {
    const dir = await tempDir();
    const registry = path.join(dir, "codes.yaml");
    const output = path.join(dir, "out", "demo.ts");
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const watch = startWatch(["codes.yaml", "--out", "out"], dir);
    await watch.waitFor("stdout", "codebook: watching 1 input file; press Ctrl+C to stop");
    expect(watch.output.stdout).toContain("wrote out/demo.ts");
    const good = await readFile(output, "utf8");
    const goodTime = (await stat(output)).mtimeMs;

    // An invalid edit: located errors, nothing written.
    await writeFile(registry, demoRegistry().replace("code: 2", "code: 1"));
    await watch.waitFor("stderr", "codes.yaml:11:11: error: duplicate code 1 (first defined at 8:11)");
    await watch.waitFor("stderr", "codebook: 1 error; kept the last good output; waiting for the next save");
    expect(await readFile(output, "utf8")).toBe(good);
    expect((await stat(output)).mtimeMs).toBe(goodTime);

    // The next good save, made by renaming a temporary file over the registry, regenerates.
    await saveByRename(registry, demoRegistry().replace("The second code.", "The second code, renamed."));
    await watch.waitFor("stdout", "wrote out/demo.ts", 2);
    expect(await readFile(output, "utf8")).toContain("The second code, renamed.");

    // A locale file appearing beside the registry is an input too.
    await writeFile(path.join(dir, "codes.fr.yaml"), "locale: fr\n");
    await watch.waitFor("stdout", "changed codes.fr.yaml");
    await watch.waitFor("stdout", "codebook: watching 2 input files; press Ctrl+C to stop");

    watch.child.kill("SIGTERM");
    expect(await watch.exited).toBe(0);
    expect(watch.output.stdout.trimEnd().split("\n").at(-1)).toBe("codebook: stopped watching");
  });

  it("starts from an invalid config, waits, and generates once the config is fixed", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "codes.yaml": demoRegistry(),
      "codebook.config.json": '{ "registries": [{ "registry": "codes.yaml", "emit": "tsx" }] }\n',
    });
    const watch = startWatch([], dir);
    await watch.waitFor("stderr", 'codebook.config.json:1:54: error: "tsx" is not allowed here: use "ts" or "js"');
    await writeFile(path.join(dir, "codebook.config.json"), '{ "registries": [{ "registry": "codes.yaml", "targets": ["json"] }] }\n');
    await watch.waitFor("stdout", "wrote generated/demo.json");
    watch.child.kill("SIGINT");
    expect(await watch.exited).toBe(0);
  });

  it("regenerates when a registry that the watched one extends changes, in another folder", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "shared/base.yaml": demoRegistry(),
      "app/app.yaml": "id: app\nextends: ../shared/base.yaml\ncodes:\n  - { code: 50, name: Fifty, description: The app's code. }\n",
    });
    const watch = startWatch(["app/app.yaml", "--out", "out"], dir);
    await watch.waitFor("stdout", "codebook: watching 2 input files; press Ctrl+C to stop");
    await writeFile(path.join(dir, "shared/base.yaml"), demoRegistry().replace("The first code.", "The first code, inherited."));
    await waitForContents(path.join(dir, "out", "app.ts"), "The first code, inherited.");
    watch.child.kill("SIGTERM");
    expect(await watch.exited).toBe(0);
    expect(watch.output.stdout).toContain("changed shared/base.yaml");
  });
});

/** Resolves once `file` exists and contains `text`; fails after 20 s. */
async function waitForContents(file: string, text: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const contents = await readFile(file, "utf8").catch(() => undefined);
    if (contents?.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${file} never contained ${JSON.stringify(text)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
