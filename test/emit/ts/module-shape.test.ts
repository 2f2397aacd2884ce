import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../generator/model/load-model.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { fileAt } from "../../helpers/generated-module.js";
import { readTables } from "../../helpers/gfm.js";
import { repoRoot } from "../../helpers/paths.js";
import { loadFixture, renderAll } from "../../helpers/registry.js";
import { tempDir } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

const BASIC = path.join(repoRoot, "test", "fixtures", "basic", "registry.yaml");

async function basicModule(enums: boolean): Promise<string> {
  const files = await renderRegistry(await loadRegistry(BASIC, { cwd: process.cwd() }), { outDir: await tempDir(), enums });
  return fileAt(files, "app-errors.ts");
}

const NO_RANGES = `id: flat
type: Flat
locales: [en]
codes:
  - { code: 1, name: One, description: One., aliases: [ONE, { name: Uno, deprecated: false, note: "The Spanish spelling, kept on purpose." }] }
  - { code: 2, name: Two, description: Two. }
`;

describe("the generated TypeScript module, as its reviewer reads it", () => {
  it("types the ranges array's elements as <Type>Range, so every field can be read from any of them", async () => {
    const consumer = `import { appErrorRanges, type AppErrorRange, type AppErrorRangeName } from "./app-errors.js";
const parents: (AppErrorRangeName | undefined)[] = appErrorRanges.map((range) => range.parent);
const first: AppErrorRange | undefined = appErrorRanges[0];
export { parents, first };
`;
    const result = await compileStrict(await tempDir(), { "app-errors.ts": await basicModule(true), "consumer.ts": consumer });
    expect(result).toEqual({ ok: true, output: "" });
  });

  it.each([true, false])("passes tsc --isolatedDeclarations (enums: %s)", async (enums) => {
    const result = await compileStrict(
      await tempDir(),
      { "app-errors.ts": await basicModule(enums) },
      { isolatedDeclarations: true, declaration: true },
    );
    expect(result).toEqual({ ok: true, output: "" });
  });

  it("has no range API for a registry without ranges, and compiles", async () => {
    const { dir, registry } = await loadFixture({ "registry.yaml": NO_RANGES });
    const module = fileAt(await renderAll(registry, dir), "flat.ts");
    expect(module).not.toMatch(/Range/);
    expect(module).not.toMatch(/ranges/);
    expect(await compileStrict(await tempDir(), { "flat.ts": module })).toEqual({ ok: true, output: "" });
  });

  it("marks only legacy aliases deprecated: `deprecated: false` is a second name", async () => {
    const { dir, registry } = await loadFixture({ "registry.yaml": NO_RANGES });
    const module = fileAt(await renderAll(registry, dir), "flat.ts");
    expect(module).toContain(
      "/**\n * Legacy name.\n *\n * Defined at ../registry.yaml:5.\n * @deprecated Use Flat.One (1) instead.\n */\nexport const ONE: Flat.One = Flat.One;",
    );
    expect(module).toContain(
      "/**\n * The Spanish spelling, kept on purpose.\n *\n * Defined at ../registry.yaml:5.\n */\nexport const Uno: Flat.One = Flat.One;",
    );
  });
});

describe("the Markdown tables", () => {
  it("have no column that is empty in every row", async () => {
    const files = await renderRegistry(await loadRegistry(BASIC, { cwd: process.cwd() }), { outDir: await tempDir() });
    const tables = readTables(fileAt(files, "app-errors.md"));
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      for (const [column, header] of table.header.entries())
        expect(
          table.rows.some((row) => row[column]!.text.trim() !== ""),
          `column ${header.text}`,
        ).toBe(true);
    }
    expect(tables[0]!.header.map((cell) => cell.text)).toEqual(["Range", "Name", "Use"]);
  });
});
