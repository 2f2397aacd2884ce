/**
 * The Markdown functions as they were before their fast paths, kept verbatim as the reference that the differential
 * tests hold the current ones to: the width of a text as Prettier counts it, one table cell's escaping, and a table.
 * The table of wide code points is the module's own: it did not change, and its test checks every code point.
 */
import { characterWidth } from "../../../generator/emit/markdown/string-width.js";

/** The width of `text` before the fast path: the emoji patterns over every text that is not printable ASCII. */
export function previousDisplayWidth(text: string): number {
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  const withoutSequences = text.replace(ZWJ_SEQUENCE, (sequence) => {
    if (!WHOLE_EMOJI.test(qualify(sequence))) return sequence;
    width += 2;
    return "";
  });
  const rest = withoutSequences.replace(EMOJI, (emoji) => {
    width += [...emoji].length === 1 ? characterWidth(emoji.codePointAt(0)!) : 2;
    return "";
  });
  for (const character of rest) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f) || ZERO_WIDTH_MARK.test(character)) continue;
    width += characterWidth(codePoint);
  }
  return width;
}

// Prettier's shortcut treats U+007F as ASCII too; keeping the same test keeps the same answer.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7F]/;
const ZERO_WIDTH_MARK = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
// The `v` flag (Unicode sets, for \p{RGI_Emoji}) is newer than the compile target, so these are built at run time.
// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag does not compile for ES2022
const EMOJI = new RegExp(String.raw`[#*0-9]\uFE0F?\u20E3|\p{RGI_Emoji}`, "gv");
// biome-ignore lint/complexity/useRegexLiterals: as above
const WHOLE_EMOJI = new RegExp(String.raw`^\p{RGI_Emoji}$`, "v");
const ZWJ_SEQUENCE = /\p{Emoji}\uFE0F?\p{EMod}?(?:\u200D\p{Emoji}\uFE0F?\p{EMod}?)+/gu;

/**
 * A ZWJ sequence with the variation selector put back after each part that is an emoji only with one
 * (🏳‍🌈 → 🏳️‍🌈): Prettier's emoji pattern also knows these minimally qualified spellings.
 */
function qualify(sequence: string): string {
  return sequence
    .split("\u200D")
    .map((part) => (part.includes("\uFE0F") || WHOLE_EMOJI.test(part) || !WHOLE_EMOJI.test(`${part}\uFE0F`) ? part : `${part}\uFE0F`))
    .join("\u200D");
}

/** One table cell's escaping before the fast path: every replacement over every text. */
export function previousEscapeCell(text: string): string {
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

function characterReference(character: string): string {
  return `&#${character.codePointAt(0)};`;
}

/** A table before the widths were counted once per cell. */
export function previousRenderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((_, column) => Math.max(3, ...[header, ...rows].map((row) => previousDisplayWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => `${cell}${" ".repeat(widths[column]! - previousDisplayWidth(cell))}`).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
