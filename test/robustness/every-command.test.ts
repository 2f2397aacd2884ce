import { readdirSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * Every YAML file among the fixtures, valid and invalid, each run as a registry: `basic/registry.yaml`,
 * `extends/app.yaml`, `invalid/yaml-syntax.yaml`, … (a locale file such as `extends/app.de.yaml` too: that is
 * a mistake a user makes).
 */
const fixtures = path.join(repoRoot, "test", "fixtures");
const registries = readdirSync(fixtures, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => file.split(path.sep).join("/"))
  .sort();

/** Each command's arguments after the registry (without a config) or alone (with one). */
const COMMANDS = [["generate"], ["check"], ["validate"], ["i18n"], ["i18n", "--strict"], ["i18n", "--stamp", "de"]] as const;

/** No unexpected error: the run returns (rather than throws), exits 0, 1 or 2, and prints no stack frame. */
async function expectOrderlyRun(args: readonly string[], cwd: string): Promise<void> {
  const run = await runCli(args, cwd);
  expect([0, 1, 2], `${args.join(" ")}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(run.stderr).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError|Error):/);
}

describe("every command over every fixture", () => {
  it("finds the fixtures", () => {
    expect(registries).toEqual(
      expect.arrayContaining([
        "basic/registry.yaml",
        "hostile/hostile.yaml",
        "extends/app.yaml",
        "invalid/yaml-syntax.yaml",
        "invalid/alias-bomb.yaml",
      ]),
    );
  });

  it.each(registries)("%s: generate, check, validate and i18n, with and without a config, end in order", async (fixture) => {
    const dir = await tempDir();
    const name = path.basename(fixture);
    // The whole folder: a registry's locale files and the registry it extends sit beside it.
    await cp(path.join(fixtures, path.dirname(fixture)), dir, { recursive: true });
    for (const command of COMMANDS) {
      const [verb, ...rest] = command;
      const shaping = verb === "generate" || verb === "check" ? ["--out", "out"] : [];
      await expectOrderlyRun([verb, name, ...shaping, ...rest], dir);
    }
    await writeTree(dir, { "codebook.config.json": JSON.stringify({ registries: [{ registry: name, outDir: "from-config" }] }) });
    for (const command of COMMANDS) await expectOrderlyRun(command, dir);
  });
});
