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

/** A piece of the number line whose innermost interval is `owner`. */
interface OwnedSegment<T> {
  readonly from: number;
  readonly to: number;
  readonly owner: T;
}

/**
 * A lookup from a value to the innermost of `intervals` that holds it, for intervals that nest or are disjoint.
 * Built in O(n log n) by one sweep with a stack over the sorted intervals, cutting the line into disjoint
 * segments each labelled with its innermost interval; each lookup is then a binary search, O(log n).
 * Of intervals with the same span the first in `intervals` wins; inverted ones hold nothing. Partial overlaps
 * (an error the model reports) get some containing interval, not necessarily the narrowest.
 */
export function indexInnermost<T extends Interval>(intervals: readonly T[]): (value: number) => T | undefined {
  const order = intervals
    .map((interval, index) => ({ interval, index }))
    .filter(({ interval }) => interval.from <= interval.to)
    .sort((a, b) => a.interval.from - b.interval.from || b.interval.to - a.interval.to || a.index - b.index);
  const segments: OwnedSegment<T>[] = [];
  const open: T[] = [];
  // The first value not yet given to a segment.
  let cursor = -Infinity;
  const emit = (to: number, owner: T): void => {
    if (cursor <= to) segments.push({ from: cursor, to, owner });
    cursor = Math.max(cursor, to + 1);
  };
  const closeBefore = (value: number): void => {
    while (open.length > 0 && open.at(-1)!.to < value) {
      const closing = open.pop()!;
      emit(closing.to, closing);
    }
  };
  for (const { interval } of order) {
    const top = open.at(-1);
    if (top !== undefined && top.from === interval.from && top.to === interval.to) continue;
    closeBefore(interval.from);
    const enclosing = open.at(-1);
    if (enclosing !== undefined) emit(interval.from - 1, enclosing);
    cursor = interval.from;
    open.push(interval);
  }
  closeBefore(Infinity);
  return (value) => {
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const segment = segments[middle]!;
      if (value < segment.from) high = middle - 1;
      else if (value > segment.to) low = middle + 1;
      else return segment.owner;
    }
    return undefined;
  };
}
