import type { Interval, Registry } from "../../model/registry.js";
import type { Axis } from "./axis.js";
import { bandClass } from "./map-style.js";
import type { MapTexts } from "./map-words.js";
import { flattenTree, gapsBetween, rangeTree, spanText } from "./range-tree.js";
import { estimateWidth, fitText } from "./text-fit.js";
import { element, textElement, title } from "./xml.js";

/** The height of one depth of bands: a line for the name and one for the span. */
export const BAND_ROW = 34;

/** A band of the map: a declared range, or a stretch of the bounds outside every range. */
export interface Band extends Interval {
  readonly depth: number;
  /** A declared range, a gap between ranges, or several ranges too narrow to draw apart. */
  readonly kind: "range" | "gap" | "many";
  /** The range's name; `undefined` for a gap or several ranges. */
  readonly name: string | undefined;
  /** What the band's `<title>` says. */
  readonly title: string;
  /** The band's place among the bands of its depth, for alternating shades. */
  readonly index: number;
  /** Whether no band is drawn inside it: only a leaf asks the axis for room for its label. */
  readonly leaf: boolean;
}

const NAME_SIZE = 12;
const SPAN_SIZE = 11;
/** A label starts this far inside its band and keeps as far from its right edge. */
const INSET = 4;
/** No label asks for more room than this: a long name is shortened instead. */
const MAX_FLOOR = 130;
/** Narrower bands are drawn together, as one band that says how many ranges it holds. */
const MIN_BAND = 2;

/** Every band, outermost ranges and gaps first (ascending), then each depth. */
export function bandsOf(registry: Registry, locale: string): Band[] {
  const tree = rangeTree(registry);
  const counters = new Map<number, number>();
  const ranges = flattenTree(tree).map((node): Band => {
    const index = counters.get(node.depth) ?? 0;
    counters.set(node.depth, index + 1);
    const { range } = node;
    return {
      from: range.from,
      to: range.to,
      depth: node.depth,
      kind: "range",
      name: range.name,
      title: `${range.name} ${spanText(range)}: ${range.description[locale]!}`,
      index,
      leaf: node.children.length === 0,
    };
  });
  const gaps = gapsBetween(
    registry.bounds,
    tree.map((node) => node.range),
  ).map((gap): Band => ({ ...gap, depth: 0, kind: "gap", name: undefined, title: spanText(gap), index: 0, leaf: true }));
  return [...ranges, ...gaps].sort((a, b) => a.depth - b.depth || a.from - b.from);
}

/** The room each leaf band's label would like, by span: what {@link AxisInput.floors} takes. */
export function labelFloors(bands: readonly Band[]): Map<string, number> {
  const floors = new Map<string, number>();
  for (const band of bands.filter((candidate) => candidate.leaf)) {
    const name = band.name === undefined ? 0 : estimateWidth(band.name, NAME_SIZE, true);
    const wanted = Math.max(name, estimateWidth(spanText(band), SPAN_SIZE)) + 2 * INSET;
    floors.set(`${band.from}-${band.to}`, Math.min(MAX_FLOOR, wanted));
  }
  return floors;
}

/** The band's name and span, each as far as it fits; a gap shows only its span. */
function renderLabel(band: Band, x0: number, x1: number, y: number): string {
  const room = x1 - x0 - 2 * INSET;
  const span = fitText(spanText(band), room, SPAN_SIZE);
  const name = band.name === undefined ? undefined : fitText(band.name, room, NAME_SIZE, true);
  const lines: string[] = [];
  if (name !== undefined) lines.push(textElement({ x: x0 + INSET, y: y + 15, "font-size": NAME_SIZE, "font-weight": 600 }, name));
  if (span !== undefined && (name !== undefined || band.kind !== "range")) {
    lines.push(textElement({ class: "m", x: x0 + INSET, y: y + (name === undefined ? 15 : 29), "font-size": SPAN_SIZE }, span));
  }
  return lines.join("\n");
}

function renderBand(band: Band, axis: Axis, top: number, depths: number): string {
  const x0 = axis.startOf(band.from);
  const x1 = axis.endOf(band.to);
  const y = top + band.depth * BAND_ROW;
  const height = (depths - band.depth) * BAND_ROW - band.depth * 3;
  const shape = { x: x0, y, width: x1 - x0, height };
  const rect = element(
    "rect",
    { class: band.kind === "gap" ? "gap" : `band ${bandClass(band.depth, band.index)}`, ...shape },
    title(band.title),
  );
  return `${rect}${renderLabel(band, x0, x1, y)}`;
}

/** Runs of bands narrower than {@link MIN_BAND} at the same depth, drawn as one band that counts its ranges. */
function mergeNarrow(bands: readonly Band[], axis: Axis, texts: MapTexts): Band[] {
  const merged: Band[] = [];
  let run: Band[] = [];
  const flush = () => {
    if (run.length === 1) merged.push(run[0]!);
    else if (run.length > 1) {
      const span = { from: run[0]!.from, to: run.at(-1)!.to };
      const titleText = `${texts.ranges} ${spanText(span)} (${run.length})`;
      merged.push({ ...run[0]!, ...span, kind: "many", title: titleText, name: undefined, leaf: false });
    }
    run = [];
  };
  for (const band of bands) {
    const narrow = band.kind === "range" && axis.endOf(band.to) - axis.startOf(band.from) < MIN_BAND;
    const last = run.at(-1);
    const apart = last !== undefined && (last.depth !== band.depth || axis.startOf(band.from) - axis.endOf(last.to) >= MIN_BAND);
    if (!narrow || apart) flush();
    if (narrow) run.push(band);
    else merged.push(band);
  }
  flush();
  return merged;
}

/** The bands, nested: a range at depth d is drawn inside its parent, from the parent's second line down. */
export function renderBands(bands: readonly Band[], axis: Axis, top: number, texts: MapTexts): string {
  const depths = depthCount(bands);
  return mergeNarrow(bands, axis, texts)
    .map((band) => renderBand(band, axis, top, depths))
    .join("\n");
}

/** How many depths of bands there are (at least one: the bounds). */
export function depthCount(bands: readonly Band[]): number {
  return Math.max(1, ...bands.map((band) => band.depth + 1));
}
