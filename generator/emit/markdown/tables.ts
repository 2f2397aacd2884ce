import type { PageTexts } from "../../load/templates/page-texts.js";
import type { TableName } from "../../load/templates/template.js";
import { intervalsContain } from "../../model/intervals.js";
import type { CodeEntry, CodeRange, Field, FieldValue, LocalizedText, Registry } from "../../model/registry.js";
import { escapeCell, renderCode, renderLink, renderTable } from "./escape.js";
import { renderStatusCell } from "./status-cell.js";

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

/** The ranges table: Range, Name, Use, and Reference when any range has one. Nested ranges are indented under their parent. */
export function renderRangesTable(registry: Registry, locale: string, headers: TableHeaders): string {
  // By name and remembered: looking each parent up in the list would make the table quadratic in the ranges.
  const byName = new Map(registry.ranges.map((range) => [range.name, range]));
  const depths = new Map<CodeRange, number>();
  const depth = (range: CodeRange): number => {
    const known = depths.get(range);
    if (known !== undefined) return known;
    const parent = range.parent === undefined ? undefined : byName.get(range.parent);
    const result = parent === undefined ? 0 : depth(parent) + 1;
    depths.set(range, result);
    return result;
  };
  const ordered = [...registry.ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  const references = anyReference(registry.ranges);
  return renderTable(
    [headers.range, headers.name, headers.use, ...(references ? [headers.reference] : [])].map(escapeCell),
    ordered.map((range) => [
      `${"↳ ".repeat(depth(range))}${span(range)}`,
      `${escapeCell(range.name)}${range.aliases.length > 0 ? ` (${aliases(range)})` : ""}`,
      escapeCell(range.description[locale]!),
      ...(references ? [reference(range)] : []),
    ]),
  );
}

/** A field's value in a cell: yes/no for a boolean, a text in the page's locale, a code or number as written. */
function fieldCell(field: Field, value: FieldValue | undefined, locale: string, headers: TableHeaders): string {
  if (value === undefined) return "";
  if (field.type === "boolean") return escapeCell(value === true ? headers.yes : headers.no);
  if (field.type === "text") return escapeCell((value as LocalizedText)[locale]!);
  return escapeCell(String(value));
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

/**
 * The codes table, retired codes included: Code (with the code's anchor), Name (a link to the code's doc URL when it
 * has one), Status, Description, a yes/no column per labelled set, a column per labelled field, Reference and
 * Aliases (each when any code has one).
 */
export function renderCodesTable(registry: Registry, locale: string, headers: TableHeaders): string {
  const labelled = registry.sets.filter((set) => set.label !== undefined);
  const labelledFields = registry.fields.filter((field) => field.label !== undefined);
  const all = [...registry.codes, ...registry.retired];
  const anyAliases = all.some((entry) => entry.aliases.length > 0);
  const references = anyReference(all);
  const ordered = all.sort((a, b) => a.code - b.code);
  return renderTable(
    [
      headers.code,
      headers.name,
      headers.status,
      headers.description,
      ...labelled.map((set) => set.label![locale]!),
      ...labelledFields.map((field) => field.label![locale]!),
      ...(references ? [headers.reference] : []),
      ...(anyAliases ? [headers.aliases] : []),
    ].map(escapeCell),
    ordered.map((entry) => [
      `<a id="${codeAnchor(registry, entry.code)}"></a>${entry.code}`,
      entry.docUrl === undefined ? escapeCell(entry.name) : renderLink(entry.name, entry.docUrl),
      renderStatusCell(entry, headers),
      escapeCell(entry.description[locale]!),
      ...labelled.map((set) => escapeCell(intervalsContain(set.intervals, entry.code) ? headers.yes : headers.no)),
      ...labelledFields.map((field) => fieldCell(field, entry.fields[field.name], locale, headers)),
      ...(references ? [reference(entry)] : []),
      ...(anyAliases ? [aliases(entry)] : []),
    ]),
  );
}

/** The named table in one locale. */
export function renderNamedTable(registry: Registry, table: TableName, locale: string, headers: TableHeaders): string {
  return table === "ranges" ? renderRangesTable(registry, locale, headers) : renderCodesTable(registry, locale, headers);
}
