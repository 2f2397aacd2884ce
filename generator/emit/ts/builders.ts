import type { JSDocStructure, OptionalKind, StatementStructures } from "ts-morph";
import type { Interval } from "../../model/registry.js";

/**
 * A JavaScript string literal for any text. JSON's escaping covers quotes, backslashes and control
 * characters; U+2028 and U+2029 are escaped too so the output reads the same in every editor.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== "__proto__" ? key : stringLiteral(key);
}

/** A property key for an integer: bare when it is a numeric literal (`1000`), quoted when negative (`"-1"`). */
export function numericKey(value: number): string {
  return value >= 0 ? String(value) : stringLiteral(String(value));
}

/**
 * Text made safe inside a `/** ... *\/` comment: a `*\/` in the text would end the comment early, a `/*` makes
 * ts-morph's writer believe a comment opens and close it before the next tag, and a line starting with `@` would
 * read as a tag.
 */
export function commentText(text: string): string {
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
  const line = (part: string): string => commentText(part).replace(/\s*\n\s*/g, " ");
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

/*
 * Membership shapes, chosen by measurement (V8 11, integer inputs; bench/RESULTS.md, "Guard shapes"):
 * - range comparisons while they are few (a span counts twice): about 2 ns up to 48 comparisons, but 15 ns
 *   at 64 and growing linearly beyond, as the function outgrows what V8 optimizes best;
 * - members V8 compiles into a jump table (at least 6, spread over at most 3 times their number), a
 *   `switch`: about 5 ns up to 1,024 members, 150 ns at 4,096;
 * - anything else, a binary search over a table of spans: 5 ns for a few spans, 70 ns at 2,000.
 */
const MAX_COMPARISONS = 48;
const MIN_SWITCH_CASES = 6;
const MAX_SWITCH_CASES = 1024;
const MAX_SWITCH_SPREAD_PER_CASE = 3;

function memberCount(intervals: readonly Interval[]): number {
  return intervals.reduce((total, interval) => total + interval.to - interval.from + 1, 0);
}

/** The comparisons a chain of range tests makes in the worst case: one per single code, two per span. */
function comparisonCount(intervals: readonly Interval[]): number {
  return intervals.reduce((total, interval) => total + (interval.from === interval.to ? 1 : 2), 0);
}

/** Whether V8 turns a `switch` over every member into a jump table (its --switch-table-* defaults). */
function compilesToJumpTable(intervals: readonly Interval[]): boolean {
  const members = memberCount(intervals);
  const spread = intervals.length === 0 ? 0 : intervals.at(-1)!.to - intervals[0]!.from + 1;
  return members >= MIN_SWITCH_CASES && members <= MAX_SWITCH_CASES && spread <= MAX_SWITCH_SPREAD_PER_CASE * members;
}

/**
 * Whether the membership test of `intervals` is a binary search, which reads a module-level table of spans
 * (the shapes `membership` chooses between): the clash check reserves the table's name exactly when it exists.
 */
export function readsSpansTable(intervals: readonly Interval[]): boolean {
  return comparisonCount(intervals) > MAX_COMPARISONS && !compilesToJumpTable(intervals);
}

/** A membership test: the statements of a function body, and the module-level tables they read. */
export interface Membership {
  readonly statements: string[];
  readonly tables: Statement[];
}

/**
 * A membership test of `variable` (a number, or `unknown` when `unknown` is set) in the normalized
 * `intervals`, in the fastest shape for them (see above); a binary search reads its spans from a module-level
 * constant named `table`. Every shape is false for non-integers, NaN and (for `unknown`) non-numbers.
 */
export function membership(variable: string, intervals: readonly Interval[], unknown: boolean, table: string): Membership {
  if (comparisonCount(intervals) <= MAX_COMPARISONS) return { statements: [comparisons(variable, intervals, unknown)], tables: [] };
  if (compilesToJumpTable(intervals)) {
    const cases: string[] = [];
    for (const interval of intervals) for (let code = interval.from; code <= interval.to; code += 1) cases.push(`    case ${code}:`);
    return {
      statements: [`switch (${variable}) {\n${cases.join("\n")}\n        return true;\n    default:\n        return false;\n}`],
      tables: [],
    };
  }
  const notInteger = unknown ? `typeof ${variable} !== "number" || !Number.isInteger(${variable})` : `!Number.isInteger(${variable})`;
  return {
    statements: [
      `if (${notInteger}) return false;
let low = 0;
let high = ${table}.length / 2 - 1;
while (low <= high) {
    const middle = (low + high) >>> 1;
    if (${variable} < ${table}[2 * middle]!) high = middle - 1;
    else if (${variable} > ${table}[2 * middle + 1]!) low = middle + 1;
    else return true;
}
return false;`,
    ],
    tables: [
      constStatement({
        name: table,
        exported: false,
        docs: jsDoc("Sorted, disjoint spans of members as inclusive `from, to` pairs, for a binary search."),
        type: "readonly number[]",
        initializer: literal(
          "array",
          intervals.map((interval) => ({ value: `${interval.from}, ${interval.to}` })),
        ),
      }),
    ],
  };
}

function comparisons(variable: string, intervals: readonly Interval[], unknown: boolean): string {
  const spans = intervals.some((interval) => interval.from !== interval.to);
  const terms = intervals.map((interval) =>
    interval.from === interval.to
      ? `${variable} === ${interval.from}`
      : `(${variable} >= ${interval.from} && ${variable} <= ${interval.to})`,
  );
  const guards = [unknown && spans ? `typeof ${variable} === "number"` : undefined, spans ? `Number.isInteger(${variable})` : undefined];
  const test =
    terms.length === 0 ? "false" : terms.length === 1 || !guards.some(Boolean) ? terms.join(" ||\n    ") : `(${terms.join(" ||\n    ")})`;
  const condition = [...guards.filter((guard) => guard !== undefined), test].join(" &&\n    ");
  return `return ${condition};`;
}

/**
 * A top-level statement of a generated module: a ts-morph structure, or the finished text of a statement
 * whose bulk is data (an enum, a table as a const), written without ts-morph's writer (see {@link literal}).
 */
export type Statement = StatementStructures | string;

/** One level of indentation in generated TypeScript, as ts-morph prints it. */
const INDENT = "    ";

/** One entry of an object or array literal (see {@link literal}). */
export interface LiteralEntry {
  /** Property key (already a valid key: see {@link propertyKey}); absent for array elements. */
  readonly key?: string;
  /** The value as code (one line), or a nested literal. */
  readonly value: string | Literal;
  /** A one-line doc comment above the entry. */
  readonly doc?: string;
  /** Tags of that comment (`@deprecated`). */
  readonly tags?: readonly [string, string][];
}

/** An object (`{}`) or array (`[]`) literal, one entry per line; `suffix` follows the closing bracket. */
export interface Literal {
  readonly kind: "object" | "array";
  readonly entries: readonly LiteralEntry[];
  readonly suffix: string;
}

/**
 * An object or array literal, written as text at any depth in the layout ts-morph gives it. Tables of codes
 * and texts are most of a generated module, and ts-morph's writer examines every character it writes (to
 * track strings and comments): writing them directly saves most of the printing time of a large registry.
 */
export function literal(kind: "object" | "array", entries: readonly LiteralEntry[], suffix = ""): Literal {
  return { kind, entries, suffix };
}

function literalText(value: Literal, indent: string): string {
  const [open, close] = value.kind === "object" ? ["{", "}"] : ["[", "]"];
  const inner = indent + INDENT;
  const lines = [open];
  for (const entry of value.entries) {
    if (entry.doc !== undefined) lines.push(inlineDoc(entry.doc, inner, entry.tags));
    const code = typeof entry.value === "string" ? entry.value : literalText(entry.value, inner);
    lines.push(`${inner}${entry.key === undefined ? "" : `${entry.key}: `}${code},`);
  }
  lines.push(`${indent}${close}${value.suffix}`);
  return lines.join("\n");
}

/** A `const` declaration whose initializer is a multi-line literal. */
export interface ConstDeclaration {
  readonly name: string;
  readonly exported: boolean;
  readonly docs?: OptionalKind<JSDocStructure>;
  readonly type?: string;
  readonly initializer: Literal;
}

/**
 * A whole `const` statement as text. (ts-morph prints a declaration's initializer inside a hanging indent,
 * which would push every line of a multi-line literal one level right.)
 */
export function constStatement(declaration: ConstDeclaration): string {
  const type = declaration.type === undefined ? "" : `: ${declaration.type}`;
  const head = `${declaration.exported ? "export " : ""}const ${declaration.name}${type} = `;
  const docs = declaration.docs === undefined ? [] : jsDocLines(declaration.docs, "");
  return [...docs, `${head}${literalText(declaration.initializer, "")};`, ""].join("\n");
}

/** The longest line a union type is written on before it takes one member a line. */
const MAX_UNION_LINE = 120;

/**
 * `export type RetryableGrpcStatus = GrpcStatus.Unavailable;` with its doc comment; with one member a line, as
 * formatters lay out a long union (`| HttpStatus.BadRequest`), when they do not fit on one line.
 */
export function unionStatement(name: string, members: readonly string[], docs: OptionalKind<JSDocStructure>): string {
  const head = `export type ${name} =`;
  const oneLine = `${head} ${members.join(" | ")};`;
  const body = oneLine.length <= MAX_UNION_LINE ? oneLine : `${[head, ...members.map((member) => `${INDENT}| ${member}`)].join("\n")};`;
  return [...jsDocLines(docs, ""), body, ""].join("\n");
}

/** A member of an enum written by {@link enumStatement}. */
export interface EnumMember {
  readonly name: string;
  readonly value: number;
  readonly docs?: OptionalKind<JSDocStructure>;
}

/** An `enum` declaration written by {@link enumStatement}. */
export interface EnumDeclaration {
  readonly name: string;
  readonly exported: boolean;
  readonly docs?: OptionalKind<JSDocStructure>;
  readonly members: readonly EnumMember[];
}

/**
 * A whole `enum` statement as text, in the layout ts-morph gives it. ts-morph's enum printer inserts each
 * separating comma into the text already written, at a cost that grows with that text: quadratic in the
 * number of members (3.3 s for 10,000).
 */
export function enumStatement(declaration: EnumDeclaration): string {
  const lines = declaration.docs === undefined ? [] : jsDocLines(declaration.docs, "");
  lines.push(`${declaration.exported ? "export " : ""}enum ${declaration.name} {`);
  declaration.members.forEach((member, index) => {
    if (member.docs !== undefined) lines.push(...jsDocLines(member.docs, INDENT));
    lines.push(`${INDENT}${propertyKey(member.name)} = ${member.value}${index < declaration.members.length - 1 ? "," : ""}`);
  });
  lines.push("}", "");
  return lines.join("\n");
}

/** The lines of a JSDoc block as ts-morph prints it: one line when it is a single line without tags. */
function jsDocLines(docs: OptionalKind<JSDocStructure>, indent: string): string[] {
  const description = typeof docs.description === "string" ? docs.description : "";
  const tags = (docs.tags ?? []).map((tag) => `@${tag.tagName}${typeof tag.text === "string" && tag.text !== "" ? ` ${tag.text}` : ""}`);
  const lines = [...(description === "" ? [] : description.split("\n")), ...tags.flatMap((tag) => tag.split("\n"))];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}
