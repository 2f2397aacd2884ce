/**
 * Text made safe for a GFM table cell, so that it renders as exactly the same text: Markdown punctuation is
 * backslash-escaped, HTML is written as entities, newlines become `<br>`, and leading or trailing spaces
 * (which GFM trims from cells) become character references.
 */
export function escapeCell(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]|~#!]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r\n?|\n|[\u2028\u2029]/g, "<br>")
    .replace(/\t/g, "&#9;");
  return escaped.replace(/^ +| +$/g, (spaces) => "&#32;".repeat(spaces.length));
}

/** Escapes text for running Markdown outside tables (titles, paragraphs). */
export function escapeInline(text: string): string {
  return escapeCell(text).replace(/<br>/g, "  \n");
}

/** A GFM table: a header row, the delimiter row and one row per entry, every cell already escaped. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A Markdown link whose text and destination are both escaped. */
export function renderLink(text: string, url: string): string {
  return `[${escapeCell(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}
