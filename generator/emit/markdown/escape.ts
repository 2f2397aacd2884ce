import { displayWidth } from "./string-width.js";
import { renderColumns } from "./table-layout.js";

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
 * - Leading and trailing whitespace, which GFM trims from cells, becomes numeric character references, and so
 *   does every space after a space: Markdown formatters (Prettier) collapse a run of spaces into one.
 */
export function escapeCell(text: string): string {
  // Most texts hold nothing to escape: one test finds them, and they come back as they are.
  if (!NEEDS_ESCAPING.test(text)) return text;
  const escaped = text
    .replace(/[\\`*_[\]|~#!]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\n/g, "<br>")
    .replace(/[\r\t\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, characterReference);
  return escaped
    .replace(/^\s+|\s+$/gu, (spaces) => [...spaces].map(characterReference).join(""))
    .replace(/ {2,}/g, (spaces) => ` ${"&#32;".repeat(spaces.length - 1)}`);
}

/**
 * A character that {@link escapeCell} replaces, whitespace that it encodes at either end, or a run of two spaces:
 * a text without any comes back unchanged. The replacements write no whitespace, so the escaped text has whitespace
 * at an end, or two spaces in a row, only where the text had them.
 */
const NEEDS_ESCAPING = /[\\`*_[\]|~#!&<>\n\r\t\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]| {2}|^\s|\s$/u;

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

/**
 * A GFM table: a header row, the delimiter row and one row per entry, every cell already escaped. It is printed as
 * Prettier prints Markdown tables, so that `prettier --write` leaves it byte for byte: every column padded with
 * spaces to its widest cell (at least 3, counted with {@link displayWidth}), a delimiter row of dashes as wide. A row
 * may have fewer cells than the header, not more.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const columns = header.map((_, column) => {
    const cells = rows.map((row) => row[column]);
    return { cells, widths: cells.map((cell) => (cell === undefined ? 0 : displayWidth(cell))) };
  });
  return renderColumns(header, columns);
}

/**
 * A Markdown link whose text is escaped and whose destination is written as Prettier writes it: Prettier prints a
 * link's URL as parsed, in angle brackets when it holds a `)` and bare otherwise. So that either form reads back as
 * the same URL, inside a table too, the characters that could end or split it are percent-encoded (whitespace,
 * `<`, `>`, backticks, `|`, `\\`, and a `(` in a bare URL, where it would need its `)`), and so is a `;` that would
 * close a character reference (`&copy;`), so that no entity is decoded out of the URL.
 */
export function renderLink(text: string, url: string): string {
  const angled = url.includes(")");
  const destination = url
    .replace(angled ? /[\s<>`|\\]/gu : /[\s<>`|\\(]/gu, percentEncode)
    .replace(/(&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[Xx][0-9A-Fa-f]+));/g, "$1%3B");
  return `[${escapeCell(text)}](${angled ? `<${destination}>` : destination})`;
}

/** The UTF-8 bytes of one character as `%XX` escapes. */
function percentEncode(character: string): string {
  return [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/**
 * A code span showing `text` verbatim: the fence is the shortest run of backticks that the text does not hold (as
 * Prettier writes it; a fence closes only on a run of its own length), padded with a space when the text starts or
 * ends with a backtick; `|` is escaped for tables (GFM removes that backslash before it reads the code span). Line
 * breaks become spaces, as in every code span.
 */
export function renderCode(text: string): string {
  const runs = new Set([...text.matchAll(/`+/g)].map((run) => run[0].length));
  let length = 1;
  while (runs.has(length)) length += 1;
  const fence = "`".repeat(length);
  const body = text.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  const stripped = body.startsWith(" ") && body.endsWith(" ") && !/^ +$/.test(body);
  const padding = body.startsWith("`") || body.endsWith("`") || stripped ? " " : "";
  return `${fence}${padding}${body}${padding}${fence}`;
}
