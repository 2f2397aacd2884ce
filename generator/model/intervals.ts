import type { Interval } from "./registry.js";

/** Sorts intervals and merges those that overlap or touch, giving the canonical form of a set. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && interval.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/** The members of `include` that are not in `exclude`; both are normalized first. */
export function subtractIntervals(include: readonly Interval[], exclude: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  const cuts = normalizeIntervals(exclude);
  for (const interval of normalizeIntervals(include)) {
    let from = interval.from;
    for (const cut of cuts) {
      if (cut.to < from || cut.from > interval.to) continue;
      if (cut.from > from) result.push({ from, to: cut.from - 1 });
      from = cut.to + 1;
      if (from > interval.to) break;
    }
    if (from <= interval.to) result.push({ from, to: interval.to });
  }
  return result;
}

/** Whether `value` lies in one of the normalized `intervals` (binary search). */
export function intervalsContain(intervals: readonly Interval[], value: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const interval = intervals[middle]!;
    if (value < interval.from) high = middle - 1;
    else if (value > interval.to) low = middle + 1;
    else return true;
  }
  return false;
}

/** Intervals covering exactly the given integers. */
export function intervalsOf(values: Iterable<number>): Interval[] {
  return normalizeIntervals([...values].map((value) => ({ from: value, to: value })));
}
