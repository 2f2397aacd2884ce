/**
 * Text made safe for a GFM table cell, so that it renders as exactly the same text: Markdown punctuation is
 * backslash-escaped, HTML is written as entities, a newline becomes `<br>`, and the characters Markdown would
 * turn into line breaks or trim (a carriage return, U+2028 and U+2029, a tab, and leading or trailing spaces)
 * become character references.
 */
export function escapeCell(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]|~#!]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\n/g, "<br>")
    .replace(/[\r\t\u2028\u2029]/g, (character) => `&#${character.charCodeAt(0)};`);
  return escaped.replace(/^ +| +$/g, (spaces) => "&#32;".repeat(spaces.length));
}

/**
 * Escapes text for running Markdown outside tables (titles, paragraphs): as in a cell, on one line (a newline is
 * a `<br>`, so no line can start a block), and a start that would open a list is escaped.
 */
export function escapeInline(text: string): string {
  return escapeCell(text).replace(/^([-+]|\d{1,9}(?=[.)]))/, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
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
