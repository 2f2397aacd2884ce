import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { demoRegistry } from "./helpers/registries.js";
import { tempDir, writeTree } from "./helpers/temp.js";

/** The config limits the run to three targets, so the lists below name every file. */
const CONFIG = JSON.stringify({ registries: [{ registry: "codes.yaml", outDir: "out", targets: ["ts", "json", "md"] }] });
const ARGS: string[] = [];

async function generated(): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "codes.yaml": demoRegistry(), "codebook.config.json": CONFIG });
  expect((await runCli(["generate", ...ARGS], dir)).code).toBe(0);
  return dir;
}

describe("codebook check", () => {
  it("exits 0 and says so when every generated file is current", async () => {
    const dir = await generated();
    const run = await runCli(["check", ...ARGS], dir);
    expect(run).toEqual({ code: 0, stdout: "codebook: 5 generated files are current", stderr: "" });
  });

  it.each([
    {
      state: "stale",
      change: (dir: string) => writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("The first code.", "The 1st code.")),
      expected: [
        "out/demo.ts: stale (differs from what generate would write)",
        "out/demo.json: stale (differs from what generate would write)",
        "out/demo.md: stale (differs from what generate would write)",
        "out/demo.map.svg: stale (differs from what generate would write)",
        "out/.codebook-manifest.json: stale (differs from what generate would write)",
      ],
    },
    {
      state: "missing",
      change: (dir: string) => rm(path.join(dir, "out", "demo.json")),
      expected: ["out/demo.json: missing"],
    },
    {
      state: "hand-edited",
      change: (dir: string) => writeFile(path.join(dir, "out", "demo.md"), "# my notes\n"),
      expected: ["out/demo.md: hand-edited (differs from what codebook wrote and from what generate would write)"],
    },
    {
      state: "orphaned",
      change: (dir: string) => writeFile(path.join(dir, "codes.yaml"), demoRegistry({ id: "renamed" })),
      expected: [
        "out/renamed.ts: missing",
        "out/renamed.json: missing",
        "out/renamed.md: missing",
        "out/renamed.map.svg: missing",
        "out/.codebook-manifest.json: stale (differs from what generate would write)",
        "out/demo.json: orphaned (codebook generated it, and no registry produces it any more)",
        "out/demo.map.svg: orphaned (codebook generated it, and no registry produces it any more)",
        "out/demo.md: orphaned (codebook generated it, and no registry produces it any more)",
        "out/demo.ts: orphaned (codebook generated it, and no registry produces it any more)",
      ],
    },
  ])("names each $state file, exits 1 and says to run generate", async ({ change, expected }) => {
    const dir = await generated();
    await change(dir);
    const run = await runCli(["check", ...ARGS], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines.slice(0, -1)).toEqual(expected);
    expect(lines.at(-1)).toBe(
      `codebook: ${expected.length} generated file${expected.length === 1 ? " is" : "s are"} out of date; run \`codebook generate\``,
    );
    // generate repairs everything check found.
    expect((await runCli(["generate", ...ARGS], dir)).code).toBe(0);
    expect((await runCli(["check", ...ARGS], dir)).code).toBe(0);
  });

  it("generate says so when it overwrites a file check calls hand-edited, and not for a stale one", async () => {
    const dir = await generated();
    await writeFile(path.join(dir, "out", "demo.md"), "# my notes\n");
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("The first code.", "The 1st code."));
    expect((await runCli(["check", ...ARGS], dir)).stderr).toContain("out/demo.md: hand-edited");
    const run = await runCli(["generate", ...ARGS], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "overwrote out/demo.md, which was edited since codebook wrote it: generated files are rewritten on every run, so change the registry (or a template) instead",
    );
    expect(run.stdout).toContain("wrote out/demo.ts");
    expect((await runCli(["generate", "--quiet", ...ARGS], dir)).stderr).toBe("");
    // Even with --quiet, the notice is printed: the edit is gone.
    await writeFile(path.join(dir, "out", "demo.ts"), "// mine\n");
    expect((await runCli(["generate", "--quiet", ...ARGS], dir)).stderr).toMatch(/^overwrote out\/demo\.ts, which was edited/);
  });

  it("reports invalid input with located errors and exits 1", async () => {
    const dir = await generated();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("code: 2", "code: 1"));
    const run = await runCli(["check", ...ARGS], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("codes.yaml:11:11: error: duplicate code 1 (first defined at 8:11)");
  });

  it("generate then removes the orphans it wrote, keeps an edited one and says so", async () => {
    const dir = await generated();
    await writeFile(path.join(dir, "out", "demo.md"), "# my notes\n");
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry({ id: "renamed" }));
    const run = await runCli(["generate", ...ARGS], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      "wrote out/renamed.ts",
      "wrote out/renamed.json",
      "wrote out/renamed.md",
      "wrote out/renamed.map.svg",
      "wrote out/.codebook-manifest.json",
      "removed out/demo.json",
      "removed out/demo.map.svg",
      "removed out/demo.ts",
      "codebook: 5 written, 0 unchanged, 3 removed in out",
    ]);
    expect(run.stderr).toBe("kept out/demo.md: no longer generated, but edited since codebook wrote it; delete it if you don't need it");
    expect((await runCli(["check", ...ARGS], dir)).code).toBe(0);
  });
});
