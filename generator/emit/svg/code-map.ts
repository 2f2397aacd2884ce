import type { CodeStatus, Registry } from "../../model/registry.js";
import { type Axis, layOutAxis } from "./axis.js";
import { BAND_ROW, type Band, bandsOf, depthCount, labelFloors, renderBands } from "./map-bands.js";
import {
  type CodesLayout,
  HEADER_SIZE,
  layOutCodes,
  layOutSets,
  MARK_ROW,
  mappedCodes,
  renderCodes,
  renderLegend,
  renderSets,
  rowHeader,
} from "./map-marks.js";
import { renderPatterns, renderStyle } from "./map-style.js";
import { type MapDescriber, type MapTexts, mapDescriber, mapTitle, setLabel } from "./map-words.js";
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

/** The width of the row headers' column: the widest header and a margin, within {@link GUTTER}. */
function gutterWidth(registry: Registry, locale: string, texts: MapTexts): number {
  const headers = [texts.ranges, texts.codes, ...registry.sets.map((set) => setLabel(set, locale))];
  const widest = Math.max(...headers.map((header) => estimateWidth(header, HEADER_SIZE)));
  return Math.min(GUTTER.max, Math.max(GUTTER.min, Math.ceil(widest) + 12));
}

/** Where the map's rows start: below the title, the bands, then the codes. */
const BANDS_TOP = 44;

/** The maps of one registry: its words in a locale (see {@link describeMap}) and its SVG document in a locale. */
export interface CodeMapRenderer {
  readonly describe: MapDescriber;
  render(input: Omit<CodeMapInput, "registry">): string;
}

/** The parts of a registry's map that depend on the width of its gutter alone, not on its words. */
interface MapLayout {
  readonly axis: Axis;
  readonly codes: CodesLayout;
  readonly sets: readonly string[];
}

/**
 * The maps of one registry, in any locale. What is the same in every locale (the codes in order, the axis and the
 * shapes on it for a width of the gutter, the lists of the map's words) is worked out once, when first needed.
 */
export function codeMapRenderer(registry: Registry): CodeMapRenderer {
  const mapped = mappedCodes(registry);
  const codes = mapped.map((entry) => entry.code);
  const present = new Set(mapped.map((entry) => entry.lifecycle.status));
  const optionalEdges = registry.sets.flatMap((set) => set.intervals);
  const describer = mapDescriber(registry);
  const descriptions = new Map<string, { readonly texts: MapTexts; readonly text: string }>();
  const describe: MapDescriber = (locale, texts) => {
    const known = descriptions.get(locale);
    if (known?.texts === texts) return known.text;
    const text = describer(locale, texts);
    descriptions.set(locale, { texts, text });
    return text;
  };
  const layouts = new Map<number, MapLayout>();
  const layoutFor = (gutter: number, bands: readonly Band[], codesTop: number, setsTop: (codesHeight: number) => number) => {
    let layout = layouts.get(gutter);
    if (layout === undefined) {
      const left = PAD + gutter;
      const axis = layOutAxis({
        bounds: registry.bounds,
        edges: bands,
        optionalEdges,
        codes,
        floors: labelFloors(bands),
        left,
        right: WIDTH - PAD,
      });
      const codesLayout = layOutCodes(mapped, axis, codesTop);
      layout = { axis, codes: codesLayout, sets: layOutSets(registry, axis, setsTop(MARK_ROW + 2 + codesLayout.numbers.height)) };
      layouts.set(gutter, layout);
    }
    return layout;
  };
  const render = ({ locale, texts, notice }: Omit<CodeMapInput, "registry">) => {
    const gutter = gutterWidth(registry, locale, texts);
    const bands = bandsOf(registry, locale);
    const codesTop = BANDS_TOP + depthCount(bands) * BAND_ROW + 10;
    const layout = layoutFor(gutter, bands, codesTop, (codesHeight) => codesTop + codesHeight + 8);
    return renderDocument(registry, locale, texts, notice, {
      gutter,
      bands,
      codesTop,
      layout,
      present,
      description: describe(locale, texts),
    });
  };
  return { describe, render };
}

/** The SVG document of one locale's map. */
export function renderCodeMap({ registry, ...input }: CodeMapInput): string {
  return codeMapRenderer(registry).render(input);
}

/** What {@link renderDocument} draws besides the words of its locale. */
interface MapParts {
  readonly gutter: number;
  readonly bands: readonly Band[];
  readonly codesTop: number;
  readonly layout: MapLayout;
  readonly present: ReadonlySet<CodeStatus>;
  readonly description: string;
}

function renderDocument(registry: Registry, locale: string, texts: MapTexts, notice: string, parts: MapParts): string {
  const { gutter, bands, codesTop, layout, present, description } = parts;
  const left = PAD + gutter;
  const heading = mapTitle(registry, locale, texts);
  const codeRow = renderCodes(layout.codes, locale, texts, codesTop, gutter);
  const setsTop = codesTop + codeRow.height + 8;
  const setRows = renderSets(registry, locale, layout.sets, setsTop, gutter);
  const legendTop = setsTop + setRows.height + (registry.sets.length > 0 ? 4 : 0);
  const height = legendTop + MARK_ROW + PAD;

  const body = [
    element("rect", { class: "bg", width: WIDTH, height }),
    textElement({ x: PAD, y: 28, "font-size": TITLE_SIZE, "font-weight": 600 }, fitText(heading, WIDTH - 2 * PAD, TITLE_SIZE, true) ?? ""),
    rowHeader(texts.ranges, BANDS_TOP + 4, gutter),
    renderBands(bands, layout.axis, BANDS_TOP, texts),
    codeRow.markup,
    setRows.markup,
    renderLegend(present, texts, legendTop, left),
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
    element("desc", { id: `${registry.id}-map-desc` }, escapeXml(description)),
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
