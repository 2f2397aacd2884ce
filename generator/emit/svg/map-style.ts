import { element } from "./xml.js";

/**
 * The map's colours and fill patterns. GitHub shows an SVG in an `<img>`, where the `prefers-color-scheme` media query
 * of the file's own style sheet follows the viewer's theme: the light colours are the default (what a renderer without
 * media queries shows, on an opaque background of its own), the dark ones replace them in a dark theme. No colour
 * carries meaning alone: nesting is shown by position, sets by a pattern and a label of their own, a code's status by
 * its mark's shape.
 */

/** The fills of nested ranges, by depth (then repeated): each depth has a shade for every other sibling. */
const BAND_FILLS = [
  { light: ["#ddf4ff", "#b6e3ff"], dark: ["#0c2d6b", "#143d79"] },
  { light: ["#fff8c5", "#fae17d"], dark: ["#3b2e00", "#4d3c00"] },
  { light: ["#dafbe1", "#aceebb"], dark: ["#04260f", "#0d3a1b"] },
  { light: ["#fbefff", "#ecd8ff"], dark: ["#271052", "#3c1e70"] },
] as const;

/** The strokes of sets' patterns and outlines, by set (then repeated). */
const SET_STROKES = [
  { light: "#cf222e", dark: "#ff7b72" },
  { light: "#0969da", dark: "#58a6ff" },
  { light: "#1a7f37", dark: "#3fb950" },
  { light: "#8250df", dark: "#d2a8ff" },
  { light: "#bc4c00", dark: "#ffa657" },
] as const;

/** The pattern tiles (8 × 8) of sets, by set (then repeated): diagonal, dots, grid, back-diagonal, rows, columns. */
const SET_TILES = [
  "M0 8L8 0M-2 2L2 -2M6 10L10 6",
  "",
  "M0 4H8M4 0V8",
  "M0 0L8 8M-2 6L2 10M6 -2L10 2",
  "M0 2H8M0 6H8",
  "M2 0V8M6 0V8",
] as const;

/** How many depths of ranges have a fill of their own. */
export const BAND_DEPTHS = BAND_FILLS.length;

/** The class of a range's fill at `depth`, the `index`th among its siblings. */
export function bandClass(depth: number, index: number): string {
  return `d${depth % BAND_FILLS.length}${index % 2 === 0 ? "a" : "b"}`;
}

/** The class of the `index`th set's strokes (its outlines and pattern lines). */
export function setClass(index: number): string {
  return `s${index % SET_STROKES.length}`;
}

/** The class of the `index`th set's fills (its pattern dots). */
function setFillClass(index: number): string {
  return `f${index % SET_STROKES.length}`;
}

/** The id of the `index`th set's pattern, unique to the registry so that two maps inlined in one page keep theirs. */
export function patternId(registryId: string, index: number): string {
  return `${registryId}-set-${index % (SET_STROKES.length * SET_TILES.length)}`;
}

function rules(theme: "light" | "dark"): string {
  const light = theme === "light";
  const bands = BAND_FILLS.flatMap((fills, depth) =>
    fills[theme].map((fill, shade) => `.d${depth}${shade === 0 ? "a" : "b"}{fill:${fill}}`),
  );
  const sets = SET_STROKES.map((stroke, index) => `.s${index}{stroke:${stroke[theme]}}.f${index}{fill:${stroke[theme]}}`);
  return [
    `.bg{fill:${light ? "#ffffff" : "#0d1117"}}`,
    `text{fill:${light ? "#1f2328" : "#e6edf3"}}`,
    `text.m{fill:${light ? "#59636e" : "#9198a1"}}`,
    `.band{stroke:${light ? "#818b98" : "#656c76"}}`,
    `.gap{fill:none;stroke:${light ? "#818b98" : "#656c76"};stroke-dasharray:4 3}`,
    `.active{fill:${light ? "#1f2328" : "#e6edf3"}}`,
    `.deprecated{fill:${light ? "#ffffff" : "#0d1117"};stroke:${light ? "#1f2328" : "#e6edf3"};stroke-width:1.5}`,
    `.retired{fill:none;stroke:${light ? "#1f2328" : "#e6edf3"};stroke-width:1.5}`,
    ...bands,
    ...sets,
  ].join("");
}

/** The style sheet, the same in every map: written once. */
const STYLE = `<style>${rules("light")}@media (prefers-color-scheme: dark){${rules("dark")}}</style>`;

/** The style sheet: light colours, then the dark ones under `prefers-color-scheme: dark`. */
export function renderStyle(): string {
  return STYLE;
}

/** The `<defs>` with one fill pattern per set (at most one of each kind). */
export function renderPatterns(registryId: string, setCount: number): string {
  const patterns: string[] = [];
  for (let index = 0; index < Math.min(setCount, SET_STROKES.length * SET_TILES.length); index += 1) {
    const tile = SET_TILES[index % SET_TILES.length]!;
    const mark =
      tile === ""
        ? element("circle", { class: setFillClass(index), cx: 4, cy: 4, r: 1.6 })
        : element("path", { class: setClass(index), d: tile, "stroke-width": 1.5, fill: "none" });
    patterns.push(element("pattern", { id: patternId(registryId, index), width: 8, height: 8, patternUnits: "userSpaceOnUse" }, mark));
  }
  return patterns.length === 0 ? "" : element("defs", {}, ...patterns);
}
