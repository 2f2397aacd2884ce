import type { Diagnostic, DiagnosticCode, Result } from "../../diagnostics/index.js";
import { PAGE_TEXT_KEYS, type PageTextKey } from "./page-texts.js";

/**
 * Page templates: Markdown with placeholders.
 *
 * - `{{ NAME }}` or `{{ NAME:ARGUMENT }}`, on one line; spaces inside the braces are optional.
 * - Values: `notice` (the generated-file comment; every template must place it outside `if` blocks), `title`,
 *   `description`, `id`, `locale`, `languages` (every locale's language, linked to its page), `map` (the image of the
 *   code map, `<id>.map.svg` or `<id>.map.<locale>.svg`, with its text as `alt`; a page whose template does not place
 *   it gets no map file), `text:KEY` (a word from `locales/<locale>.yaml`) and `table:ranges` / `table:codes`.
 * - Blocks: `{{ if:CONDITION }}` … `{{ end }}`, kept only when the condition holds (`description`: the
 *   registry has one; `ranges`: it declares ranges; `translations`: it has more than one locale; `map`: the page
 *   shows its map). They nest. A
 *   block tag alone on its line takes the whole line with it, so blocks leave no blank lines behind.
 * - `{{ "{{" }}` writes a literal `{{`.
 * Values are Markdown already escaped by the caller and are never scanned for placeholders again.
 */

/** The values a template may place without an argument. */
export const TEMPLATE_VALUES = ["notice", "title", "description", "id", "locale", "languages", "map"] as const;
export type TemplateValue = (typeof TEMPLATE_VALUES)[number];

/** The tables a page or an injected region can hold. */
export const TABLE_NAMES = ["ranges", "codes"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The conditions of `{{ if:CONDITION }}`. */
export const TEMPLATE_CONDITIONS = ["description", "ranges", "translations", "map"] as const;
export type TemplateCondition = (typeof TEMPLATE_CONDITIONS)[number];

export type TemplateNode =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "value"; readonly value: TemplateValue }
  | { readonly kind: "text-key"; readonly key: PageTextKey }
  | { readonly kind: "table"; readonly table: TableName }
  | { readonly kind: "if"; readonly condition: TemplateCondition; readonly body: readonly TemplateNode[] };

/** A parsed template. */
export interface Template {
  /** The file it came from, as diagnostics print it. */
  readonly file: string;
  readonly nodes: readonly TemplateNode[];
}

const KNOWN = "notice, title, description, id, locale, languages, map, text:KEY, table:TABLE, if:CONDITION, end";

type Tag =
  | { readonly kind: "node"; readonly node: TemplateNode }
  /** An unknown condition (already reported) is undefined: the block still pairs with its `end`. */
  | { readonly kind: "if"; readonly condition: TemplateCondition | undefined }
  | { readonly kind: "end" };

interface Token {
  /** The source span the token replaces (a standalone block tag spans its whole line). */
  readonly start: number;
  readonly end: number;
  /** Where the `{{` is. */
  readonly at: number;
  readonly tag: Tag;
}

/** Whether the template places `value` anywhere, inside `if` blocks too. */
export function placesValue(template: Template, value: TemplateValue): boolean {
  const within = (nodes: readonly TemplateNode[]): boolean =>
    nodes.some((node) => (node.kind === "value" && node.value === value) || (node.kind === "if" && within(node.body)));
  return within(template.nodes);
}

/** Parses a template, reporting every problem at its `FILE:LINE:COL`. Line endings are normalized to LF. */
export function parseTemplate(source: string, file: string): Result<{ readonly template: Template }> {
  const text = source.replace(/\r\n?/g, "\n");
  const diagnostics: Diagnostic[] = [];
  const position = positionsOf(text);
  const report = (offset: number, code: DiagnosticCode, message: string) => diagnostics.push({ file, ...position(offset), code, message });
  const tokens: Token[] = [];
  for (let open = text.indexOf("{{"); open !== -1; open = text.indexOf("{{", open)) {
    const close = text.indexOf("}}", open + 2);
    const lineEnd = text.indexOf("\n", open) === -1 ? text.length : text.indexOf("\n", open);
    if (close === -1 || close > lineEnd) {
      report(open, "template-unclosed", 'unclosed placeholder: "{{" has no "}}" on the same line (write {{ "{{" }} for a literal "{{")');
      open += 2;
      continue;
    }
    const tag = parseTag(text.slice(open + 2, close).trim(), (message) => report(open, "template-placeholder", message));
    if (tag !== undefined) tokens.push(spanOf(text, open, close + 2, tag));
    open = close + 2;
  }
  const nodes = buildTree(text, tokens, report);
  if (!nodes.some((node) => node.kind === "value" && node.value === "notice")) {
    report(
      0,
      "template-notice",
      "the template does not place {{ notice }} outside {{ if }} blocks; every generated page must carry the notice",
    );
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, template: { file, nodes } };
}

function parseTag(inner: string, fail: (message: string) => void): Tag | undefined {
  if (inner === '"{{"') return { kind: "node", node: { kind: "text", text: "{{" } };
  if (inner === "end") return { kind: "end" };
  const colon = inner.indexOf(":");
  const name = (colon === -1 ? inner : inner.slice(0, colon)).trim();
  const argument = colon === -1 ? undefined : inner.slice(colon + 1).trim();
  const shown = `"{{ ${inner} }}"`;
  if (argument === undefined) {
    if ((TEMPLATE_VALUES as readonly string[]).includes(name))
      return { kind: "node", node: { kind: "value", value: name as TemplateValue } };
  } else if (name === "text") {
    if ((PAGE_TEXT_KEYS as readonly string[]).includes(argument))
      return { kind: "node", node: { kind: "text-key", key: argument as PageTextKey } };
    fail(`unknown placeholder ${shown} (known text keys: ${PAGE_TEXT_KEYS.join(", ")})`);
    return undefined;
  } else if (name === "table") {
    if ((TABLE_NAMES as readonly string[]).includes(argument))
      return { kind: "node", node: { kind: "table", table: argument as TableName } };
    fail(`unknown placeholder ${shown} (known tables: ${TABLE_NAMES.join(", ")})`);
    return undefined;
  } else if (name === "if") {
    if ((TEMPLATE_CONDITIONS as readonly string[]).includes(argument)) return { kind: "if", condition: argument as TemplateCondition };
    fail(`unknown placeholder ${shown} (known conditions: ${TEMPLATE_CONDITIONS.join(", ")})`);
    return { kind: "if", condition: undefined };
  }
  fail(`unknown placeholder ${shown} (known: ${KNOWN})`);
  return undefined;
}

/** A block tag alone on its line takes the line (and its line break) with it. */
function spanOf(text: string, start: number, end: number, tag: Tag): Token {
  if (tag.kind === "node") return { start, end, at: start, tag };
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline === -1 ? text.length : newline;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd));
  return alone ? { start: lineStart, end: newline === -1 ? lineEnd : newline + 1, at: start, tag } : { start, end, at: start, tag };
}

function buildTree(
  text: string,
  tokens: readonly Token[],
  report: (offset: number, code: DiagnosticCode, message: string) => void,
): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: { condition: TemplateCondition | undefined; at: number; body: TemplateNode[] }[] = [];
  const current = () => open.at(-1)?.body ?? root;
  let cursor = 0;
  for (const token of tokens) {
    if (token.start > cursor) current().push({ kind: "text", text: text.slice(cursor, token.start) });
    cursor = Math.max(cursor, token.end);
    const { tag } = token;
    if (tag.kind === "node") {
      current().push(tag.node);
    } else if (tag.kind === "if") {
      open.push({ condition: tag.condition, at: token.at, body: [] });
    } else {
      const block = open.pop();
      if (block === undefined) report(token.at, "template-end", "{{ end }} without an open {{ if:CONDITION }}");
      else if (block.condition !== undefined) current().push({ kind: "if", condition: block.condition, body: block.body });
    }
  }
  if (cursor < text.length) current().push({ kind: "text", text: text.slice(cursor) });
  for (const block of open) report(block.at, "template-if", `{{ if:${block.condition ?? "…"} }} is not closed by {{ end }}`);
  return root;
}

/** Offset → 1-based line and column. */
function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return (offset) => {
    let line = starts.length - 1;
    while (starts[line]! > offset) line -= 1;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}
