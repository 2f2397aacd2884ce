import {
  type CitingMessage,
  type Diagnostic,
  type DiagnosticCode,
  type Result,
  type SourcePosition,
  type WithProblems,
  withRelated,
} from "../../diagnostics/index.js";
import { TABLE_NAMES, type TableName } from "../../load/templates/template.js";
import type { Registry } from "../../model/registry.js";

/**
 * Tables regenerated inside a hand-written Markdown file, between a pair of markers, each alone on its line:
 *
 *     <!-- codebook:start ID TABLE [LOCALE] -->
 *     … replaced on every run …
 *     <!-- codebook:end ID -->
 *
 * ID is a registry id, TABLE is `ranges` or `codes`, LOCALE one of the registry's locales (default: its source
 * locale). A marker may be indented by up to three spaces; markers inside fenced code blocks are text. Only the
 * lines between a pair change; every other byte of the file stays as it was, and the region uses the line
 * ending of its start marker's line.
 */

/** One region between a start and an end marker. */
export interface InjectRegion {
  readonly id: string;
  readonly table: TableName;
  readonly locale: string | undefined;
  /** Where the id and the locale are written, for diagnostics. */
  readonly idAt: SourcePosition;
  readonly localeAt: SourcePosition | undefined;
  /** The replaced span: from after the start marker's line break to the start of the end marker's line. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The start marker's line ending, used for every line of the region. */
  readonly eol: string;
}

/** The well-formed regions of a file, and a diagnostic for each problem with its markers. */
export type FoundRegions = WithProblems<{ readonly regions: readonly InjectRegion[] }>;

const START_SYNTAX = "<!-- codebook:start ID TABLE [LOCALE] -->";
const END_SYNTAX = "<!-- codebook:end ID -->";
const MARKER_LIKE = /^ {0,3}<!--\s*codebook:/;
const MARKER = /^( {0,3})<!--(\s*)codebook:(\S*?)((?:\s.*?)?)-->\s*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;

interface Line {
  readonly number: number;
  readonly start: number;
  readonly text: string;
  readonly eol: string;
}

function* linesOf(text: string): Generator<Line> {
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    yield { number, start, text: text.slice(start, match.index), eol: match[0] };
    start = match.index + match[0].length;
    number += 1;
  }
  if (start < text.length) yield { number, start, text: text.slice(start), eol: "" };
}

interface Word {
  readonly word: string;
  readonly at: SourcePosition;
}

/** A marker line split into its kind and words, each located. */
interface Marker {
  readonly kind: string;
  readonly words: readonly Word[];
  readonly at: SourcePosition;
}

function parseMarker(line: Line): Marker | undefined {
  const match = MARKER.exec(line.text);
  if (match === null) return undefined;
  const [, indent = "", space = "", kind = "", rest = ""] = match;
  const restColumn = indent.length + "<!--".length + space.length + "codebook:".length + kind.length + 1;
  const words = [...rest.matchAll(/\S+/g)].map((word) => ({ word: word[0], at: { line: line.number, column: restColumn + word.index } }));
  return { kind, words, at: { line: line.number, column: indent.length + 1 } };
}

interface OpenRegion {
  /** Empty when the start marker was malformed (already reported): any end marker closes it. */
  readonly id: string;
  /** Undefined when the marker was malformed or named an unknown table (already reported). */
  readonly table: TableName | undefined;
  readonly locale: string | undefined;
  readonly at: SourcePosition;
  readonly idAt: SourcePosition;
  readonly localeAt: SourcePosition | undefined;
  readonly contentStart: number;
  readonly eol: string;
}

/** Walks the lines of a file, pairing markers and collecting regions and diagnostics. */
class RegionScanner {
  readonly regions: InjectRegion[] = [];
  readonly diagnostics: Diagnostic[] = [];
  markers = 0;
  private fence: string | undefined;
  private open: OpenRegion | undefined;

  constructor(private readonly file: string) {}

  private report(at: SourcePosition, code: DiagnosticCode, message: string): void {
    this.diagnostics.push({ file: this.file, ...at, code, message });
  }

  /** Reports a problem that cites where the open region starts, that start as its related location. */
  private reportAgainstOpen(at: SourcePosition, code: DiagnosticCode, open: OpenRegion, message: CitingMessage): void {
    const start = [{ file: this.file, ...open.at, message: `the region "${open.id}" opens here` }];
    this.diagnostics.push(withRelated({ file: this.file, ...at, code }, start, message));
  }

  /** Fenced code blocks outside regions are skipped: a marker shown in a code sample is text. */
  private inFence(line: Line): boolean {
    if (this.open !== undefined) return false;
    if (this.fence !== undefined) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.text)?.[1];
      if (closing !== undefined && closing[0] === this.fence[0] && closing.length >= this.fence.length) this.fence = undefined;
      return true;
    }
    this.fence = FENCE_OPEN.exec(line.text)?.[1];
    return this.fence !== undefined;
  }

  scan(line: Line): void {
    if (this.inFence(line) || !MARKER_LIKE.test(line.text)) return;
    this.markers += 1;
    const marker = parseMarker(line);
    if (marker === undefined) {
      const at = { line: line.number, column: line.text.indexOf("<") + 1 };
      this.report(at, "marker-syntax", `a codebook marker must be one whole line: ${START_SYNTAX} or ${END_SYNTAX}`);
    } else if (marker.kind === "start") {
      this.start(marker, line);
    } else if (marker.kind === "end") {
      this.end(marker, line);
    } else {
      this.report(marker.at, "marker-unknown", `unknown marker "codebook:${marker.kind}" (expected ${START_SYNTAX} or ${END_SYNTAX})`);
    }
  }

  private start(marker: Marker, line: Line): void {
    const [id, table, locale] = marker.words;
    const arity = id !== undefined && table !== undefined && marker.words.length <= 3;
    if (!arity) this.report(marker.at, "marker-syntax", `a start marker names a registry and a table: ${START_SYNTAX}`);
    const known = arity && (TABLE_NAMES as readonly string[]).includes(table.word);
    if (arity && !known) this.report(table.at, "marker-table", `unknown table "${table.word}" (known: ${TABLE_NAMES.join(", ")})`);
    if (this.open !== undefined) {
      const openId = this.open.id;
      const message = (opened: string): string =>
        `start marker inside the region "${openId}" opened at ${opened}; close that one first with <!-- codebook:end ${openId} -->`;
      this.reportAgainstOpen(marker.at, "marker-nested", this.open, message);
      return;
    }
    this.open = {
      id: arity ? id.word : "",
      table: known ? (table.word as TableName) : undefined,
      locale: locale?.word,
      at: marker.at,
      idAt: id?.at ?? marker.at,
      localeAt: locale?.at,
      contentStart: line.start + line.text.length + line.eol.length,
      eol: line.eol === "" ? "\n" : line.eol,
    };
  }

  private end(marker: Marker, line: Line): void {
    const [id] = marker.words;
    if (id === undefined || marker.words.length > 1) {
      this.report(marker.at, "marker-syntax", `an end marker names the registry of its start marker: ${END_SYNTAX}`);
      return;
    }
    const { open } = this;
    if (open === undefined) {
      this.report(marker.at, "marker-unbalanced", `end marker without a start marker (${START_SYNTAX})`);
      return;
    }
    this.open = undefined;
    if (open.id !== "" && id.word !== open.id) {
      const message = (opened: string): string =>
        `end marker for "${id.word}" closes the region "${open.id}" opened at ${opened}; write <!-- codebook:end ${open.id} -->`;
      this.reportAgainstOpen(id.at, "marker-mismatch", open, message);
    } else if (open.table !== undefined) {
      const { table, locale, idAt, localeAt, contentStart, eol } = open;
      this.regions.push({ id: open.id, table, locale, idAt, localeAt, contentStart, contentEnd: line.start, eol });
    }
  }

  finish(): void {
    if (this.open !== undefined) {
      this.report(this.open.at, "marker-unbalanced", `start marker without an end marker (<!-- codebook:end ${this.open.id} -->)`);
    }
    if (this.markers === 0) {
      this.report({ line: 1, column: 1 }, "marker-none", `no codebook markers in this file (expected ${START_SYNTAX} … ${END_SYNTAX})`);
    }
  }
}

/**
 * Finds every marker pair, reporting at its `FILE:LINE:COL` each malformed or unknown marker, a start inside an
 * open region, an end without a start or naming another id, an unknown table, a start never closed, and a file
 * without markers. The well-formed regions are returned too, so that their ids can be checked in the same run.
 */
export function findRegions(text: string, file: string): FoundRegions {
  const scanner = new RegionScanner(file);
  for (const line of linesOf(text)) scanner.scan(line);
  scanner.finish();
  return { regions: scanner.regions, diagnostics: scanner.diagnostics };
}

/** What the regions are filled from. */
export interface TableSource {
  /** The registries a region may name, by id. */
  readonly registries: ReadonlyMap<string, Registry>;
  /** The table as GFM Markdown, lines separated by LF. */
  readonly render: (registry: Registry, table: TableName, locale: string) => string;
}

/**
 * The file with every region replaced by its table, framed by blank lines; every byte outside the regions is
 * kept. Reports regions naming an unknown registry or locale, and then returns no text.
 */
export function injectTables(
  text: string,
  file: string,
  regions: readonly InjectRegion[],
  source: TableSource,
): Result<{ readonly text: string }> {
  const diagnostics: Diagnostic[] = [];
  const report = (at: SourcePosition, code: DiagnosticCode, message: string) => diagnostics.push({ file, ...at, code, message });
  const known = [...source.registries.keys()].join(", ");
  const parts: string[] = [];
  let cursor = 0;
  for (const region of regions) {
    const registry = source.registries.get(region.id);
    if (registry === undefined) {
      report(region.idAt, "marker-registry", `unknown registry id "${region.id}" (known: ${known})`);
      continue;
    }
    const locale = region.locale ?? registry.sourceLocale;
    if (!registry.locales.includes(locale)) {
      report(
        region.localeAt!,
        "marker-locale",
        `registry "${region.id}" has no locale "${locale}" (known: ${registry.locales.join(", ")})`,
      );
      continue;
    }
    const table = source.render(registry, region.table, locale).split("\n").join(region.eol);
    parts.push(text.slice(cursor, region.contentStart), `${region.eol}${table}${region.eol}${region.eol}`);
    cursor = region.contentEnd;
  }
  parts.push(text.slice(cursor));
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, text: parts.join("") };
}
