import type { Registry } from "../../model/registry.js";
import { layOutAxis } from "./axis.js";
import { BAND_ROW, bandsOf, depthCount, labelFloors, renderBands } from "./map-bands.js";
import { HEADER_SIZE, MARK_ROW, mappedCodes, renderCodes, renderLegend, renderSets, rowHeader } from "./map-marks.js";
import { renderPatterns, renderStyle } from "./map-style.js";
import { describeMap, type MapTexts, mapTitle, setLabel } from "./map-words.js";
import { estimateWidth, fitText } from "./text-fit.js";
import { element, escapeXml, textElement } from "./xml.js";

/**
 * The map of a registry's code space, one SVG per locale: its ranges as nested bands along one axis, its codes as
 * marks (a shape per status), its sets as patterned bars in rows of their own, every label and `<title>` in the
 * page's locale. Plain SVG: no script, no font of its own (`system-ui, sans-serif`, with room to spare), no
 * external reference; the same registry gives the same bytes.
 */

/** The map's width; a viewer scales it down to its column. */
const WIDTH = 960;
const PAD = 16;
/** The left column of row headers (ranges, codes, each set's label) is as wide as they need, within these. */
const GUTTER = { min: 90, max: 240 } as const;
const TITLE_SIZE = 16;

/** What a map shows besides the registry: the page texts of its locale and the generated-file notice. */
export interface CodeMapInput {
  readonly registry: Registry;
  readonly locale: string;
  readonly texts: MapTexts;
  /** The generated-file notice, written as the file's first comment. */
  readonly notice: string;
}

/** The SVG document of one locale's map. */
/** The width of the row headers' column: the widest header and a margin, within {@link GUTTER}. */
function gutterWidth(registry: Registry, locale: string, texts: MapTexts): number {
  const headers = [texts.ranges, texts.codes, ...registry.sets.map((set) => setLabel(set, locale))];
  const widest = Math.max(...headers.map((header) => estimateWidth(header, HEADER_SIZE)));
  return Math.min(GUTTER.max, Math.max(GUTTER.min, Math.ceil(widest) + 12));
}

export function renderCodeMap({ registry, locale, texts, notice }: CodeMapInput): string {
  const gutter = gutterWidth(registry, locale, texts);
  const left = PAD + gutter;
  const right = WIDTH - PAD;
  const bands = bandsOf(registry, locale);
  const optionalEdges = registry.sets.flatMap((set) => set.intervals);
  const codes = mappedCodes(registry).map((entry) => entry.code);
  const axis = layOutAxis({ bounds: registry.bounds, edges: bands, optionalEdges, codes, floors: labelFloors(bands), left, right });

  const heading = mapTitle(registry, locale, texts);
  const bandsTop = 44;
  const depths = depthCount(bands);
  const codesTop = bandsTop + depths * BAND_ROW + 10;
  const codeRow = renderCodes(registry, locale, texts, axis, codesTop, gutter);
  const setsTop = codesTop + codeRow.height + 8;
  const setRows = renderSets(registry, locale, axis, setsTop, gutter);
  const legendTop = setsTop + setRows.height + (registry.sets.length > 0 ? 4 : 0);
  const height = legendTop + MARK_ROW + PAD;

  const body = [
    element("rect", { class: "bg", width: WIDTH, height }),
    textElement({ x: PAD, y: 28, "font-size": TITLE_SIZE, "font-weight": 600 }, fitText(heading, WIDTH - 2 * PAD, TITLE_SIZE, true) ?? ""),
    rowHeader(texts.ranges, bandsTop + 4, gutter),
    renderBands(bands, axis, bandsTop, texts),
    codeRow.markup,
    setRows.markup,
    renderLegend(registry, texts, legendTop, left),
  ];
  const root = {
    xmlns: "http://www.w3.org/2000/svg",
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: "img",
    lang: locale,
    "aria-labelledby": `${registry.id}-map-title ${registry.id}-map-desc`,
    "font-family": "system-ui, sans-serif",
  };
  const children = [
    element("title", { id: `${registry.id}-map-title` }, escapeXml(heading)),
    element("desc", { id: `${registry.id}-map-desc` }, escapeXml(describeMap(registry, locale, texts))),
    renderStyle(),
    renderPatterns(registry.id, registry.sets.length),
    ...body,
  ].filter((child) => child !== "");
  // One element (or one band, mark, row) a line: the file reads, and a change to the registry diffs, line by line.
  return `<!-- ${escapeComment(notice)} -->\n${element("svg", root).replace(/\/>$/, ">")}\n${children.join("\n")}\n</svg>\n`;
}

/** An XML comment may hold neither `--` nor a `-` at its end: the notice names the user's file, which may. */
function escapeComment(text: string): string {
  return text.replace(/-(?=-|$)/g, "- ");
}
