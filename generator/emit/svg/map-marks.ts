import type { CodeEntry, CodeStatus, Registry } from "../../model/registry.js";
import type { Axis } from "./axis.js";
import { patternId, setClass } from "./map-style.js";
import { type MapTexts, setLabel } from "./map-words.js";
import { spanText } from "./range-tree.js";
import { estimateWidth, fitText } from "./text-fit.js";
import { element, formatNumber as f, textElement, title } from "./xml.js";

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
interface Mark {
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

/** A filled square (active), a hollow one (deprecated) or a cross (retired): the shape says it, not the colour. */
function statusShape(status: CodeStatus, x0: number, x1: number, y: number, height: number, tooltip: string): string {
  const inset = x1 - x0 >= 6 ? 1 : 0;
  const [left, right, bottom] = [x0 + inset, x1 - inset, y + height];
  if (status === "retired") {
    const d = `M${f(left)} ${f(y)}L${f(right)} ${f(bottom)}M${f(left)} ${f(bottom)}L${f(right)} ${f(y)}`;
    return element("path", { class: "retired", d }, title(tooltip));
  }
  // A stroke is drawn on both sides of the outline: inset by half its width, the hollow square keeps the cell's size.
  const shape =
    status === "deprecated"
      ? { x: left + 0.75, y: y + 0.75, width: right - left - 1.5, height: height - 1.5 }
      : { x: left, y, width: right - left, height };
  return element("rect", { class: status, ...shape }, title(tooltip));
}

function renderMark(mark: Mark, y: number, locale: string, texts: MapTexts): string {
  if (mark.codes.length === 1) {
    const entry = mark.codes[0]!;
    const { status } = entry.lifecycle;
    return statusShape(
      status,
      mark.x0,
      mark.x1,
      y,
      MARK_ROW,
      `${entry.code} ${entry.name} (${texts[status]}): ${entry.description[locale]!}`,
    );
  }
  const span = { from: mark.codes[0]!.code, to: mark.codes.at(-1)!.code };
  const status = mark.codes.some((entry) => entry.lifecycle.status !== "retired") ? "active" : "retired";
  return statusShape(status, mark.x0, mark.x1, y, MARK_ROW, `${texts.codes} ${spanText(span)} (${mark.codes.length})`);
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

/** The codes' row and the numbers below it. */
export function renderCodes(
  registry: Registry,
  locale: string,
  texts: MapTexts,
  axis: Axis,
  top: number,
  gutter: number,
): { markup: string; height: number } {
  const marks = marksOf(mappedCodes(registry), axis);
  const header = rowHeader(texts.codes, top, gutter);
  const numbers = renderNumbers(marks, top + MARK_ROW + 2);
  const markup = [header, ...marks.map((mark) => renderMark(mark, top, locale, texts)), numbers.markup].filter((part) => part !== "");
  return { markup: markup.join("\n"), height: MARK_ROW + 2 + numbers.height };
}

/** A row's header in the left gutter, as much of it as fits. */
export function rowHeader(text: string, top: number, gutter: number, classes?: string): string {
  const shown = fitText(text, gutter - 8, LABEL_SIZE);
  return shown === undefined ? "" : textElement({ class: classes, x: 16, y: top + 12, "font-size": LABEL_SIZE }, shown);
}

/** One row per set: its label in the gutter, its intervals as bars in its own pattern. */
export function renderSets(
  registry: Registry,
  locale: string,
  axis: Axis,
  top: number,
  gutter: number,
): { markup: string; height: number } {
  const rows = registry.sets.map((set, index) => {
    const y = top + index * (MARK_ROW + 6);
    const label = setLabel(set, locale);
    const bars: { x0: number; x1: number }[] = [];
    for (const interval of set.intervals) {
      const x0 = axis.startOf(interval.from);
      const x1 = axis.endOf(interval.to);
      const last = bars.at(-1);
      if (last !== undefined && x0 - last.x1 < 1) last.x1 = x1;
      else bars.push({ x0, x1 });
    }
    const shapes = bars.map((bar) =>
      element("rect", {
        class: setClass(index),
        fill: `url(#${patternId(registry.id, index)})`,
        x: bar.x0,
        y,
        width: bar.x1 - bar.x0,
        height: MARK_ROW,
      }),
    );
    const description = set.description?.[locale];
    const tooltip = description === undefined ? label : `${label}: ${description}`;
    return [rowHeader(label, y, gutter), element("g", {}, title(tooltip), ...shapes)].filter((part) => part !== "").join("\n");
  });
  return { markup: rows.join("\n"), height: registry.sets.length * (MARK_ROW + 6) };
}

/** The shapes of the statuses the map shows, each with its word. */
export function renderLegend(registry: Registry, texts: MapTexts, top: number, left: number): string {
  const present = new Set(mappedCodes(registry).map((entry) => entry.lifecycle.status));
  let x = left;
  const items: string[] = [];
  for (const status of ["active", "deprecated", "retired"] as const) {
    if (!present.has(status)) continue;
    items.push(statusShape(status, x, x + 12, top, 12, texts[status]));
    items.push(textElement({ x: x + 18, y: top + 11, "font-size": LABEL_SIZE }, texts[status]));
    x += 18 + estimateWidth(texts[status], LABEL_SIZE) + 16;
  }
  return items.length === 0 ? "" : element("g", { class: "legend" }, ...items);
}
