import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/temp.js";

describe("codebook CLI", () => {
  it("prints usage with --help and exits 0", async () => {
    const run = await runCli(["--help"], await tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^codebook: generate TypeScript/);
    expect(run.stdout).toContain("codebook generate [REGISTRY.yaml ...] [--out DIR]");
    expect(run.stdout).toContain('Targets (a config entry\'s "targets"): ts, json, md.');
  });
});
