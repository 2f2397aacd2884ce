import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { SourceFile } from "../../generator/load/source-file.js";
import { type DataPath, locate, type ParsedYaml, parseYaml } from "../../generator/load/yaml-document.js";
import { repoRoot } from "../helpers/paths.js";

const SEED = Number(process.env.FC_SEED ?? 20261201);
const runs = (count: number): number => Number(process.env.FC_RUNS ?? count);

function sourceOf(text: string): SourceFile {
  return { file: "doc.yaml", path: "/doc.yaml", text } as SourceFile;
}

/** Every path of the data to a scalar (a string, number, boolean or null), in document order. */
function scalarPaths(value: unknown, at: DataPath = []): DataPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => scalarPaths(item, [...at, index]));
  if (typeof value === "object" && value !== null)
    return Object.keys(value).flatMap((key) => scalarPaths((value as never)[key], [...at, key]));
  return [at];
}

/**
 * For a document the fast path reads, checks every scalar it places against `yaml`'s document; returns how many it
 * placed, or `undefined` when the fast path left the document to `yaml`.
 */
function expectPlacedAsYaml(text: string): number | undefined {
  const result = parseYaml(sourceOf(text));
  if (!result.ok || result.parsed.locateScalar === undefined) return undefined;
  const parsed: ParsedYaml = result.parsed;
  let placed = 0;
  for (const at of scalarPaths(parsed.data)) {
    const fast = parsed.locateScalar!(at);
    if (fast === undefined) continue;
    placed += 1;
    expect(fast, `${JSON.stringify(text)} at ${JSON.stringify(at)}`).toEqual(locate(parsed, at));
  }
  return placed;
}

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."ab :#-?!&*'\"\\,[]{}|>%@`\n\r.0123456789xoeE+_~é😀"), maxLength: 12 }),
  fc.constantFrom("", " ", "a b", "true", "null", "1", "0x1f", "- a", "a: b", "#x", "it's", '"q"', "multi\nline", "😀 x", "é"),
);

const data = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** The ways a document gets written: yaml's and js-yaml's serializers, block and flow, plain and quoted. */
const writers: readonly ((value: unknown) => string)[] = [
  (value) => stringify(value),
  (value) => stringify(value, { collectionStyle: "flow" }),
  (value) => stringify(value, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" }),
  (value) => stringify(value, { defaultStringType: "QUOTE_SINGLE" }),
  (value) => stringify(value, { blockQuote: "literal" }),
  (value) => dump(value),
  (value) => dump(value, { flowLevel: 1 }),
  (value) => dump(value, { forceQuotes: true }).replaceAll("\n", "\r\n"),
];

describe("the fast path places scalars where yaml's document does", () => {
  it("for random data written by yaml's and js-yaml's serializers", () => {
    let placed = 0;
    fc.assert(
      fc.property(data, fc.nat({ max: writers.length - 1 }), (value, writer) => {
        placed += expectPlacedAsYaml(writers[writer]!(value)) ?? 0;
      }),
      { seed: SEED, numRuns: runs(600) },
    );
    expect(placed).toBeGreaterThan(100);
  });

  it.each([
    ["plain, double- and single-quoted names", "codes:\n  - name: Plain\n  - name: \"Double\"\n  - name: 'Single'\n"],
    ["escapes and wide characters before a value", 'a: "😀\\t\\u00e9"\nb: é😀 x\nc: "x"\n'],
    ["flow collections", "a: {name: One, other: 'Two'}\nb: [x, \"y\", 'z']\n"],
    ["multi-line plain and quoted scalars", 'a: one\n  two\nb: "one\n  two"\nc: x\n'],
    ["comments around values", "# head\na: x # tail\n# between\nb:\n  # inside\n  c: y\n"],
    ["CRLF line ends", "a: x\r\nb:\r\n  - 'y'\r\n  - z\r\n"],
    ["a document start marker", "---\na: x\n"],
    ["keys that are not strings", "1: one\ntrue: two\n'quoted': four\nplain: five\n"],
    ["block scalars and empty values (left to yaml)", "a: |\n  text\nb: >-\n  folded\nc:\nd: x\n"],
  ])("for %s", (_, document) => {
    expect(expectPlacedAsYaml(document)).toBeGreaterThan(0);
  });

  it("for every YAML file of the repository the fast path reads", () => {
    const files = ["schema", "test/fixtures", "examples", "templates"].flatMap((folder) =>
      readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.ya?ml$/.test(file) && !file.includes("node_modules"))
        .map((file) => path.join(repoRoot, folder, file)),
    );
    let placed = 0;
    for (const file of files) placed += expectPlacedAsYaml(readFileSync(file, "utf8")) ?? 0;
    expect(files.length).toBeGreaterThan(20);
    expect(placed).toBeGreaterThan(1000);
  });
});
