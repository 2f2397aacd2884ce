import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const REGISTRY = `id: demo
type: Demo
locales: [en]
ranges:
  - { from: 100, to: 199, name: App, description: App codes. }
  - { from: 103, to: 104, name: Held, description: Held back for later. }
codes:
  - { code: 100, name: Ok, description: Fine. }
  - { code: 101, name: Old, description: Old., status: retired, note: Gone. }
  - { code: 105, name: Late, description: Late. }
`;

describe("codebook next RANGE", () => {
  it("skips registered and retired codes and the ranges nested in the range", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": REGISTRY });
    const run = await runCli(["next", "App", "demo.yaml", "--count", "3"], dir);
    expect(run).toEqual({ code: 0, stdout: "102\n106\n107", stderr: "" });
    expect((await runCli(["next", "Held", "demo.yaml", "--count", "2"], dir)).stdout).toBe("103\n104");
  });

  it("in the default registry: the next numbers to register with IANA, and private ones", async () => {
    const dir = await tempDir();
    expect((await runCli(["next", "Registered", "--count", "3"], dir)).stdout).toBe("3001\n3002\n3004");
    expect((await runCli(["next", "Private"], dir)).stdout).toBe("4000");
  });

  it("exits 1 when the range has fewer free numbers than asked for, after printing those it has", async () => {
    const dir = await tempDir();
    // 1000–2999 is all codes, the reserved 1004 and the nested ranges for future revisions and extensions.
    const run = await runCli(["next", "Protocol"], dir);
    expect(run).toEqual({ code: 1, stdout: "", stderr: "codebook: range Protocol of close-codes has no free numbers" });
    expect((await runCli(["next", "ProtocolUnassigned"], dir)).stdout).toBe("1016");
    await writeTree(dir, { "demo.yaml": REGISTRY });
    const some = await runCli(["next", "Held", "demo.yaml", "--count", "3"], dir);
    expect(some).toEqual({ code: 1, stdout: "103\n104", stderr: "codebook: range Held of demo has only 2 free numbers" });
  });

  it.each([
    [["next"], "codebook: next needs the name of a range: codebook next RANGE [REGISTRY.yaml ...] [--count N]"],
    [["next", "Nope", "demo.yaml"], 'codebook: no range is named "Nope"; the ranges are App, Held'],
    [["next", "App", "demo.yaml", "--count", "0"], 'codebook: --count must be a positive whole number, not "0"'],
  ])("refuses %j as a usage error", async (args, message) => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": REGISTRY });
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
  });
});
