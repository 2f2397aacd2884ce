import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mainIfCurrent, quickCommandLine } from "../generator/cli.js";
import { parseCommandLine } from "../generator/run/cli-args.js";
import { runCli } from "./helpers/cli.js";
import { demoRegistry } from "./helpers/registries.js";
import { tempDir, writeTree } from "./helpers/temp.js";

/** The no-op entry run in-process: its exit code (`undefined` when it leaves the run to `main`) and what it printed. */
async function runIfCurrent(args: readonly string[], cwd: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await mainIfCurrent(args, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), cwd });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

const BASE = ["codes.yaml", "--out", "out"];

async function generated(): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "codes.yaml": demoRegistry(), "DOCS.md": "<!-- codebook:start demo codes -->\n<!-- codebook:end demo -->\n" });
  expect((await runCli(["generate", ...BASE, "--inject", "DOCS.md"], dir)).code).toBe(0);
  return dir;
}

describe("the CLI's entry for a run where nothing changed (mainIfCurrent)", () => {
  it.each([
    { line: "generate", args: ["generate", ...BASE, "--inject", "DOCS.md"] },
    { line: "generate --quiet", args: ["generate", ...BASE, "--inject", "DOCS.md", "--quiet"] },
    { line: "check", args: ["check", ...BASE, "--inject", "DOCS.md"] },
    { line: "check -q", args: ["check", ...BASE, "--inject", "DOCS.md", "-q"] },
  ])("answers $line exactly as main does", async ({ args }) => {
    const dir = await generated();
    const fast = await runIfCurrent(args, dir);
    expect(fast.code).toBe(0);
    expect(fast).toEqual(await runCli(args, dir));
  });

  it("answers the built-in registry's no-op with the same notice main prints", async () => {
    const dir = await tempDir();
    expect((await runCli(["generate", "--out", "out"], dir)).code).toBe(0);
    const fast = await runIfCurrent(["generate", "--out", "out"], dir);
    expect(fast.stdout).toContain("built-in WebSocket close-code registry");
    expect(fast).toEqual(await runCli(["generate", "--out", "out"], dir));
  });

  it.each([
    { line: "generate with --force", args: ["generate", ...BASE, "--inject", "DOCS.md", "--force"] },
    { line: "check with --force", args: ["check", ...BASE, "--inject", "DOCS.md", "--force"] },
    { line: "generate with --watch", args: ["generate", ...BASE, "--watch"] },
    { line: "another command", args: ["validate", "codes.yaml"] },
    { line: "--version", args: ["--version"] },
    { line: "--help", args: ["generate", "--help"] },
    { line: "a usage error", args: ["generate", ...BASE, "--no-such-flag"] },
    { line: "an option of another command", args: ["check", ...BASE, "--watch"] },
    { line: "other options than the manifest's", args: ["generate", ...BASE, "--inject", "DOCS.md", "--no-enums"] },
    { line: "another output folder", args: ["check", "codes.yaml", "--out", "elsewhere"] },
  ])("leaves $line to main, having printed nothing", async ({ args }) => {
    const dir = await generated();
    expect(await runIfCurrent(args, dir)).toEqual({ code: undefined, stdout: "", stderr: "" });
  });

  it("leaves a run after an input changed to main, having printed nothing", async () => {
    const dir = await generated();
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry().replace("The first code.", "The 1st code."));
    expect(await runIfCurrent(["check", ...BASE, "--inject", "DOCS.md"], dir)).toEqual({ code: undefined, stdout: "", stderr: "" });
  });
});

describe("the no-op entry's reading of the command line (quickCommandLine)", () => {
  it.each([
    ["generate"],
    ["check", "--quiet"],
    ["generate", "--out", "out", "--quiet"],
    ["check", "codes.yaml", "more.yaml", "-o", "out", "-q"],
    ["generate", "--out=out", "--config=codebook.config.json"],
    ["check", "-c", "codebook.config.json", "--no-config", "--out=-dashed"],
    ["generate", "--out", "a", "--out", "b", "--quiet", "--quiet"],
    ["generate", "--out", ""],
  ])("reads %j as the argument parser does", (...argv) => {
    expect(quickCommandLine(argv)).toEqual(parseCommandLine(argv));
  });

  it.each([
    ["validate", "codes.yaml"],
    ["--quiet", "generate"],
    ["generate", "--force"],
    ["generate", "--out"],
    ["generate", "--out", "-q"],
    ["generate", "-o=out"],
    ["generate", "--quiet=yes"],
    ["generate", "-qo", "out"],
    ["generate", "--", "codes.yaml"],
    ["generate", "-"],
    ["check", "--inject", "README.md"],
  ])("leaves %j to the argument parser", (...argv) => {
    expect(quickCommandLine(argv)).toBeUndefined();
  });
});
