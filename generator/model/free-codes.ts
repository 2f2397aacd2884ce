import { normalizeIntervals, subtractIntervals } from "./intervals.js";
import type { CodeRange, Interval, Registry } from "./registry.js";

/**
 * The first `count` numbers of `range` that are free to register: not a code (in use or retired) and not inside
 * a range nested in it (a nested range is reserved for its own use: ask for it by name).
 */
export function nextFreeCodes(registry: Registry, range: CodeRange, count: number): number[] {
  const taken: Interval[] = [
    ...[...registry.codes, ...registry.retired].map((entry) => ({ from: entry.code, to: entry.code })),
    ...registry.ranges.filter((other) => other !== range && other.from >= range.from && other.to <= range.to),
  ];
  const free = subtractIntervals([{ from: range.from, to: range.to }], normalizeIntervals(taken));
  const numbers: number[] = [];
  for (const interval of free) {
    for (let value = interval.from; value <= interval.to && numbers.length < count; value += 1) numbers.push(value);
    if (numbers.length >= count) break;
  }
  return numbers;
}
