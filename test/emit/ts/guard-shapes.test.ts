import { transformSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { membership } from "../../../generator/emit/ts/membership.js";
import { intervalsContain, normalizeIntervals } from "../../../generator/model/intervals.js";
import type { Interval } from "../../../generator/model/registry.js";

type Guard = (value: unknown) => boolean;

/** The guard `membership` writes, with its tables, compiled from TypeScript and ready to call. */
function compileGuard(intervals: readonly Interval[], unknown: boolean): { guard: Guard; source: string } {
  const test = membership("value", intervals, unknown, "spans");
  const source = `function make() {\n${test.tables.join("\n")}\nreturn function guard(value: any) {\n${test.statements.join("\n")}\n};\n}`;
  const { code } = transformSync(source, { loader: "ts" });
  return { guard: new Function(`${code}\nreturn make();`)() as Guard, source };
}

function shapeOf(source: string): "comparisons" | "switch" | "binary search" {
  if (source.includes("while (low <= high)")) return "binary search";
  return source.includes("switch (value)") ? "switch" : "comparisons";
}

/** Every value a guard must judge: each edge of each span, some integers around, non-integers, non-numbers. */
function probes(intervals: readonly Interval[], unknown: boolean): unknown[] {
  const edges = intervals.flatMap(({ from, to }) => [from - 1, from, from + 0.5, to - 0.5, to, to + 1]);
  const low = (intervals[0]?.from ?? 0) - 3;
  const high = (intervals.at(-1)?.to ?? 0) + 3;
  const around = Array.from({ length: 200 }, (_, index) => low + Math.floor(((high - low + 1) * index) / 200));
  const odd = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
  const others = unknown ? [String(intervals[0]?.from ?? 0), null, undefined, {}, [intervals[0]?.from ?? 0], true, 1000n] : [];
  return [...edges, ...around, ...odd, ...others];
}

function expected(intervals: readonly Interval[], value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && intervalsContain(intervals, value);
}

/** Sorted, disjoint intervals built from random spans and gaps, starting anywhere (negative codes too). */
const intervalSets = (minIntervals: number, maxIntervals: number, maxSpan: number, maxGap: number): fc.Arbitrary<Interval[]> =>
  fc
    .tuple(
      fc.integer({ min: -100_000, max: 100_000 }),
      fc.array(fc.tuple(fc.nat(maxSpan), fc.integer({ min: 1, max: maxGap })), { minLength: minIntervals, maxLength: maxIntervals }),
    )
    .map(([start, parts]) => {
      let at = start;
      return normalizeIntervals(
        parts.map(([span, gap]) => {
          const interval = { from: at, to: at + span };
          at += span + 1 + gap;
          return interval;
        }),
      );
    });

describe("membership", () => {
  it.each([
    [
      "a few spans",
      "comparisons",
      [
        { from: 1000, to: 1003 },
        { from: 3000, to: 4999 },
      ],
    ],
    ["40 sparse members", "comparisons", Array.from({ length: 40 }, (_, index) => ({ from: 1000 + 10 * index, to: 1000 + 10 * index }))],
    ["200 dense members", "switch", Array.from({ length: 200 }, (_, index) => ({ from: 1000 + 2 * index, to: 1000 + 2 * index }))],
    [
      "100 sparse members",
      "binary search",
      Array.from({ length: 100 }, (_, index) => ({ from: 1000 + 10 * index, to: 1000 + 10 * index })),
    ],
    ["many long spans", "binary search", Array.from({ length: 300 }, (_, index) => ({ from: 100 * index, to: 100 * index + 50 }))],
  ])("writes %s as %s", (_, shape, intervals) => {
    const { guard, source } = compileGuard(intervals, true);
    expect(shapeOf(source)).toBe(shape);
    for (const value of probes(intervals, true)) expect(guard(value), String(value)).toBe(expected(intervals, value));
  });

  const generators = [
    ["few spans", intervalSets(1, 24, 50, 20)],
    ["dense sets", intervalSets(60, 300, 2, 1)],
    ["large sets", intervalSets(60, 400, 20, 50)],
  ] as const;

  it.each(generators)("is exact for every integer, non-integer and non-number (%s)", (_, sets) => {
    fc.assert(
      fc.property(sets, fc.boolean(), (intervals, unknown) => {
        const { guard } = compileGuard(intervals, unknown);
        return probes(intervals, unknown).every((value) => guard(value) === expected(intervals, value));
      }),
      { numRuns: 150 },
    );
  });

  it("covers every shape in the random sets", () => {
    const samples = generators.flatMap(([, sets]) => fc.sample(sets, { numRuns: 50, seed: 1 }));
    const shapes = new Set(samples.map((intervals) => shapeOf(compileGuard(intervals, false).source)));
    expect([...shapes].sort()).toEqual(["binary search", "comparisons", "switch"]);
  });
});
