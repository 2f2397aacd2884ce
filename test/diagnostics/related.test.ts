import { describe, expect, it } from "vitest";
import { citeLocation, formatDiagnostic, withRelated } from "../../generator/diagnostics/index.js";
import { validate } from "../../generator/index.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const AT = { file: "app.yaml", line: 5, column: 11, code: "duplicate-code" } as const;

describe("related locations", () => {
  it.each([
    ["in the same file, by line and column", { file: "app.yaml", line: 8, column: 5 }, "8:5"],
    ["in another file, with that file", { file: "base.yaml", line: 8, column: 5 }, "base.yaml:8:5"],
  ])("are cited %s", (_, location, cited) => {
    expect(citeLocation(location, "app.yaml")).toBe(cited);
    const diagnostic = withRelated(
      AT,
      [{ ...location, message: "first defined here" }],
      (at) => `duplicate code 2 (first defined at ${at})`,
    );
    expect(formatDiagnostic(diagnostic)).toBe(`app.yaml:5:11: error: duplicate code 2 (first defined at ${cited})`);
    expect(diagnostic.related).toEqual([{ ...location, message: "first defined here" }]);
  });

  it.each([
    ["a duplicate code", demoRegistry().replace("code: 2", "code: 1"), { line: 8, column: 11, message: "first defined here" }],
    [
      "a duplicate key",
      demoRegistry().replace("name: Two", "name: Two\n    name: Deux"),
      { line: 12, column: 5, message: "first defined here" },
    ],
    [
      "an overlapping range",
      demoRegistry({ extra: "" }).replace("codes:", "  - { from: 50, to: 120, name: High, description: High. }\ncodes:"),
      { line: 6, column: 5, message: "range Low is here" },
    ],
  ])("travel as data from the checks: %s", async (_, registry, related) => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": registry });
    const diagnostics = await validate({ registries: ["demo.yaml"], cwd: dir });
    expect(diagnostics.map((diagnostic) => diagnostic.related)).toEqual([[{ file: "demo.yaml", ...related }]]);
  });
});

describe("a retired code's reuse", () => {
  it("carries the retirement as a related location, in the base file when the reuse is in the extending one", async () => {
    const base =
      "id: base\ntype: Base\nlocales: [en]\ncodes:\n  - code: 1\n    name: Ok\n    description: Fine.\n  - code: 2\n    name: Old\n    description: The old code.\n    status: retired\n    note: Nobody sent it.\n";
    const app = "extends: ./base.yaml\nid: app\ncodes:\n  - { code: 2, name: Two, description: Two. }\n";
    const dir = await tempDir();
    await writeTree(dir, { "base.yaml": base, "app.yaml": app });
    const diagnostics = await validate({ registries: ["app.yaml"], cwd: dir });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "app.yaml:4:13: error: code 2 is the number of retired code Old (retired at base.yaml:8:11); a retired code is reserved forever, choose another",
    ]);
    expect(diagnostics.map((diagnostic) => diagnostic.related)).toEqual([
      [{ file: "base.yaml", line: 8, column: 11, message: "retired here" }],
    ]);
  });
});
