import type { CodeEntry, CodeStatus, Registry } from "../../model/registry.js";
import type { Axis } from "./axis.js";
import { patternId, setClass } from "./map-style.js";
import { type MapTexts, setLabel } from "./map-words.js";
import { spanText } from "./range-tree.js";
import { estimateWidth, fitText } from "./text-fit.js";
import { element, formatNumber as f, renderAttributes, textElement, title } from "./xml.js";

/** The height of the codes' row and of each set's row. */
export const MARK_ROW = 16;
/** Marks narrower than this are drawn together, as one mark that counts its codes. */
const MIN_MARK = 3;
/** A code's own cell must be this wide for its number, written upwards, to fit. */
const MIN_NUMBERED = 11;
const NUMBER_SIZE = 10;
const LABEL_SIZE = 12;
/** The size of a row's header in the left column. */
export const HEADER_SIZE = LABEL_SIZE;

/** Every code on the map, in use and retired, ascending. */
export function mappedCodes(registry: Registry): CodeEntry[] {
  return [...registry.codes, ...registry.retired].sort((a, b) => a.code - b.code);
}

/** A mark of the codes' row: one code, or several too close to draw apart. */
export interface Mark {
  readonly codes: readonly CodeEntry[];
  readonly x0: number;
  readonly x1: number;
}

function marksOf(codes: readonly CodeEntry[], axis: Axis): Mark[] {
  const marks: { codes: CodeEntry[]; x0: number; x1: number }[] = [];
  for (const entry of codes) {
    const x0 = axis.startOf(entry.code);
    const x1 = axis.endOf(entry.code);
    const last = marks.at(-1);
    // A mark too narrow to see takes in the codes after it until it is wide enough.
    if (last !== undefined && last.x1 - last.x0 < MIN_MARK && x0 - last.x1 < MIN_MARK) {
      last.codes.push(entry);
      last.x1 = x1;
    } else marks.push({ codes: [entry], x0, x1 });
  }
  return marks;
}

/** A mark's shape without its `<title>`: the same in every locale, drawn once for all of them. */
export interface Shape {
  readonly name: "path" | "rect";
  readonly attributes: string;
}

/** A filled square (active), a hollow one (deprecated) or a cross (retired): the shape says it, not the colour. */
function shapeOf(status: CodeStatus, x0: number, x1: number, y: number, height: number): Shape {
  const inset = x1 - x0 >= 6 ? 1 : 0;
  const [left, right, bottom] = [x0 + inset, x1 - inset, y + height];
  if (status === "retired") {
    const d = `M${f(left)} ${f(y)}L${f(right)} ${f(bottom)}M${f(left)} ${f(bottom)}L${f(right)} ${f(y)}`;
    return { name: "path", attributes: renderAttributes({ class: "retired", d }) };
  }
  // A stroke is drawn on both sides of the outline: inset by half its width, the hollow square keeps the cell's size.
  const shape =
    status === "deprecated"
      ? { x: left + 0.75, y: y + 0.75, width: right - left - 1.5, height: height - 1.5 }
      : { x: left, y, width: right - left, height };
  return { name: "rect", attributes: renderAttributes({ class: status, ...shape }) };
}

/** The shape as an element, with `tooltip` as its `<title>`. */
function titledShape(shape: Shape, tooltip: string): string {
  return `<${shape.name}${shape.attributes}>${title(tooltip)}</${shape.name}>`;
}

/** The status a mark's shape shows: its code's, or for several codes active unless every one is retired. */
function markStatus(mark: Mark): CodeStatus {
  if (mark.codes.length === 1) return mark.codes[0]!.lifecycle.status;
  return mark.codes.some((entry) => entry.lifecycle.status !== "retired") ? "active" : "retired";
}

/** What a mark's `<title>` says in the page's locale. */
function markTooltip(mark: Mark, locale: string, texts: MapTexts): string {
  if (mark.codes.length === 1) {
    const entry = mark.codes[0]!;
    return `${entry.code} ${entry.name} (${texts[entry.lifecycle.status]}): ${entry.description[locale]!}`;
  }
  const span = { from: mark.codes[0]!.code, to: mark.codes.at(-1)!.code };
  return `${texts.codes} ${spanText(span)} (${mark.codes.length})`;
}

/** A code's number, written upwards below its cell, for every code whose cell is wide enough. */
function renderNumbers(marks: readonly Mark[], top: number): { markup: string; height: number } {
  const numbered = marks.filter((mark) => mark.codes.length === 1 && mark.x1 - mark.x0 >= MIN_NUMBERED);
  if (numbered.length === 0) return { markup: "", height: 0 };
  const height = Math.max(...numbered.map((mark) => estimateWidth(`${mark.codes[0]!.code}`, NUMBER_SIZE))) + 4;
  const markup = numbered
    .map((mark) => {
      const x = (mark.x0 + mark.x1) / 2 + NUMBER_SIZE * 0.35;
      const y = top + 2;
      return textElement(
        { class: "m", x, y, "font-size": NUMBER_SIZE, "text-anchor": "end", transform: `rotate(-90 ${f(x)} ${f(y)})` },
        `${mark.codes[0]!.code}`,
      );
    })
    .join("\n");
  return { markup, height };
}

/** The codes' row on one axis, without its words: the marks, their shapes, and the numbers below them. */
export interface CodesLayout {
  readonly marks: readonly Mark[];
  readonly shapes: readonly Shape[];
  readonly numbers: { readonly markup: string; readonly height: number };
}

/** Lays out the codes' row of `mapped` (see {@link mappedCodes}) on `axis`, from `top` down. */
export function layOutCodes(mapped: readonly CodeEntry[], axis: Axis, top: number): CodesLayout {
  const marks = marksOf(mapped, axis);
  return {
    marks,
    shapes: marks.map((mark) => shapeOf(markStatus(mark), mark.x0, mark.x1, top, MARK_ROW)),
    numbers: renderNumbers(marks, top + MARK_ROW + 2),
  };
}

/** The codes' row and the numbers below it, in the page's locale. */
export function renderCodes(
  layout: CodesLayout,
  locale: string,
  texts: MapTexts,
  top: number,
  gutter: number,
): { markup: string; height: number } {
  const header = rowHeader(texts.codes, top, gutter);
  const marks = layout.marks.map((mark, index) => titledShape(layout.shapes[index]!, markTooltip(mark, locale, texts)));
  const markup = [header, ...marks, layout.numbers.markup].filter((part) => part !== "");
  return { markup: markup.join("\n"), height: MARK_ROW + 2 + layout.numbers.height };
}

/** A row's header in the left gutter, as much of it as fits. */
export function rowHeader(text: string, top: number, gutter: number, classes?: string): string {
  const shown = fitText(text, gutter - 8, LABEL_SIZE);
  return shown === undefined ? "" : textElement({ class: classes, x: 16, y: top + 12, "font-size": LABEL_SIZE }, shown);
}

/** The bars of each set's row on one axis (its intervals, in its own pattern), the same in every locale. */
export function layOutSets(registry: Registry, axis: Axis, top: number): string[] {
  return registry.sets.map((set, index) => {
    const y = top + index * (MARK_ROW + 6);
    const bars: { x0: number; x1: number }[] = [];
    for (const interval of set.intervals) {
      const x0 = axis.startOf(interval.from);
      const x1 = axis.endOf(interval.to);
      const last = bars.at(-1);
      if (last !== undefined && x0 - last.x1 < 1) last.x1 = x1;
      else bars.push({ x0, x1 });
    }
    return bars
      .map((bar) =>
        element("rect", {
          class: setClass(index),
          fill: `url(#${patternId(registry.id, index)})`,
          x: bar.x0,
          y,
          width: bar.x1 - bar.x0,
          height: MARK_ROW,
        }),
      )
      .join("");
  });
}

/** One row per set: its label in the gutter, its bars (see {@link layOutSets}) under a title in the page's locale. */
export function renderSets(
  registry: Registry,
  locale: string,
  bars: readonly string[],
  top: number,
  gutter: number,
): { markup: string; height: number } {
  const rows = registry.sets.map((set, index) => {
    const y = top + index * (MARK_ROW + 6);
    const label = setLabel(set, locale);
    const description = set.description?.[locale];
    const tooltip = description === undefined ? label : `${label}: ${description}`;
    return [rowHeader(label, y, gutter), `<g>${title(tooltip)}${bars[index]!}</g>`].filter((part) => part !== "").join("\n");
  });
  return { markup: rows.join("\n"), height: registry.sets.length * (MARK_ROW + 6) };
}

/** The shapes of the statuses the map shows (`present`), each with its word. */
export function renderLegend(present: ReadonlySet<CodeStatus>, texts: MapTexts, top: number, left: number): string {
  let x = left;
  const items: string[] = [];
  for (const status of ["active", "deprecated", "retired"] as const) {
    if (!present.has(status)) continue;
    items.push(titledShape(shapeOf(status, x, x + 12, top, 12), texts[status]));
    items.push(textElement({ x: x + 18, y: top + 11, "font-size": LABEL_SIZE }, texts[status]));
    x += 18 + estimateWidth(texts[status], LABEL_SIZE) + 16;
  }
  return items.length === 0 ? "" : element("g", { class: "legend" }, ...items);
}
