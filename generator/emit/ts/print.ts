import type { JSDocStructure, OptionalKind, StatementStructures } from "ts-morph";
import { inlineDoc, propertyKey } from "./literals.js";

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
  const object = value.kind === "object";
  const inner = indent + INDENT;
  // Appended to one string, line by line: no array of lines, and no copy of the nested literals to join them.
  let text = object ? "{" : "[";
  for (const entry of value.entries) {
    if (entry.doc !== undefined) text += `\n${inlineDoc(entry.doc, inner, entry.tags)}`;
    const code = typeof entry.value === "string" ? entry.value : literalText(entry.value, inner);
    text += entry.key === undefined ? `\n${inner}${code},` : `\n${inner}${entry.key}: ${code},`;
  }
  return `${text}\n${indent}${object ? "}" : "]"}${value.suffix}`;
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
  if ((docs.tags ?? []).length === 0 && description !== "" && !description.includes("\n")) return [`${indent}/** ${description} */`];
  const tags = (docs.tags ?? []).map((tag) => `@${tag.tagName}${typeof tag.text === "string" && tag.text !== "" ? ` ${tag.text}` : ""}`);
  const lines = [...(description === "" ? [] : description.split("\n")), ...tags.flatMap((tag) => tag.split("\n"))];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}
