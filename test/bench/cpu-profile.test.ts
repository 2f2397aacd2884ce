import { describe, expect, it } from "vitest";
import { type CpuProfile, summariseProfiles } from "../../bench/cpu-profile.js";

/** A profile whose nodes form one chain per entry of `stacks` (root first), each leaf sampled `microseconds`. */
function profileOf(stacks: readonly { frames: readonly [string, string][]; microseconds: number }[]): CpuProfile {
  const nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children: number[] }[] = [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [] },
  ];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  for (const { frames, microseconds } of stacks) {
    let parent = nodes[0]!;
    for (const [functionName, url] of frames) {
      const node = { id: nodes.length + 1, callFrame: { functionName, url, lineNumber: 9 }, children: [] };
      parent.children.push(node.id);
      nodes.push(node);
      parent = node;
    }
    samples.push(parent.id);
    timeDeltas.push(microseconds);
  }
  return { nodes, samples, timeDeltas };
}

const MARKDOWN = "file:///home/user/project/node_modules/codebook/dist/generator/emit/markdown/tables.js";

describe("the benchmark's profile summary", () => {
  it("charges native frames and regular expressions to the nearest caller in codebook or a package", () => {
    const summary = summariseProfiles([
      profileOf([
        {
          frames: [
            ["renderTable", MARKDOWN],
            ["RegExp: \\p{RGI_Emoji}", ""],
          ],
          microseconds: 300,
        },
        {
          frames: [
            ["load", "file:///p/node_modules/codebook/dist/generator/load/source-file.js"],
            ["readFileUtf8", ""],
          ],
          microseconds: 200,
        },
        { frames: [["print", "file:///p/node_modules/@ts-morph/common/dist/typescript.js"]], microseconds: 100 },
        { frames: [["write", "file:///p/node_modules/code-block-writer/esm/mod.js"]], microseconds: 50 },
      ]),
    ]);
    expect(Object.fromEntries(summary.byComponent)).toEqual({
      "codebook emit/markdown/": 300,
      "codebook load/": 200,
      "ts-morph (with TypeScript)": 150,
    });
    expect([...summary.byFunction.values()].find((entry) => entry.name === "RegExp: \\p{RGI_Emoji}")).toEqual({
      name: "RegExp: \\p{RGI_Emoji}",
      component: "codebook emit/markdown/",
      microseconds: 300,
    });
    expect(summary.cpuMicroseconds).toBe(650);
  });

  it("lists a native function once for each component it served, each with the time spent for it", () => {
    const summary = summariseProfiles([
      profileOf([
        {
          frames: [
            ["writeTemporary", "file:///p/dist/generator/write/staged-writes.js"],
            ["lstat", ""],
          ],
          microseconds: 500,
        },
        {
          frames: [
            ["resolve", "node:internal/modules/esm/resolve"],
            ["lstat", ""],
          ],
          microseconds: 20,
        },
      ]),
    ]);
    expect([...summary.byFunction.values()]).toEqual([
      { name: "lstat", component: "codebook write/", microseconds: 500 },
      { name: "lstat", component: "Node's module loader (read, compile and link modules, built-in ones too)", microseconds: 20 },
    ]);
  });

  it("keeps what Node's module loader compiles apart, and waiting out of the CPU time", () => {
    const summary = summariseProfiles([
      profileOf([
        {
          frames: [
            ["import", MARKDOWN],
            ["wrapSafe", "node:internal/modules/cjs/loader"],
          ],
          microseconds: 400,
        },
        { frames: [["(idle)", ""]], microseconds: 900 },
        { frames: [["(garbage collector)", ""]], microseconds: 70 },
      ]),
    ]);
    expect(Object.fromEntries(summary.byComponent)).toEqual({
      "Node's module loader (read, compile and link modules, built-in ones too)": 400,
      "garbage collection": 70,
    });
    expect(summary.waitingMicroseconds).toBe(900);
    expect(summary.cpuMicroseconds).toBe(470);
  });

  it("names functions by package or codebook path, never by a machine path, and averages several runs", () => {
    const run = profileOf([{ frames: [["renderTable", MARKDOWN]], microseconds: 100 }]);
    const twice = profileOf([{ frames: [["renderTable", MARKDOWN]], microseconds: 300 }]);
    const summary = summariseProfiles([run, twice]);
    expect([...summary.byFunction.values()].map((entry) => entry.name)).toEqual([
      "renderTable codebook/dist/generator/emit/markdown/tables.js:10",
    ]);
    expect(summary.cpuMicroseconds).toBe(200);
  });
});
