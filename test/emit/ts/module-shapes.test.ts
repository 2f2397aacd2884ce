import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { generate } from "../../../generator/run/generate.js";
import { tempDir, writeTree } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

/** A registry whose guards and describe take the given shapes: `codes` registered codes, two sets, nested ranges. */
function registryYaml(codes: readonly number[]): string {
  const text = (en: string) => `{ en: "${en}", de: "${en} (de)" }`;
  return [
    "id: shaped-codes",
    "type: ShapedCode",
    `title: ${text("Shaped codes")}`,
    `unknown: ${text("Unknown")}`,
    "locales: [en, de]",
    "bounds: { min: 0, max: 99999 }",
    "ranges:",
    `  - { from: 0, to: 999, name: Low, description: ${text("Low range")} }`,
    `  - { from: 1000, to: 59999, name: Main, description: ${text("Main range")} }`,
    `  - { from: 2000, to: 2999, name: Inner, description: ${text("Inner range")} }`,
    "codes:",
    ...codes.map((code) => `  - { code: ${code}, name: Code${code}, description: ${text(`Code ${code}`)} }`),
    "sets:",
    `  - { name: Dense, include: [${codes
      .filter((_, index) => index % 2 === 0)
      .slice(0, 30)
      .join(", ")}] }`,
    `  - { name: Spans, include: [{ from: 1000, to: 1010 }, { from: 40000, to: 50000 }] }`,
    "",
  ].join("\n");
}

interface Module {
  isShapedCode(value: unknown): boolean;
  isDenseShapedCode(code: number): boolean;
  isSpansShapedCode(code: number): boolean;
  getShapedCodeName(code: number): string | undefined;
  describeShapedCode(code: number, locale?: string): string;
  createShapedCodeDescriber(...catalogs: unknown[]): (code: number, locale?: string) => string;
  shapedCodeCatalogDe: unknown;
}

async function generateAndLoad(codes: readonly number[]): Promise<{ source: string; module: Module }> {
  const dir = await tempDir();
  await writeTree(dir, { "codes.yaml": registryYaml(codes) });
  await generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts"] });
  const source = await readFile(path.join(dir, "out", "shaped-codes.ts"), "utf8");
  // An ES module, as consumers use it (NodeNext reads the package's "type").
  await writeTree(path.join(dir, "strict"), { "package.json": '{ "type": "module" }\n' });
  const compiled = await compileStrict(path.join(dir, "strict"), { "shaped-codes.ts": source });
  expect(compiled.output).toBe("");
  expect(compiled.ok).toBe(true);
  const file = path.join(dir, "shaped-codes.mjs");
  await writeFile(file, transformSync(source, { loader: "ts", format: "esm" }).code);
  return { source, module: (await import(pathToFileURL(file).href)) as Module };
}

function innermostRange(code: number): string | undefined {
  if (!Number.isInteger(code)) return undefined;
  if (code >= 2000 && code <= 2999) return "Inner range";
  if (code >= 0 && code <= 999) return "Low range";
  if (code >= 1000 && code <= 59999) return "Main range";
  return undefined;
}

const SMALL = [...Array.from({ length: 12 }, (_, index) => 1000 + index), 2000, 2500, 5000];
const SPARSE = Array.from({ length: 300 }, (_, index) => 1000 + 137 * index);

describe("the TypeScript module, for every guard and describe shape", () => {
  it.each([
    ["few codes: comparisons, a switch in describe", SMALL, "switch (code) {\n        case 1000: return codes.Code1000;"],
    ["300 sparse codes: binary searches, a name lookup in describe", SPARSE, "const name = getShapedCodeName(code);"],
  ])("%s: compiles under the strictest flags and answers exactly", async (_, codes, describeShape) => {
    const { source, module } = await generateAndLoad(codes);
    expect(source).toContain(describeShape);
    const registered = new Set(codes);
    const dense = new Set(codes.filter((_, index) => index % 2 === 0).slice(0, 30));
    const probes = [
      ...codes.flatMap((code) => [code - 1, code, code + 1, code + 0.5]),
      -1,
      0,
      999,
      1000,
      2999,
      3000,
      40000,
      50000,
      50001,
      59999,
      60000,
      Number.NaN,
      Infinity,
      -0,
    ];
    const describer = module.createShapedCodeDescriber(module.shapedCodeCatalogDe);
    for (const code of probes) {
      const own = Number.isInteger(code) && registered.has(code);
      const text = own ? `Code ${code}` : (innermostRange(code) ?? "Unknown");
      expect(module.isShapedCode(code), `isShapedCode(${code})`).toBe(own);
      expect(module.getShapedCodeName(code)).toBe(own ? `Code${code}` : undefined);
      expect(module.isDenseShapedCode(code), `isDense(${code})`).toBe(Number.isInteger(code) && dense.has(code));
      expect(module.isSpansShapedCode(code), `isSpans(${code})`).toBe(
        Number.isInteger(code) && ((code >= 1000 && code <= 1010) || (code >= 40000 && code <= 50000)),
      );
      expect(module.describeShapedCode(code)).toBe(text);
      expect(module.describeShapedCode(code, "de-AT")).toBe(`${text} (de)`);
      expect(describer(code)).toBe(`${text} (de)`);
    }
    expect(module.isShapedCode(String(codes[0]))).toBe(false);
  });
});

/** A registry of `count` ranges: one wide range holding disjoint ones, every third holding one more. */
function rangesYaml(count: number): { yaml: string; ranges: { from: number; to: number; name: string }[] } {
  const ranges = [{ from: 0, to: 100 * count, name: "Outer" }];
  for (let index = 0; ranges.length < count; index += 1) {
    ranges.push({ from: 100 * index + 1, to: 100 * index + 50, name: `Span${index}` });
    if (index % 3 === 0 && ranges.length < count)
      ranges.push({ from: 100 * index + 10, to: 100 * index + 10 + (index % 4), name: `Inner${index}` });
  }
  const text = (en: string) => `{ en: "${en}" }`;
  const yaml = [
    "id: ranged-codes",
    "type: RangedCode",
    `title: ${text("Ranged codes")}`,
    `unknown: ${text("Unknown")}`,
    "locales: [en]",
    "bounds: { min: 0, max: 99999 }",
    "ranges:",
    ...ranges.map(
      (range) => `  - { from: ${range.from}, to: ${range.to}, name: ${range.name}, description: ${text(`${range.name} range`)} }`,
    ),
    "codes:",
    `  - { code: 5, name: Five, description: ${text("Five")} }`,
    `  - { code: 12, name: Twelve, description: ${text("Twelve")} }`,
    "",
  ].join("\n");
  return { yaml, ranges };
}

describe("the TypeScript module's range lookup", () => {
  it.each([
    ["8 ranges: a search over their bounds", 8, "if (code < "],
    ["64 ranges: a search over their bounds", 64, "if (code < "],
    ["65 ranges: one test per range, narrowest first", 65, "if (code === 10) return rangedCodeRanges["],
  ])("%s answers every code with its innermost range", async (_, count, shape) => {
    const { yaml, ranges } = rangesYaml(count);
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": yaml });
    await generate({ registries: ["codes.yaml"], outDir: "out", cwd: dir, targets: ["ts"] });
    const source = await readFile(path.join(dir, "out", "ranged-codes.ts"), "utf8");
    expect(source).toContain(shape);
    const file = path.join(dir, "ranged-codes.mjs");
    await writeFile(file, transformSync(source, { loader: "ts", format: "esm" }).code);
    const module = (await import(pathToFileURL(file).href)) as {
      getRangedCodeRange(code: number): { name: string } | undefined;
      describeRangedCode(code: number): string;
    };
    const innermost = (code: number) =>
      ranges.filter((range) => code >= range.from && code <= range.to).sort((a, b) => a.to - a.from - (b.to - b.from))[0];
    for (let code = -2; code <= 100 * count + 2; code += 1) {
      const range = innermost(code);
      expect(module.getRangedCodeRange(code)?.name, `getRangedCodeRange(${code})`).toBe(range?.name);
      const own = code === 5 ? "Five" : code === 12 ? "Twelve" : undefined;
      expect(module.describeRangedCode(code), `describeRangedCode(${code})`).toBe(
        own ?? (range === undefined ? "Unknown" : `${range.name} range`),
      );
    }
    for (const code of [Number.NaN, 0.5, Infinity, -Infinity]) {
      expect(module.getRangedCodeRange(code)).toBeUndefined();
      expect(module.describeRangedCode(code)).toBe("Unknown");
    }
  });
});
