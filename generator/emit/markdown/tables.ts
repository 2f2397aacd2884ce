import { intervalsContain } from "../../model/intervals.js";
import type { CodeEntry, CodeRange, Registry } from "../../model/registry.js";
import { escapeCell, renderLink, renderTable } from "./escape.js";

/** Column headers of the tables, per locale. */
export interface TableHeaders {
  readonly range: string;
  readonly code: string;
  readonly name: string;
  readonly use: string;
  readonly description: string;
  readonly reference: string;
  readonly aliases: string;
  readonly yes: string;
  readonly no: string;
}

function span(range: CodeRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
}

function reference(entry: { reference: string | undefined; url: string | undefined }): string {
  if (entry.url === undefined) return entry.reference === undefined ? "" : escapeCell(entry.reference);
  return renderLink(entry.reference ?? entry.url, entry.url);
}

function aliases(entry: CodeEntry | CodeRange): string {
  return entry.aliases.map((alias) => `\`${alias.name}\``).join(", ");
}

/** The ranges table: Range, Name, Use, Reference. Nested ranges are indented under their parent. */
export function renderRangesTable(registry: Registry, locale: string, headers: TableHeaders): string {
  const depth = (range: CodeRange): number => {
    const parent = registry.ranges.find((candidate) => candidate.name === range.parent);
    return parent === undefined ? 0 : depth(parent) + 1;
  };
  const ordered = [...registry.ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  return renderTable(
    [headers.range, headers.name, headers.use, headers.reference],
    ordered.map((range) => [
      `${"↳ ".repeat(depth(range))}${span(range)}`,
      `${range.name}${range.aliases.length > 0 ? ` (${aliases(range)})` : ""}`,
      escapeCell(range.description[locale]!),
      reference(range),
    ]),
  );
}

/** The codes table: Code, Name, Description, a yes/no column per labelled set, Reference, Aliases. */
export function renderCodesTable(registry: Registry, locale: string, headers: TableHeaders): string {
  const labelled = registry.sets.filter((set) => set.label !== undefined);
  const anyAliases = registry.codes.some((entry) => entry.aliases.length > 0);
  const ordered = [...registry.codes].sort((a, b) => a.code - b.code);
  return renderTable(
    [
      headers.code,
      headers.name,
      headers.description,
      ...labelled.map((set) => escapeCell(set.label![locale]!)),
      headers.reference,
      ...(anyAliases ? [headers.aliases] : []),
    ],
    ordered.map((entry) => [
      String(entry.code),
      entry.name,
      escapeCell(entry.description[locale]!),
      ...labelled.map((set) => (intervalsContain(set.intervals, entry.code) ? headers.yes : headers.no)),
      reference(entry),
      ...(anyAliases ? [aliases(entry)] : []),
    ]),
  );
}
