import type { JSDocStructure, OptionalKind } from "ts-morph";

/**
 * A JavaScript string literal for any text. JSON's escaping covers quotes, backslashes and control
 * characters; U+2028 and U+2029 are escaped too so the output reads the same in every editor.
 */
export function stringLiteral(text: string): string {
  if (needsNoEscape(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  // Most texts hold neither: two scans instead of two replaces (a module of 10,000 codes has 100,000 literals).
  if (!json.includes("\u2028") && !json.includes("\u2029")) return json;
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Whether a text is its own string literal between double quotes: no character JSON escapes (a quote, a backslash,
 * a control character, a lone surrogate) and no U+2028 or U+2029. Any surrogate is left to `JSON.stringify`, which
 * tells a pair from a lone one. A scan of the character codes costs less than a call of it for a short text.
 */
function needsNoEscape(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029)
      return false;
  }
  return true;
}

/** Whether a key is an ASCII identifier, `^[A-Za-z_$][A-Za-z0-9_$]*$`, told by its character codes. */
function isAsciiIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
    if (!letter && !(index > 0 && code >= 0x30 && code <= 0x39)) return false;
  }
  return true;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return isAsciiIdentifier(key) && key !== "__proto__" ? key : stringLiteral(key);
}

/** A property key for an integer: bare when it is a numeric literal (`1000`), quoted when negative (`"-1"`). */
export function numericKey(value: number): string {
  return value >= 0 ? String(value) : stringLiteral(String(value));
}

/** The characters {@link commentText} may have to change: in `*\/`, `/*`, a line break other than LF, and `@`. */
const COMMENT_SPECIAL = /[*\r\u2028\u2029@]/;

/**
 * Text made safe inside a `/** ... *\/` comment: a `*\/` in the text would end the comment early, a `/*` makes
 * ts-morph's writer believe a comment opens and close it before the next tag, and a line starting with `@` would
 * read as a tag.
 */
export function commentText(text: string): string {
  // Each replacement below needs one of these characters, and most texts hold none.
  if (!COMMENT_SPECIAL.test(text)) return text;
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/^(\s*)@/gm, "$1\\@");
}

/**
 * A `/** ... *\/` comment for code written as text (object members), indented by `indent`: one line, or with
 * tags (`@deprecated`, which editors only see at the start of a line) one line for the text and one per tag.
 */
export function inlineDoc(text: string, indent: string, tags: readonly [string, string][] = []): string {
  const line = (part: string): string => {
    const safe = commentText(part);
    return safe.includes("\n") ? safe.replace(/\s*\n\s*/g, " ") : safe;
  };
  if (tags.length === 0) return `${indent}/** ${line(text)} */`;
  return [
    `${indent}/**`,
    `${indent} * ${line(text)}`,
    ...tags.map(([tag, tagText]) => `${indent} * @${tag} ${line(tagText)}`),
    `${indent} */`,
  ].join("\n");
}

/** A JSDoc block: a description and `@tag text` lines, each made comment-safe. */
export function jsDoc(description: string, tags: readonly [string, string][] = []): OptionalKind<JSDocStructure> {
  return {
    description: commentText(description),
    tags: tags.map(([tagName, text]) => ({ tagName, text: commentText(text) })),
  };
}

/** `@see` text for a reference and its link. */
export function seeTag(reference: string | undefined, url: string | undefined): [string, string][] {
  if (reference === undefined && url === undefined) return [];
  return [["see", [reference, url].filter((part) => part !== undefined).join(" — ")]];
}
