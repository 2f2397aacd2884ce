import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { dump, EVENT_ID, parseEvents, SCALAR_STYLE } from "js-yaml";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { SourceFile } from "../../generator/load/source-file.js";
import { type DataPath, locate, type ParsedYaml, parseYaml } from "../../generator/load/yaml-document.js";
import { resolvePlain } from "../../generator/load/yaml-fast-data.js";
import { linePosition } from "../../generator/load/yaml-fast-positions.js";
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

/**
 * The positions as they were computed before the fast path recorded them while reading: a second parse of the
 * events, every placed scalar keyed by its path written as JSON. Kept as the reference the recorded places must equal.
 */
function scalarOffsetsByPath(text: string): ReadonlyMap<string, number> {
  const offsets = new Map<string, number>();
  const stack: { path: DataPath; map: boolean; key: string | undefined; index: number }[] = [];
  const next = (): DataPath | undefined => {
    const open = stack.at(-1);
    if (open === undefined) return [];
    if (!open.map) return [...open.path, open.index++];
    return open.key === undefined ? undefined : [...open.path, open.key];
  };
  for (const event of parseEvents(text, {})) {
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const path = next() ?? [];
      if (stack.at(-1)?.map) stack.at(-1)!.key = undefined;
      stack.push({ path, map: event.type === EVENT_ID.MAPPING, key: undefined, index: 0 });
    } else if (event.type === EVENT_ID.SCALAR) {
      const path = next();
      const open = stack.at(-1);
      if (path === undefined) {
        const key = text.slice(event.valueStart, event.valueEnd);
        open!.key = event.style === SCALAR_STYLE.PLAIN && typeof resolvePlain(key) === "string" ? key : "\u0000";
        continue;
      }
      if (open?.map) open.key = undefined;
      if (event.style === SCALAR_STYLE.PLAIN && event.valueEnd > event.valueStart) offsets.set(JSON.stringify(path), event.valueStart);
      else if (event.style === SCALAR_STYLE.DOUBLE_QUOTED || event.style === SCALAR_STYLE.SINGLE_QUOTED)
        offsets.set(JSON.stringify(path), event.valueStart - 1);
    } else if (event.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  return offsets;
}

/** Every path of the data (to collections too), and each with its last segment of the other type: `0` and `"0"`. */
function probedPaths(value: unknown, at: DataPath = []): DataPath[] {
  const twin = at.length === 0 ? [] : [[...at.slice(0, -1), typeof at.at(-1) === "number" ? String(at.at(-1)) : 0]];
  const here = [at, ...twin, [...at, "missing"]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => probedPaths(item, [...at, index]))];
  if (typeof value === "object" && value !== null)
    return [...here, ...Object.keys(value).flatMap((key) => probedPaths((value as never)[key], [...at, key]))];
  return here;
}

/**
 * For a document the fast path reads, checks that every path is placed where the second parse placed it (or
 * not placed, as it was not); returns how many it placed, or `undefined` when the fast path left it to `yaml`.
 */
function expectPlacedAsBefore(text: string): number | undefined {
  const result = parseYaml(sourceOf(text));
  if (!result.ok || result.parsed.locateScalar === undefined) return undefined;
  const lines = text.replace(/\r(?!\n)/g, "\n");
  const before = scalarOffsetsByPath(lines);
  const position = linePosition(lines);
  let placed = 0;
  for (const at of probedPaths(result.parsed.data)) {
    const offset = before.get(JSON.stringify(at));
    const expected = offset === undefined ? undefined : position(offset);
    if (expected !== undefined) placed += 1;
    expect(result.parsed.locateScalar(at), `${JSON.stringify(text)} at ${JSON.stringify(at)}`).toEqual(expected);
  }
  return placed;
}

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."ab :#-?!&*'\"\\,[]{}|>%@`\n\r.0123456789xoeE+_~é😀"), maxLength: 12 }),
  fc.constantFrom("", " ", "a b", "true", "null", "1", "0x1f", "- a", "a: b", "#x", "it's", '"q"', "multi\nline", "😀 x", "é"),
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"),
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

  it("as the second parse of the events did, for random data", () => {
    let placed = 0;
    fc.assert(
      fc.property(data, fc.nat({ max: writers.length - 1 }), (value, writer) => {
        placed += expectPlacedAsBefore(writers[writer]!(value)) ?? 0;
      }),
      { seed: SEED, numRuns: runs(600) },
    );
    expect(placed).toBeGreaterThan(100);
  });

  it("for every YAML file of the repository the fast path reads", () => {
    const files = ["schema", "test/fixtures", "examples", "templates"].flatMap((folder) =>
      readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.ya?ml$/.test(file) && !file.includes("node_modules"))
        .map((file) => path.join(repoRoot, folder, file)),
    );
    let placed = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      placed += expectPlacedAsYaml(text) ?? 0;
      expectPlacedAsBefore(text);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(placed).toBeGreaterThan(1000);
  });
});
