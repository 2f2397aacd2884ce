/**
 * The evidence for the guards' shapes (generator/emit/ts/membership.ts): the same membership
 * test written as a chain of comparisons, a `switch` over every member, and a binary search over a table of
 * spans, timed on sets of several sizes and densities, next to the shape codebook picks.
 *
 *   node dist/bench/guard-shapes.js MODULE.mjs INPUTS.json ROUNDS    one timing, in a fresh process
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { membership } from "../generator/emit/ts/membership.js";
import type { Interval } from "../generator/model/registry.js";
import { median, runForOutput } from "./process-timing.js";
import { type DetailTable, ratio } from "./results-table.js";

type Shape = "comparisons" | "switch" | "binary search" | "codebook";
const SHAPES: readonly Shape[] = ["comparisons", "switch", "binary search", "codebook"];

/** Deterministic sets: `count` spans of `span` codes each, `gap` codes apart. */
const SETS: readonly { readonly label: string; readonly count: number; readonly span: number; readonly gap: number }[] = [
  { label: "8 codes, sparse", count: 8, span: 1, gap: 5 },
  { label: "48 codes, sparse", count: 48, span: 1, gap: 5 },
  { label: "64 codes, sparse", count: 64, span: 1, gap: 5 },
  { label: "1,024 codes, sparse", count: 1024, span: 1, gap: 5 },
  { label: "32 spans of 20", count: 32, span: 20, gap: 5 },
  { label: "1,024 codes, dense", count: 1024, span: 1, gap: 1 },
  { label: "4,096 codes, dense", count: 4096, span: 1, gap: 1 },
];

function intervalsOf(count: number, span: number, gap: number): Interval[] {
  return Array.from({ length: count }, (_, index) => ({ from: 1000 + index * (span + gap), to: 1000 + index * (span + gap) + span - 1 }));
}

/** The body of `has(value)` in one shape, as TypeScript, with the tables it reads. */
function shapeSource(shape: Shape, intervals: readonly Interval[]): string {
  if (shape === "codebook") {
    const test = membership("value", intervals, false, "spans");
    return `${test.tables.join("\n")}\nexport function has(value: number): boolean {\n${test.statements.join("\n")}\n}\n`;
  }
  if (shape === "switch") {
    const cases = intervals.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, index) => `case ${from + index}:`));
    return `export function has(value: number): boolean {\nswitch (value) {\n${cases.join("\n")}\nreturn true;\ndefault:\nreturn false;\n}\n}\n`;
  }
  if (shape === "comparisons") {
    const terms = intervals.map(({ from, to }) => (from === to ? `value === ${from}` : `(value >= ${from} && value <= ${to})`));
    return `export function has(value: number): boolean {\nreturn Number.isInteger(value) && (${terms.join(" || ")});\n}\n`;
  }
  // The binary search codebook writes beyond a few intervals, here for any set.
  return [
    `const spans = [${intervals.map(({ from, to }) => `${from}, ${to}`).join(", ")}];`,
    "export function has(value: number): boolean {",
    "if (!Number.isInteger(value)) return false;",
    "let low = 0;",
    "let high = spans.length / 2 - 1;",
    "while (low <= high) {",
    "const middle = (low + high) >>> 1;",
    "if (value < spans[2 * middle]!) high = middle - 1;",
    "else if (value > spans[2 * middle + 1]!) low = middle + 1;",
    "else return true;",
    "}",
    "return false;",
    "}",
    "",
  ].join("\n");
}

/** Which shape `membership` picked, read from its text. */
function pickedShape(source: string): string {
  if (source.includes("while (low <= high)")) return "binary search";
  return source.includes("switch (value)") ? "switch" : "comparisons";
}

/** Half members, half any integer across the set's spread, in a fixed pseudo-random order. */
function inputsFor(intervals: readonly Interval[]): number[] {
  let state = 12345;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const low = intervals[0]!.from - 10;
  const high = intervals.at(-1)!.to + 10;
  return Array.from({ length: 8192 }, (_, index) =>
    index % 2 === 0 ? intervals[Math.floor(random() * intervals.length)]!.from : low + Math.floor(random() * (high - low)),
  );
}

/** Times every shape on every set, each in fresh processes, and returns the table for RESULTS.md. */
export function measureGuardShapes(options: {
  readonly scratch: string;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}): DetailTable {
  const probe = fileURLToPath(import.meta.url);
  const processes = options.quick ? 1 : 3;
  options.log(`    guard shapes: ${SETS.length} sets x ${SHAPES.length} shapes x ${processes} process(es)`);
  const rows = SETS.map((set) => {
    const intervals = intervalsOf(set.count, set.span, set.gap);
    const inputs = path.join(options.scratch, "shape-inputs.json");
    writeFileSync(inputs, JSON.stringify(inputsFor(intervals)));
    const timings = SHAPES.map((shape) => {
      const file = path.join(options.scratch, `shape-${SHAPES.indexOf(shape)}.mjs`);
      writeFileSync(file, transformSync(shapeSource(shape, intervals), { loader: "ts", format: "esm" }).code);
      const samples = Array.from({ length: processes }, () =>
        Number(runForOutput([probe, file, inputs, options.quick ? "5" : "9"], options.scratch)),
      );
      return median(samples);
    });
    const best = Math.min(...timings.slice(0, 3));
    const picked = pickedShape(shapeSource("codebook", intervals));
    return [set.label, ...timings.map((value) => value.toFixed(1)), `${picked} (${ratio(timings[3]! / best)} the fastest)`];
  });
  return {
    title: "Guard shapes (the evidence for the shapes codebook picks)",
    note: `ns per call over 8,192 integers (half members), each shape in ${processes} fresh process(es). A \`switch\` is fast only where V8 compiles it to a jump table (dense cases, small function); a long chain or a sparse \`switch\` is a linear scan.`,
    header: ["Set", "Comparisons", "Switch", "Binary search", "codebook", "codebook picks"],
    rows,
  };
}

function timeShape(modulePath: string, inputsPath: string, rounds: number): Promise<number> {
  return import(pathToFileURL(modulePath).href).then(({ has }: { has: (value: number) => boolean }) => {
    const inputs = JSON.parse(readFileSync(inputsPath, "utf8")) as number[];
    let hits = 0;
    const run = (passes: number): number => {
      const start = process.hrtime.bigint();
      for (let pass = 0; pass < passes; pass += 1)
        for (let index = 0; index < inputs.length; index += 1) if (has(inputs[index]!)) hits += 1;
      return Number(process.hrtime.bigint() - start) / (passes * inputs.length);
    };
    let passes = 1;
    while (run(passes) * passes * inputs.length < 20e6) passes *= 2;
    run(passes);
    const perCall = Array.from({ length: rounds }, () => run(passes));
    if (hits < 0) throw new Error("unreachable");
    return median(perCall);
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [modulePath = "", inputsPath = "", rounds = "9"] = process.argv.slice(2);
  process.stdout.write(`${await timeShape(modulePath, inputsPath, Number(rounds))}\n`);
}
