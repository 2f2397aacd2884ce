import type { Interval } from "../../model/registry.js";

/**
 * The map's horizontal axis: the registry's bounds cut at every edge of a range, a set's interval and a run of
 * codes, each piece as wide as what it holds rather than as its count of numbers. A linear axis would give the
 * WebSocket registry's 5000–65535 nine tenths of the picture and its sixteen codes a few pixels; here a registered
 * code gets a cell of its own and an empty stretch grows with the logarithm of its length.
 */

/** One piece of the axis: the numbers `from`–`to`, drawn from `x0` to `x1`. */
export interface AxisPiece extends Interval {
  readonly x0: number;
  readonly x1: number;
}

/** Where each number is drawn. */
export interface Axis {
  readonly pieces: readonly AxisPiece[];
  /** The left edge of `code`'s place. */
  startOf(code: number): number;
  /** The right edge of `code`'s place. */
  endOf(code: number): number;
}

/** What the axis is cut at and stretched for. */
export interface AxisInput {
  readonly bounds: Interval;
  /** Spans whose edges must fall on a piece's edge: ranges and the gaps between them. */
  readonly edges: readonly Interval[];
  /** Spans whose edges fall on a piece's edge while the pieces are few enough (sets' intervals). */
  readonly optionalEdges: readonly Interval[];
  /** Every code marked on the map, ascending. */
  readonly codes: readonly number[];
  /** The width a span needs for its label, by `from–to`: a piece that is exactly such a span gets at least that. */
  readonly floors: ReadonlyMap<string, number>;
  readonly left: number;
  readonly right: number;
}

/**
 * Beyond this many pieces, sets' intervals and then runs of codes no longer cut the axis: they share the pieces of
 * the ranges, placed linearly within them, so that a registry of 10,000 codes still has an axis of a few hundred pieces.
 */
const MAX_PIECES = 400;

/** The key of a span in {@link AxisInput.floors}. */
export function spanKey(span: Interval): string {
  return `${span.from}-${span.to}`;
}

/** The runs of consecutive numbers in ascending `codes`. */
export function runsOf(codes: readonly number[]): Interval[] {
  const runs: { from: number; to: number }[] = [];
  for (const code of codes) {
    const last = runs.at(-1);
    if (last !== undefined && code === last.to + 1) last.to = code;
    else if (last === undefined || code > last.to) runs.push({ from: code, to: code });
  }
  return runs;
}

/** How wide a piece of `size` numbers holding `count` codes would like to be, before the axis is scaled to fit. */
function nominalWidth(size: number, count: number): number {
  const cells = (n: number) => (n <= 16 ? 12 * n : 192 + 24 * Math.log2(n / 16));
  if (count === size) return cells(count);
  const empty = 16 + 12 * Math.log10(size);
  return count === 0 ? empty : empty + cells(count) / 2;
}

function cutsOf(input: AxisInput): number[] {
  const { bounds } = input;
  const cuts = new Set<number>([bounds.from, bounds.to + 1]);
  const add = (span: Interval) => {
    if (span.from > bounds.from && span.from <= bounds.to) cuts.add(span.from);
    if (span.to >= bounds.from && span.to < bounds.to) cuts.add(span.to + 1);
  };
  for (const edge of input.edges) add(edge);
  if (cuts.size + 2 * input.optionalEdges.length <= MAX_PIECES) for (const edge of input.optionalEdges) add(edge);
  const runs = runsOf(input.codes);
  if (cuts.size + 2 * runs.length <= MAX_PIECES) for (const run of runs) add(run);
  return [...cuts].sort((a, b) => a - b);
}

/** Lays out the axis between `left` and `right`. */
export function layOutAxis(input: AxisInput): Axis {
  const cuts = cutsOf(input);
  const spans: { from: number; to: number; width: number; full: boolean }[] = [];
  let next = 0;
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const from = cuts[index]!;
    const to = cuts[index + 1]! - 1;
    while (next < input.codes.length && input.codes[next]! < from) next += 1;
    let count = 0;
    while (next + count < input.codes.length && input.codes[next + count]! <= to) count += 1;
    const width = Math.max(nominalWidth(to - from + 1, count), input.floors.get(spanKey({ from, to })) ?? 0);
    spans.push({ from, to, width, full: count === to - from + 1 });
  }
  const scales = scalesOf(spans, input.right - input.left);
  let x = input.left;
  const pieces = spans.map(({ from, to, width, full }) => {
    const piece = { from, to, x0: x, x1: x + width * (full ? scales.codes : scales.rest) };
    x = piece.x1;
    return piece;
  });
  return axisOver(pieces);
}

/**
 * How much the runs of codes and the other pieces are stretched to fill `room`: all alike when the axis is too
 * long; when it is too short, only the pieces without codes grow (two codes of a small registry keep cells of
 * their natural size instead of a quarter of the picture each), unless every piece is codes.
 */
function scalesOf(spans: readonly { width: number; full: boolean }[], room: number): { codes: number; rest: number } {
  const total = spans.reduce((sum, span) => sum + span.width, 0);
  const codes = spans.reduce((sum, span) => sum + (span.full ? span.width : 0), 0);
  if (total >= room || codes === total) return { codes: room / total, rest: room / total };
  return { codes: 1, rest: (room - codes) / (total - codes) };
}

function axisOver(pieces: readonly AxisPiece[]): Axis {
  const pieceOf = (code: number): AxisPiece => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (pieces[middle]!.from <= code) low = middle;
      else high = middle - 1;
    }
    return pieces[low]!;
  };
  const at = (code: number, offset: number) => {
    const piece = pieceOf(code);
    return piece.x0 + ((code - piece.from + offset) / (piece.to - piece.from + 1)) * (piece.x1 - piece.x0);
  };
  return { pieces, startOf: (code) => at(code, 0), endOf: (code) => at(code, 1) };
}
