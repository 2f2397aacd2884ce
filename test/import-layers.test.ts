import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, findLayerViolations, type ImportGraph, layerOf, readImportGraph } from "./helpers/import-graph.js";
import { repoRoot } from "./helpers/paths.js";

/**
 * The folders of `generator/`, in pipeline order: a file imports only from its own folder and the folders before it
 * (type-only and dynamic imports count too); `cli.ts` and `index.ts` at the top may import from all of them.
 *
 * dependency-cruiser would state these rules as configuration, but cannot read this code: every version reads
 * TypeScript through the `typescript` package's compiler API only for `typescript` below 7 (this repository has the
 * native TypeScript 7, whose package has no such API), so type-only imports would go unseen; its parser alternative
 * `@swc/core` runs an install script; and its current major needs Node 22.
 */
const LAYERS = ["diagnostics", "load", "validate", "model", "emit", "write", "config", "run"] as const;

/** Folders above the public API: the bundler plugins (`codebook/vite`, …), built on `index.ts` alone. */
const ABOVE = ["plugins"] as const;

/**
 * The files allowed at the top of `generator/`: the process boundary (cli.ts, and compile-cache.ts, which
 * bin/codebook.js installs in the CLI's process) and the public API.
 */
const TOP_LEVEL = ["cli.ts", "compile-cache.ts", "index.ts"];

const graph = readImportGraph(path.join(repoRoot, "generator"));

/** A small graph of the given `from → to` imports. */
function graphOf(...imports: (readonly [string, string])[]): ImportGraph {
  const files = [...new Set(imports.flat())].sort();
  return { files, edges: imports.map(([from, to]) => ({ from, to, line: 1 })) };
}

describe("the import graph of generator/", () => {
  it("reads every kind of import of the real tree", () => {
    expect(graph.files).toContain("cli.ts");
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
    // index.ts re-exports types only from some modules: type-only edges are in the graph.
    expect(graph.edges.some((edge) => edge.from === "index.ts" && edge.to.startsWith("model/"))).toBe(true);
  });

  it("has no import cycle", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("imports only from the same folder or a folder before it", () => {
    expect(findLayerViolations(graph, LAYERS, ABOVE)).toEqual([]);
  });

  it("has only cli.ts, index.ts and the layer folders at its top", () => {
    expect(
      graph.files.filter((file) => layerOf(file, LAYERS, ABOVE) === undefined || (!file.includes("/") && !TOP_LEVEL.includes(file))),
    ).toEqual([]);
  });

  it("has no module import the compile cache: only the CLI's bin installs it, never the public API or a plugin", () => {
    expect(graph.files).toContain("compile-cache.ts");
    expect(graph.edges.filter((edge) => edge.to === "compile-cache.ts").map((edge) => `${edge.from}:${edge.line}`)).toEqual([]);
  });

  it("lets the plugins import only each other and the public API", () => {
    const plugins = graph.edges.filter((edge) => edge.from.startsWith("plugins/"));
    expect(plugins.length).toBeGreaterThan(0);
    expect(
      plugins
        .filter((edge) => !edge.to.startsWith("plugins/") && edge.to !== "index.ts")
        .map((edge) => `${edge.from}:${edge.line} → ${edge.to}`),
    ).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it.each([
    {
      imports: [
        ["a.ts", "b.ts"],
        ["b.ts", "a.ts"],
      ] as const,
      cycles: [["a.ts", "b.ts"]],
    },
    {
      imports: [
        ["a.ts", "b.ts"],
        ["b.ts", "c.ts"],
        ["c.ts", "a.ts"],
        ["c.ts", "d.ts"],
      ] as const,
      cycles: [["a.ts", "b.ts", "c.ts"]],
    },
    { imports: [["a.ts", "a.ts"]] as const, cycles: [["a.ts"]] },
    {
      imports: [
        ["a.ts", "b.ts"],
        ["a.ts", "c.ts"],
        ["b.ts", "c.ts"],
      ] as const,
      cycles: [],
    },
  ])("finds the cycles $cycles", ({ imports, cycles }) => {
    expect(findCycles(graphOf(...imports))).toEqual(cycles);
  });

  it.each([
    { from: "load/read.ts", to: "model/registry.ts", violates: true },
    { from: "validate/schema.ts", to: "emit/ts/names.ts", violates: true },
    { from: "run/generate.ts", to: "cli.ts", violates: true },
    { from: "emit/ts/module.ts", to: "model/registry.ts", violates: false },
    { from: "emit/ts/module.ts", to: "emit/i18n/texts.ts", violates: false },
    { from: "index.ts", to: "run/generate.ts", violates: false },
    { from: "plugins/vite.ts", to: "index.ts", violates: false },
    { from: "index.ts", to: "plugins/vite.ts", violates: true },
    { from: "run/generate.ts", to: "plugins/generation.ts", violates: true },
  ])("$from → $to is against the layers: $violates", ({ from, to, violates }) => {
    expect(findLayerViolations(graphOf([from, to]), LAYERS, ABOVE)).toEqual(violates ? [`${from}:1 → ${to}`] : []);
  });
});
