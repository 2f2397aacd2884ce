/**
 * The one place where text becomes Markdown. Every text of a registry or a template's data goes through
 * {@link escapeCell} (table cells) or {@link escapeInline} (headings and paragraphs), so that a GFM renderer
 * shows exactly the original text, never formatting, HTML, links or extra cells.
 *
 * The rules, and how a reader gets the text back:
 * - ASCII punctuation with a meaning in Markdown (`` \ ` * _ [ ] | ~ # ! ``) is backslash-escaped.
 * - `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`: no HTML, no autolinks, no entity survives as markup.
 * - A line feed becomes `<br>`: the only raw HTML the escaping ever writes, read back as LF.
 * - A carriage return, a tab, the line and paragraph separators (U+2028, U+2029) and the invisible bidirectional controls become
 *   numeric character references, so the Markdown source holds no character that an editor would treat as a
 *   line break or that would reorder the source visually.
 * - Leading and trailing whitespace, which GFM trims from cells, becomes numeric character references.
 */
export function escapeCell(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]|~#!]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\n/g, "<br>")
    .replace(/[\r\t\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, characterReference);
  return escaped.replace(/^\s+|\s+$/gu, (spaces) => [...spaces].map(characterReference).join(""));
}

/**
 * Escapes text for running Markdown outside tables (a heading, a paragraph, a list item): {@link escapeCell},
 * plus the characters that would start a block (a list, a setext underline) when the text begins a line.
 */
export function escapeInline(text: string): string {
  return escapeCell(text)
    .replace(/^[-+=]/, (marker) => `\\${marker}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** `&#N;` for one character (a whole code point). */
function characterReference(character: string): string {
  return `&#${character.codePointAt(0)};`;
}

/** A GFM table: a header row, the delimiter row and one row per entry, every cell already escaped. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * A Markdown link whose text and destination are both escaped. The destination is written in angle brackets;
 * inside them `\` and `|` are backslash-escaped (a `|` would otherwise end a table cell), `&` is written as an
 * entity, and `<`, `>`, backticks and whitespace are percent-encoded.
 */
export function renderLink(text: string, url: string): string {
  const destination = url
    .replace(/[<>`\s]/g, encodeURIComponent)
    .replace(/[\\|]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;");
  return `[${escapeCell(text)}](<${destination}>)`;
}

/**
 * A code span showing `text` verbatim: the fence is one backtick longer than the longest run of backticks in
 * the text, padded with a space when the text starts or ends with a backtick; `|` is escaped for tables (GFM
 * removes that backslash before it reads the code span). Line breaks become spaces, as in every code span.
 */
export function renderCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const body = text.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  const stripped = body.startsWith(" ") && body.endsWith(" ") && !/^ +$/.test(body);
  const padding = body.startsWith("`") || body.endsWith("`") || stripped ? " " : "";
  return `${fence}${padding}${body}${padding}${fence}`;
}
