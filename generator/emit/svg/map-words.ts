import type { PageTexts } from "../../load/templates/page-texts.js";
import type { CodeEntry, Interval, Registry } from "../../model/registry.js";
import { runsOf } from "./axis.js";
import { type RangeNode, rangeTree, spanText } from "./range-tree.js";

/** The page texts a map uses: its title, its rows' headers and the statuses of codes. */
export type MapTexts = Pick<PageTexts, "map" | "ranges" | "codes" | "active" | "deprecated" | "retired">;

/** How many spans a list in the text names before it ends with "…": the picture aggregates, so must its words. */
const MAX_LISTED = 40;

/** The map's title in the page's locale: the `map` page text with the registry's title and bounds. */
export function mapTitle(registry: Registry, locale: string, texts: MapTexts): string {
  return texts.map
    .replaceAll("{title}", registry.title[locale]!)
    .replaceAll("{from}", `${registry.bounds.from}`)
    .replaceAll("{to}", `${registry.bounds.to}`);
}

/** The label of a set in the page's locale; a set without a label is shown by its name. */
export function setLabel(set: Registry["sets"][number], locale: string): string {
  return set.label?.[locale] ?? set.name;
}

/** `a, b, c` with at most {@link MAX_LISTED} items, then `…`; only the items listed are written. */
function listOf<T>(items: readonly T[], text: (item: T) => string): string {
  const listed = items.slice(0, MAX_LISTED).map(text).join(", ");
  return items.length > MAX_LISTED ? `${listed}, …` : listed;
}

function spansOf(codes: readonly CodeEntry[]): string {
  return listOf(runsOf(codes.map((entry) => entry.code).sort((a, b) => a - b)), spanText);
}

/** `Protocol 1000–2999 (Reserved 1004, …)`, the children in parentheses; `left` counts down the ranges still listed. */
function rangesText(nodes: readonly RangeNode[], left: { count: number }): string {
  const items: string[] = [];
  for (const node of nodes) {
    if (left.count === 0) {
      items.push("…");
      break;
    }
    left.count -= 1;
    const inner = node.children.length === 0 ? "" : ` (${rangesText(node.children, left)})`;
    items.push(`${node.range.name} ${spanText(node.range)}${inner}`);
  }
  return items.join(", ");
}

/** The map in words in a locale: see {@link describeMap}. */
export type MapDescriber = (locale: string, texts: MapTexts) => string;

/**
 * {@link describeMap} for one registry in any locale: the lists of ranges, codes and sets' members, which are the same
 * in every locale, are written once.
 */
export function mapDescriber(registry: Registry): MapDescriber {
  const ranges = registry.ranges.length > 0 ? rangesText(rangeTree(registry), { count: MAX_LISTED }) : undefined;
  const codes = spansOf(registry.codes);
  const deprecated = registry.codes.filter((entry) => entry.lifecycle.status === "deprecated");
  const deprecatedSpans = deprecated.length > 0 ? spansOf(deprecated) : undefined;
  const retired = registry.retired.length > 0 ? spansOf(registry.retired) : undefined;
  const sets = registry.sets.map((set) => listOf(set.intervals, (interval: Interval) => spanText(interval)));
  return (locale, texts) => {
    const sentences = [mapTitle(registry, locale, texts)];
    if (ranges !== undefined) sentences.push(`${texts.ranges}: ${ranges}`);
    sentences.push(`${texts.codes} (${registry.codes.length}): ${codes}`);
    if (deprecatedSpans !== undefined) sentences.push(`${texts.deprecated}: ${deprecatedSpans}`);
    if (retired !== undefined) sentences.push(`${texts.retired}: ${retired}`);
    registry.sets.forEach((set, index) => {
      sentences.push(`${setLabel(set, locale)}: ${sets[index]!}`);
    });
    return sentences
      .map((sentence) => sentence.replace(/\s+/g, " ").trim())
      .map((sentence) => (/[.!?。．]$/.test(sentence) ? sentence : `${sentence}.`))
      .join(" ");
  };
}

/**
 * The map in words, for the image's `alt` text and the SVG's `<desc>`: the title, the ranges nested as on the map,
 * the registered codes (by status), and each set's members. Long lists end with `…`, as the map aggregates.
 */
export function describeMap(registry: Registry, locale: string, texts: MapTexts): string {
  return mapDescriber(registry)(locale, texts);
}
