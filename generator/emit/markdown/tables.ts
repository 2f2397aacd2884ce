import type { PageTexts } from "../../load/templates/page-texts.js";
import type { TableName } from "../../load/templates/template.js";
import { intervalsContain } from "../../model/intervals.js";
import type { CodeEntry, CodeRange, Field, LocalizedText, Registry } from "../../model/registry.js";
import { escapeCell, renderCode, renderLink } from "./escape.js";
import { joinStatusCell, renderStatusDetails, renderStatusWord, statusVersion } from "./status-cell.js";
import { displayWidth } from "./string-width.js";
import { type ColumnCells, chosenCells, measuredCells, renderColumns } from "./table-layout.js";

/** Column headers and cell words of the tables, in one locale. */
export type TableHeaders = Pick<
  PageTexts,
  | "range"
  | "code"
  | "name"
  | "use"
  | "description"
  | "reference"
  | "aliases"
  | "yes"
  | "no"
  | "status"
  | "active"
  | "deprecated"
  | "retired"
  | "since"
>;

/** One of a table's columns in any locale: its header (not yet escaped) and its cells. */
interface Column {
  header(headers: TableHeaders, locale: string): string;
  cells(headers: TableHeaders, locale: string): ColumnCells;
}

/** The named table of a registry, in the given locale. */
export type TableRenderer = (table: TableName, locale: string, headers: TableHeaders) => string;

/**
 * The tables of one registry, in any locale. What is the same in every locale (the order of the rows, the cells of
 * anchors, names, aliases and references, which codes a set holds) is worked out once, on the first table asked for,
 * and each locale adds only its own cells.
 */
export function tableRenderer(registry: Registry): TableRenderer {
  const columns: Partial<Record<TableName, readonly Column[]>> = {};
  return (table, locale, headers) => {
    columns[table] ??= table === "ranges" ? rangesColumns(registry) : codesColumns(registry);
    const shown = columns[table];
    return renderColumns(
      shown.map((column) => escapeCell(column.header(headers, locale))),
      shown.map((column) => column.cells(headers, locale)),
    );
  };
}

/** The named table in one locale. */
export function renderNamedTable(registry: Registry, table: TableName, locale: string, headers: TableHeaders): string {
  return tableRenderer(registry)(table, locale, headers);
}

/** A column whose cells are the same in every locale, counted once. */
function sharedColumn(header: Column["header"], cells: readonly string[]): Column {
  const measured = measuredCells(cells);
  return { header, cells: () => measured };
}

/** A column whose cells are texts in the page's locale. */
function localizedColumn(
  header: Column["header"],
  cell: (headers: TableHeaders, locale: string, row: number) => string,
  rows: number,
): Column {
  return {
    header,
    cells: (headers, locale) => measuredCells(Array.from({ length: rows }, (_, row) => cell(headers, locale, row))),
  };
}

/** A column of yes (0), no (1) or nothing (2) in the page's locale. */
function yesNoColumn(header: Column["header"], choices: Uint8Array): Column {
  return { header, cells: (headers) => chosenCells(choices, [escapeCell(headers.yes), escapeCell(headers.no), ""]) };
}

function span(range: CodeRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
}

function reference(entry: { reference: string | undefined; url: string | undefined }): string {
  if (entry.url === undefined) return entry.reference === undefined ? "" : escapeCell(entry.reference);
  return renderLink(entry.reference ?? entry.url, entry.url);
}

function aliases(entry: CodeEntry | CodeRange): string {
  return entry.aliases.map((alias) => renderCode(alias.name)).join(", ");
}

/** Whether any of the entries has a reference: a column empty in every row is left out. */
function anyReference(entries: readonly { reference: string | undefined; url: string | undefined }[]): boolean {
  return entries.some((entry) => entry.reference !== undefined || entry.url !== undefined);
}

/** How deep each range is nested, by range. */
function rangeDepths(ranges: readonly CodeRange[]): Map<CodeRange, number> {
  // By name and remembered: looking each parent up in the list would make the table quadratic in the ranges.
  const byName = new Map(ranges.map((range) => [range.name, range]));
  const depths = new Map<CodeRange, number>();
  const depth = (range: CodeRange): number => {
    const known = depths.get(range);
    if (known !== undefined) return known;
    const parent = range.parent === undefined ? undefined : byName.get(range.parent);
    const result = parent === undefined ? 0 : depth(parent) + 1;
    depths.set(range, result);
    return result;
  };
  for (const range of ranges) depth(range);
  return depths;
}

/** The ranges table: Range, Name, Use, and Reference when any range has one. Nested ranges are indented under their parent. */
function rangesColumns(registry: Registry): Column[] {
  const depths = rangeDepths(registry.ranges);
  const ordered = [...registry.ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  const columns = [
    sharedColumn(
      (headers) => headers.range,
      ordered.map((range) => `${"↳ ".repeat(depths.get(range)!)}${span(range)}`),
    ),
    sharedColumn(
      (headers) => headers.name,
      ordered.map((range) => `${escapeCell(range.name)}${range.aliases.length > 0 ? ` (${aliases(range)})` : ""}`),
    ),
    localizedColumn(
      (headers) => headers.use,
      (_, locale, row) => escapeCell(ordered[row]!.description[locale]!),
      ordered.length,
    ),
  ];
  if (anyReference(registry.ranges)) columns.push(sharedColumn((headers) => headers.reference, ordered.map(reference)));
  return columns;
}

/**
 * The id of a code's anchor in every page and injected table: `close-codes-1000`. The same in every locale, so a
 * link to `close-codes.de.md#close-codes-1000` is made by swapping the file; prefixed with the registry's id, so the
 * tables of several registries on one page do not clash. GitHub keeps an `<a id>` as `user-content-close-codes-1000`
 * and its page script follows `#close-codes-1000` there; renderers that keep HTML keep the id as written.
 */
export function codeAnchor(registry: Registry, code: number): string {
  return `${registry.id}-${code}`;
}

/** The Status column: the status words in the page's locale (each worded and counted once), the notes the same in every locale. */
function statusColumn(ordered: readonly CodeEntry[]): Column {
  const details = ordered.map(renderStatusDetails);
  return {
    header: (headers) => headers.status,
    cells: (headers) => {
      const words = new Map<string, { readonly word: string; readonly width: number }>();
      const cells: string[] = new Array(ordered.length);
      const widths: number[] = new Array(ordered.length);
      ordered.forEach((entry, row) => {
        const key = `${entry.lifecycle.status}\0${statusVersion(entry.lifecycle) ?? ""}`;
        let known = words.get(key);
        if (known === undefined) {
          const word = renderStatusWord(entry.lifecycle, headers);
          known = { word, width: displayWidth(word) };
          words.set(key, known);
        }
        const cell = joinStatusCell(known.word, details[row]!);
        cells[row] = cell;
        widths[row] = cell === known.word ? known.width : displayWidth(cell);
      });
      return { cells, widths };
    },
  };
}

/** A field's column: yes/no for a boolean, a text in the page's locale, a code or number as written. */
function fieldColumn(field: Field, ordered: readonly CodeEntry[]): Column {
  const header = (_: TableHeaders, locale: string) => field.label![locale]!;
  const values = ordered.map((entry) => entry.fields[field.name]);
  if (field.type === "boolean")
    return yesNoColumn(
      header,
      Uint8Array.from(values, (value) => (value === undefined ? 2 : value === true ? 0 : 1)),
    );
  if (field.type === "text") {
    return localizedColumn(
      header,
      (_, locale, row) => {
        const value = values[row];
        return value === undefined ? "" : escapeCell((value as LocalizedText)[locale]!);
      },
      ordered.length,
    );
  }
  return sharedColumn(
    header,
    values.map((value) => (value === undefined ? "" : escapeCell(String(value)))),
  );
}

/**
 * The codes table, retired codes included: Code (with the code's anchor), Name (a link to the code's doc URL when it
 * has one), Status, Description, a yes/no column per labelled set, a column per labelled field, Reference and
 * Aliases (each when any code has one).
 */
function codesColumns(registry: Registry): Column[] {
  const ordered = [...registry.codes, ...registry.retired].sort((a, b) => a.code - b.code);
  const columns = [
    sharedColumn(
      (headers) => headers.code,
      ordered.map((entry) => `<a id="${codeAnchor(registry, entry.code)}"></a>${entry.code}`),
    ),
    sharedColumn(
      (headers) => headers.name,
      ordered.map((entry) => (entry.docUrl === undefined ? escapeCell(entry.name) : renderLink(entry.name, entry.docUrl))),
    ),
    statusColumn(ordered),
    localizedColumn(
      (headers) => headers.description,
      (_, locale, row) => escapeCell(ordered[row]!.description[locale]!),
      ordered.length,
    ),
    ...registry.sets
      .filter((set) => set.label !== undefined)
      .map((set) =>
        yesNoColumn(
          (_, locale) => set.label![locale]!,
          Uint8Array.from(ordered, (entry) => (intervalsContain(set.intervals, entry.code) ? 0 : 1)),
        ),
      ),
    ...registry.fields.filter((field) => field.label !== undefined).map((field) => fieldColumn(field, ordered)),
  ];
  if (anyReference(ordered)) columns.push(sharedColumn((headers) => headers.reference, ordered.map(reference)));
  if (ordered.some((entry) => entry.aliases.length > 0)) columns.push(sharedColumn((headers) => headers.aliases, ordered.map(aliases)));
  return columns;
}
