import type { Interval } from "../../model/registry.js";
import { jsDoc } from "./literals.js";
import { constStatement, literal, type Statement } from "./print.js";

/*
 * Membership shapes, chosen by measurement (V8 11, integer inputs; bench/RESULTS.md, "Guard shapes"):
 * - range comparisons while they are few (a span counts twice): about 2 ns up to 48 comparisons, but 15 ns
 *   at 64 and growing linearly beyond, as the function outgrows what V8 optimizes best;
 * - members V8 compiles into a jump table (at least 6, spread over at most 3 times their number), a
 *   `switch`: about 5 ns up to 1,024 members, 150 ns at 4,096;
 * - anything else, a binary search over a table of spans: 5 ns for a few spans, 70 ns at 2,000.
 */
const MAX_COMPARISONS = 48;
const MIN_SWITCH_CASES = 6;
const MAX_SWITCH_CASES = 1024;
const MAX_SWITCH_SPREAD_PER_CASE = 3;

function memberCount(intervals: readonly Interval[]): number {
  return intervals.reduce((total, interval) => total + interval.to - interval.from + 1, 0);
}

/** The comparisons a chain of range tests makes in the worst case: one per single code, two per span. */
function comparisonCount(intervals: readonly Interval[]): number {
  return intervals.reduce((total, interval) => total + (interval.from === interval.to ? 1 : 2), 0);
}

/** Whether V8 turns a `switch` over every member into a jump table (its --switch-table-* defaults). */
function compilesToJumpTable(intervals: readonly Interval[]): boolean {
  const members = memberCount(intervals);
  const spread = intervals.length === 0 ? 0 : intervals.at(-1)!.to - intervals[0]!.from + 1;
  return members >= MIN_SWITCH_CASES && members <= MAX_SWITCH_CASES && spread <= MAX_SWITCH_SPREAD_PER_CASE * members;
}

/**
 * Whether the membership test of `intervals` is a binary search, which reads a module-level table of spans
 * (the shapes `membership` chooses between): the clash check reserves the table's name exactly when it exists.
 */
export function readsSpansTable(intervals: readonly Interval[]): boolean {
  return comparisonCount(intervals) > MAX_COMPARISONS && !compilesToJumpTable(intervals);
}

/** A membership test: the statements of a function body, and the module-level tables they read. */
export interface Membership {
  readonly statements: string[];
  readonly tables: Statement[];
}

/**
 * A membership test of `variable` (a number, or `unknown` when `unknown` is set) in the normalized
 * `intervals`, in the fastest shape for them (see above); a binary search reads its spans from a module-level
 * constant named `table`. Every shape is false for non-integers, NaN and (for `unknown`) non-numbers.
 */
export function membership(variable: string, intervals: readonly Interval[], unknown: boolean, table: string): Membership {
  if (comparisonCount(intervals) <= MAX_COMPARISONS) return { statements: [comparisons(variable, intervals, unknown)], tables: [] };
  if (compilesToJumpTable(intervals)) {
    const cases: string[] = [];
    for (const interval of intervals) for (let code = interval.from; code <= interval.to; code += 1) cases.push(`    case ${code}:`);
    return {
      statements: [`switch (${variable}) {\n${cases.join("\n")}\n        return true;\n    default:\n        return false;\n}`],
      tables: [],
    };
  }
  const notInteger = unknown ? `typeof ${variable} !== "number" || !Number.isInteger(${variable})` : `!Number.isInteger(${variable})`;
  return {
    statements: [
      `if (${notInteger}) return false;
let low = 0;
let high = ${table}.length / 2 - 1;
while (low <= high) {
    const middle = (low + high) >>> 1;
    if (${variable} < ${table}[2 * middle]!) high = middle - 1;
    else if (${variable} > ${table}[2 * middle + 1]!) low = middle + 1;
    else return true;
}
return false;`,
    ],
    tables: [
      constStatement({
        name: table,
        exported: false,
        docs: jsDoc("Sorted, disjoint spans of members as inclusive `from, to` pairs, for a binary search."),
        type: "readonly number[]",
        initializer: literal(
          "array",
          intervals.map((interval) => ({ value: `${interval.from}, ${interval.to}` })),
        ),
      }),
    ],
  };
}

function comparisons(variable: string, intervals: readonly Interval[], unknown: boolean): string {
  const spans = intervals.some((interval) => interval.from !== interval.to);
  const terms = intervals.map((interval) =>
    interval.from === interval.to
      ? `${variable} === ${interval.from}`
      : `(${variable} >= ${interval.from} && ${variable} <= ${interval.to})`,
  );
  const guards = [unknown && spans ? `typeof ${variable} === "number"` : undefined, spans ? `Number.isInteger(${variable})` : undefined];
  const test =
    terms.length === 0 ? "false" : terms.length === 1 || !guards.some(Boolean) ? terms.join(" ||\n    ") : `(${terms.join(" ||\n    ")})`;
  const condition = [...guards.filter((guard) => guard !== undefined), test].join(" &&\n    ");
  return `return ${condition};`;
}
