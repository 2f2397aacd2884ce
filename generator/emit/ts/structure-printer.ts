import type { StatementStructures } from "ts-morph";
import { StructureKind } from "./ts-morph-values.js";

/**
 * ts-morph's `printStructure` for the statements a generated module is built from (functions, their overloads and
 * parameters, type aliases, variable statements, interfaces with properties, doc comments), written without
 * ts-morph: the same text, byte for byte, from the same steps.
 *
 * `printStructure` builds a new printer factory and a new code-block-writer for every statement, and another writer
 * for every type, initializer and doc comment it prints; with a module of about forty such statements, that fixed
 * work was most of what a small registry's module cost (a config of 50 registries spent 0.3 s in it). The
 * {@link Writer} below is a port of code-block-writer's state (indentation, queued hanging indentation, blank lines,
 * and the scan that tells strings, template literals, comments and regular expressions apart, which decides where a
 * line of a function body is indented), and the printers follow ts-morph's steps for each kind. A structure with a
 * property this printer does not know, a writer function, or a text it cannot be sure to print the same way
 * (see {@link Unsupported}) gives `undefined`, and the caller prints it with ts-morph; a seeded property test holds
 * the two equal (test/emit/ts/structure-printer.test.ts).
 */
export function printStatementText(statement: StatementStructures): string | undefined {
  try {
    const writer = new Writer();
    printStatement(writer, statement);
    // SourceFileStructurePrinter ends the file with a line break.
    writer.conditionalNewLine(!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine());
    return writer.toString();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A structure (or a text in it) outside what this printer writes as ts-morph does: ts-morph prints it instead. */
class Unsupported extends Error {}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const STAR = 0x2a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKTICK = 0x60;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DOLLAR = 0x24;

/** The characters code-block-writer's scan looks at; any other leaves its state as it is. */
const HANDLED = new Uint8Array(128);
for (const code of [BACKSLASH, SLASH, NEWLINE, RETURN, STAR, DOUBLE_QUOTE, SINGLE_QUOTE, BACKTICK, OPEN_BRACE, CLOSE_BRACE])
  HANDLED[code] = 1;

/** What ts-morph counts as white space (`StringUtils.isWhitespaceCharCode`). */
function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0c ||
    code === NEWLINE ||
    code === RETURN ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** `StringUtils.isNullOrWhitespace`. */
function isNullOrWhitespace(text: string | undefined): boolean {
  if (typeof text !== "string") return true;
  for (let index = 0; index < text.length; index += 1) if (!isWhitespace(text.charCodeAt(index))) return false;
  return true;
}

const INDENT = "    ";
/** What makes a text go through the scan line by line (see Writer.writePlain). */
const PLAIN_STOP = /["'`/*\r]/;
const LINE_COMMENT = 1;
const STAR_COMMENT = 2;

/**
 * code-block-writer's `CodeBlockWriter` with the options codebook prints with (four spaces, LF, double quotes),
 * reduced to the methods ts-morph's printers call for these structures; each does what the original does.
 */
class Writer {
  private readonly texts: string[] = [];
  private length = 0;
  private indentation = 0;
  private queued: number | undefined;
  private queuedOnlyIfNotBlock: boolean | undefined;
  private newLineOnNextWrite = false;
  private comment = 0;
  private readonly strings: number[] = [];
  private inRegEx = false;
  private firstLineOfBlock = true;

  toString(): string {
    if (this.texts.length > 1) {
      const text = this.texts.join("");
      this.texts.length = 0;
      this.texts.push(text);
    }
    return this.texts[0] ?? "";
  }

  getLength(): number {
    return this.length;
  }

  /** The character code `offset` characters before the end, or undefined. */
  lastCode(offset: number): number | undefined {
    if (offset >= this.length || offset < 0) return undefined;
    let rest = offset;
    for (let index = this.texts.length - 1; index >= 0; index -= 1) {
      const text = this.texts[index]!;
      if (rest >= text.length) rest -= text.length;
      else return text.charCodeAt(text.length - 1 - rest);
    }
    return undefined;
  }

  isLastNewLine(): boolean {
    const last = this.lastCode(0);
    return last === NEWLINE || last === RETURN;
  }

  isLastBlankLine(): boolean {
    let found = 0;
    for (let index = this.texts.length - 1; index >= 0; index -= 1) {
      const text = this.texts[index]!;
      for (let at = text.length - 1; at >= 0; at -= 1) {
        const code = text.charCodeAt(at);
        if (code === NEWLINE) {
          found += 1;
          if (found === 2) return true;
        } else if (code !== RETURN) return false;
      }
    }
    return false;
  }

  /** ts-morph's `isLastNonWhitespaceCharCloseBrace`. */
  isLastNonWhitespaceCloseBrace(): boolean {
    for (let index = this.texts.length - 1; index >= 0; index -= 1) {
      const text = this.texts[index]!;
      for (let at = text.length - 1; at >= 0; at -= 1) {
        const code = text.charCodeAt(at);
        if (code === CLOSE_BRACE) return true;
        if (!isWhitespace(code)) return false;
      }
    }
    return false;
  }

  isInString(): boolean {
    return this.strings.length > 0 && this.strings[this.strings.length - 1] !== OPEN_BRACE;
  }

  isInComment(): boolean {
    return this.comment !== 0;
  }

  isAtStartOfFirstLineOfBlock(): boolean {
    return this.firstLineOfBlock && (this.isLastNewLine() || this.lastCode(0) === undefined);
  }

  write(text: string | undefined): this {
    this.newLineIfNewLineOnNextWrite();
    this.writeIndentingNewLines(text);
    return this;
  }

  space(): this {
    this.newLineIfNewLineOnNextWrite();
    this.writeIndentingNewLines(" ");
    return this;
  }

  spaceIfLastNot(): this {
    this.newLineIfNewLineOnNextWrite();
    if (this.lastCode(0) !== 0x20) this.writeIndentingNewLines(" ");
    return this;
  }

  newLine(): this {
    this.newLineOnNextWrite = false;
    this.baseWriteNewline();
    return this;
  }

  newLineIfLastNot(): this {
    this.newLineIfNewLineOnNextWrite();
    if (!this.isLastNewLine()) this.newLine();
    return this;
  }

  conditionalNewLine(condition: boolean): this {
    if (condition) this.newLine();
    return this;
  }

  blankLine(): this {
    return this.newLineIfLastNot().newLine();
  }

  blankLineIfLastNot(): this {
    if (!this.isLastBlankLine()) this.blankLine();
    return this;
  }

  closeComment(): this {
    if (this.comment === LINE_COMMENT) this.newLine();
    else if (this.comment === STAR_COMMENT) {
      if (!this.isLastNewLine()) this.spaceIfLastNot();
      this.write("*/");
    }
    return this;
  }

  hangingIndent(action: () => void): this {
    const current = this.indentation;
    const queued = this.queued;
    const onlyIfNotBlock = this.queuedOnlyIfNotBlock;
    this.queued = this.indentation + 1;
    this.queuedOnlyIfNotBlock = undefined;
    try {
      action();
    } finally {
      this.indentation = current;
      this.queued = queued;
      this.queuedOnlyIfNotBlock = onlyIfNotBlock;
    }
    return this;
  }

  inlineBlock(block: () => void): this {
    this.newLineIfNewLineOnNextWrite();
    this.write("{");
    if (this.lastCode(0) !== undefined) this.newLineIfLastNot();
    this.indentation += 1;
    this.firstLineOfBlock = true;
    block();
    this.firstLineOfBlock = false;
    this.indentation = Math.max(0, this.indentation - 1);
    this.newLineIfLastNot().write("}");
    return this;
  }

  private newLineIfNewLineOnNextWrite(): void {
    if (!this.newLineOnNextWrite) return;
    this.newLineOnNextWrite = false;
    this.newLine();
  }

  private writeIndentingNewLines(value: string | undefined): void {
    const text = value || "";
    if (text.length === 0) {
      this.writeIndividual("");
      return;
    }
    if (this.writePlain(text)) return;
    const items = text.split(/\r?\n/);
    for (let index = 0; index < items.length; index += 1) {
      if (index > 0) this.baseWriteNewline();
      const item = items[index]!;
      if (item.length > 0) this.writeIndividual(item);
    }
  }

  /**
   * The lines of a text the scan cannot change anything for, each indented at once: no string, comment or regular
   * expression open, no hanging indentation queued, nothing before that a first character could continue (a slash),
   * and none of the characters that open one (quotes, backtick, slash, star; a CR is left to the split). The same
   * text and state as line by line, in one piece.
   */
  private writePlain(text: string): boolean {
    if (this.strings.length > 0 || this.comment !== 0 || this.inRegEx || this.queued !== undefined) return false;
    if (PLAIN_STOP.test(text) || this.lastCode(0) === SLASH) return false;
    const indent = INDENT.repeat(Math.floor(this.indentation)) + INDENT.slice(0, Math.round(INDENT.length * (this.indentation % 1)));
    const lines = text.split("\n");
    let out = "";
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index]!;
      if (index > 0) out += "\n";
      if (line.length === 0) continue;
      if (index > 0 || this.isLastNewLine() || this.length === 0) out += indent;
      out += line;
    }
    if (lines.length > 1) this.firstLineOfBlock = false;
    this.internalWrite(out);
    return true;
  }

  private writeIndividual(text: string): void {
    if (!this.isInString() && (this.isLastNewLine() || this.lastCode(0) === undefined)) this.writeIndentation();
    this.updateInternalState(text);
    this.internalWrite(text);
  }

  private baseWriteNewline(): void {
    if (this.comment === LINE_COMMENT) this.comment = 0;
    const last = this.strings[this.strings.length - 1];
    if ((last === DOUBLE_QUOTE || last === SINGLE_QUOTE) && this.lastCode(0) !== BACKSLASH) this.strings.pop();
    this.internalWrite("\n");
    this.firstLineOfBlock = false;
    this.dequeueQueuedIndentation();
  }

  private dequeueQueuedIndentation(): void {
    if (this.queued === undefined) return;
    if (this.queuedOnlyIfNotBlock && this.wasLastBlock()) {
      this.queued = undefined;
      this.queuedOnlyIfNotBlock = undefined;
    } else {
      this.indentation = this.queued;
      this.queued = undefined;
    }
  }

  private wasLastBlock(): boolean {
    let foundNewLine = false;
    for (let index = this.texts.length - 1; index >= 0; index -= 1) {
      const text = this.texts[index]!;
      for (let at = text.length - 1; at >= 0; at -= 1) {
        const code = text.charCodeAt(at);
        if (code === NEWLINE) {
          if (foundNewLine) return false;
          foundNewLine = true;
        } else if (code === RETURN) return false;
        else return code === OPEN_BRACE;
      }
    }
    return false;
  }

  private writeIndentation(): void {
    const floored = Math.floor(this.indentation);
    this.internalWrite(INDENT.repeat(floored));
    const portion = Math.round(INDENT.length * (this.indentation - floored));
    this.internalWrite(INDENT.slice(0, portion));
  }

  /** code-block-writer's `_updateInternalState`: where strings, comments and regular expressions start and end. */
  private updateInternalState(text: string): void {
    for (let index = 0; index < text.length; index += 1) {
      const current = text.charCodeAt(index);
      if (current >= 128 || HANDLED[current] === 0) continue;
      const past = index === 0 ? this.lastCode(0) : text.charCodeAt(index - 1);
      const pastPast = index === 0 ? this.lastCode(1) : index === 1 ? this.lastCode(0) : text.charCodeAt(index - 2);
      if (this.inRegEx) {
        if ((past === SLASH && pastPast !== BACKSLASH) || past === NEWLINE) this.inRegEx = false;
        else continue;
      } else if (
        !this.isInString() &&
        !this.isInComment() &&
        past === SLASH &&
        current !== SLASH &&
        current !== STAR &&
        pastPast !== STAR &&
        pastPast !== SLASH
      ) {
        this.inRegEx = true;
        continue;
      }
      if (!this.isInString()) {
        if (this.comment === 0 && past === SLASH && current === SLASH) this.comment = LINE_COMMENT;
        else if (this.comment === 0 && past === SLASH && current === STAR) this.comment = STAR_COMMENT;
        else if (this.comment === STAR_COMMENT && past === STAR && current === SLASH) this.comment = 0;
      }
      if (this.comment !== 0) continue;
      const last = this.strings.length === 0 ? undefined : this.strings[this.strings.length - 1];
      if (past !== BACKSLASH && (current === DOUBLE_QUOTE || current === SINGLE_QUOTE || current === BACKTICK)) {
        if (last === current) this.strings.pop();
        else if (last === OPEN_BRACE || last === undefined) this.strings.push(current);
      } else if (pastPast !== BACKSLASH && past === DOLLAR && current === OPEN_BRACE && last === BACKTICK) {
        this.strings.push(current);
      } else if (current === CLOSE_BRACE && last === OPEN_BRACE) {
        this.strings.pop();
      }
    }
  }

  private internalWrite(text: string): void {
    if (text.length === 0) return;
    this.texts.push(text);
    this.length += text.length;
  }
}

/** The properties a structure of each kind may have here; any other (set to anything but undefined) is unsupported. */
type Shape = readonly string[];

const FUNCTION: Shape = ["kind", "isExported", "name", "docs", "parameters", "returnType", "statements", "overloads"];
const OVERLOAD: Shape = ["kind", "docs", "parameters", "returnType"];
const PARAMETER: Shape = ["kind", "name", "type", "hasQuestionToken", "isRestParameter", "initializer"];
const TYPE_ALIAS: Shape = ["kind", "isExported", "name", "docs", "type"];
const VARIABLE_STATEMENT: Shape = ["kind", "isExported", "declarationKind", "docs", "declarations"];
const VARIABLE_DECLARATION: Shape = ["kind", "name", "type", "initializer", "hasExclamationToken"];
const INTERFACE: Shape = ["kind", "isExported", "name", "docs", "properties"];
const PROPERTY_SIGNATURE: Shape = ["kind", "name", "isReadonly", "hasQuestionToken", "type", "docs", "initializer"];
const JSDOC: Shape = ["kind", "description", "tags"];
const JSDOC_TAG: Shape = ["kind", "tagName", "text"];

/** The structure as a plain record, once it is known to have no property outside `shape`. */
function checked(value: unknown, shape: Shape): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unsupported();
  for (const key of Object.keys(value)) {
    if (!shape.includes(key) && (value as Record<string, unknown>)[key] !== undefined) throw new Unsupported();
  }
  return value as Record<string, unknown>;
}

/** A property that must be a text (or absent): a writer function is left to ts-morph. */
function text(structure: Record<string, unknown>, key: string): string | undefined {
  const value = structure[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new Unsupported();
  return value;
}

/** `StringUtils.startsWithNewLine`: LF, or CR LF. */
function startsWithNewLine(value: string): boolean {
  return value.charCodeAt(0) === NEWLINE || (value.charCodeAt(0) === RETURN && value.charCodeAt(1) === NEWLINE);
}

/** A list property (or absent). */
function list(structure: Record<string, unknown>, key: string): readonly unknown[] | undefined {
  const value = structure[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new Unsupported();
  return value;
}

/** A text printed on its own writer, as ts-morph's `getText` does: at no indentation, so only its line breaks change. */
function ownText(value: string): string {
  return value.replace(/\r?\n/g, "\n");
}

/**
 * A text written inside a hanging indent (a type, an initializer): on one line, or ts-morph would indent its next
 * lines, which this printer does not reproduce.
 */
function oneLine(value: string): string {
  if (value.includes("\n") || value.includes("\r")) throw new Unsupported();
  return value;
}

function printStatement(writer: Writer, statement: StatementStructures): void {
  const { kind } = statement as { kind: unknown };
  // StatementStructurePrinter: a blank line before a function or an interface unless at the start.
  switch (kind) {
    case StructureKind.Function:
      if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
      printFunction(writer, checked(statement, FUNCTION));
      return;
    case StructureKind.Interface:
      if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
      printInterface(writer, checked(statement, INTERFACE));
      return;
    case StructureKind.TypeAlias:
      printTypeAlias(writer, checked(statement, TYPE_ALIAS));
      return;
    case StructureKind.VariableStatement:
      printVariableStatement(writer, checked(statement, VARIABLE_STATEMENT));
      return;
    default:
      throw new Unsupported();
  }
}

/** NodePrinter.printText: no leading or trailing trivia here (they are not in the shapes), a comment closed first. */
function node(writer: Writer, print: () => void): void {
  writer.closeComment();
  print();
}

function printExported(writer: Writer, structure: Record<string, unknown>): void {
  if (structure.isExported) writer.write("export ");
}

function printFunction(writer: Writer, structure: Record<string, unknown>): void {
  node(writer, () => {
    const name = text(structure, "name");
    for (const overload of list(structure, "overloads") ?? []) {
      const shaped = checked(overload, OVERLOAD);
      // The overload takes the function's export when it sets none (its clone in ts-morph); it is printed without
      // NodePrinter's closing of a comment.
      printFunctionHeader(writer, name, { ...shaped, isExported: structure.isExported });
      writer.write(";");
      writer.newLine();
    }
    printFunctionHeader(writer, name, structure);
    writer.space().inlineBlock(() => {
      const statements = structure.statements;
      if (statements === undefined || statements === null) return;
      const body = typeof statements === "string" ? [statements] : statements;
      if (!Array.isArray(body)) throw new Unsupported();
      for (const statement of body) {
        if (statement !== undefined && statement !== null && typeof statement !== "string") throw new Unsupported();
        if (typeof statements !== "string") {
          if (writer.isLastNonWhitespaceCloseBrace()) writer.blankLineIfLastNot();
          else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
        }
        if (typeof statement === "string") writer.write(statement);
      }
    });
  });
}

/**
 * A parameter or declaration after which ts-morph's comma goes at the very end, written at once: it starts as a
 * name does, and holds no comment, template literal or escape and no white space at its end (where TypeScript's
 * scanner would put the comma before trailing trivia). Written at once, the comma changes nothing of what the scan
 * of the next text sees.
 */
const COMMA_AT_END = /^[A-Za-z_$.]([^/`\\]*[^\s/`\\,])?$/;

function printFunctionHeader(writer: Writer, name: string | undefined, structure: Record<string, unknown>): void {
  printDocs(writer, structure);
  printExported(writer, structure);
  writer.write("function");
  if (!isNullOrWhitespace(name)) writer.write(` ${name}`);
  writer.write("(");
  const parameters = list(structure, "parameters");
  if (parameters !== undefined && parameters.length > 0) {
    writer.hangingIndent(() => {
      parameters.forEach((parameter, index) => {
        if (index > 0) writer.spaceIfLastNot();
        const start = writer.getLength();
        node(writer, () => printParameter(writer, checked(parameter, PARAMETER)));
        const printed = writer.toString().slice(start);
        // ts-morph appends the comma where the parameter's last token ends; for a text like these, at its end.
        if (!COMMA_AT_END.test(printed)) throw new Unsupported();
        if (index < parameters.length - 1) writer.write(",");
      });
    });
  }
  writer.write(")");
  const returnType = text(structure, "returnType");
  if (returnType !== undefined) {
    const printed = ownText(returnType);
    if (!isNullOrWhitespace(printed)) writer.hangingIndent(() => writer.write(`: ${oneLine(printed)}`));
  }
}

function printParameter(writer: Writer, structure: Record<string, unknown>): void {
  const name = text(structure, "name");
  if (name === undefined) throw new Unsupported();
  if (structure.isRestParameter) writer.write("...");
  writer.write(name);
  if (structure.hasQuestionToken) writer.write("?");
  printTyped(writer, structure, ":", Boolean(structure.hasQuestionToken));
  printInitializer(writer, structure);
}

/** TypedNodeStructurePrinter. */
function printTyped(writer: Writer, structure: Record<string, unknown>, separator: string, alwaysWrite = false): void {
  let type = text(structure, "type");
  if (type === undefined && !alwaysWrite) return;
  type ??= "any";
  const printed = ownText(type);
  if (!isNullOrWhitespace(printed)) writer.hangingIndent(() => writer.write(`${separator} ${oneLine(printed)}`));
}

/** InitializerExpressionableNodeStructurePrinter. */
function printInitializer(writer: Writer, structure: Record<string, unknown>): void {
  const initializer = text(structure, "initializer");
  if (initializer === undefined) return;
  const printed = ownText(initializer);
  if (isNullOrWhitespace(printed)) return;
  writer.hangingIndent(() => {
    writer.spaceIfLastNot();
    writer.write(`= ${oneLine(printed)}`);
  });
}

function printTypeAlias(writer: Writer, structure: Record<string, unknown>): void {
  node(writer, () => {
    printDocs(writer, structure);
    printExported(writer, structure);
    writer.write(`type ${text(structure, "name")}`);
    printTyped(writer, structure, " =");
    writer.write(";");
  });
}

function printVariableStatement(writer: Writer, structure: Record<string, unknown>): void {
  node(writer, () => {
    printDocs(writer, structure);
    writer.hangingIndent(() => {
      printExported(writer, structure);
      writer.write(`${text(structure, "declarationKind") || "let"} `);
      const declarations = list(structure, "declarations");
      if (declarations === undefined || declarations.length === 0) throw new Unsupported();
      declarations.forEach((declaration, index) => {
        if (index > 0) writer.spaceIfLastNot();
        const start = writer.getLength();
        node(writer, () => {
          const shaped = checked(declaration, VARIABLE_DECLARATION);
          writer.write(text(shaped, "name"));
          if (shaped.hasExclamationToken) writer.write("!");
          printTyped(writer, shaped, ":");
          printInitializer(writer, shaped);
        });
        const printed = writer.toString().slice(start);
        if (!COMMA_AT_END.test(printed)) throw new Unsupported();
        if (index < declarations.length - 1) writer.write(",");
      });
      writer.write(";");
    });
  });
}

function printInterface(writer: Writer, structure: Record<string, unknown>): void {
  node(writer, () => {
    printDocs(writer, structure);
    printExported(writer, structure);
    writer.write(`interface ${text(structure, "name")}`);
    writer.space();
    writer.inlineBlock(() => {
      const properties = list(structure, "properties");
      if (properties === undefined || properties.length === 0) return;
      if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
      properties.forEach((property, index) => {
        writer.conditionalNewLine(index > 0);
        node(writer, () => {
          const shaped = checked(property, PROPERTY_SIGNATURE);
          printDocs(writer, shaped);
          if (shaped.isReadonly) writer.write("readonly ");
          writer.write(text(shaped, "name"));
          if (shaped.hasQuestionToken) writer.write("?");
          printTyped(writer, shaped, ":");
          printInitializer(writer, shaped);
          writer.write(";");
        });
      });
    });
  });
}

/** JSDocStructurePrinter.printDocs: each doc comment, then a line break. */
function printDocs(writer: Writer, structure: Record<string, unknown>): void {
  for (const doc of list(structure, "docs") ?? []) {
    node(writer, () => printDoc(writer, docText(doc)));
    writer.newLine();
  }
}

function printDoc(writer: Writer, docText: string): void {
  const lines = docText.split(/\r?\n/);
  const startIndex = lines[0]!.length === 0 ? 1 : 0;
  const singleLine = lines.length <= 1;
  writer.write("/**");
  if (singleLine) {
    writer.space();
    writer.write(lines[startIndex]);
  } else {
    writer.newLine();
    for (let index = startIndex; index < lines.length; index += 1) {
      writer.write(" *");
      if (lines[index]!.length > 0) writer.write(` ${lines[index]}`);
      writer.newLine();
    }
  }
  writer.spaceIfLastNot();
  writer.write("*/");
}

/** The text of a doc comment before it is laid out: its description, then its tags, as ts-morph writes them. */
function docText(doc: unknown): string {
  if (typeof doc === "string") return doc;
  const structure = checked(doc, JSDOC);
  const writer = new Writer();
  const description = text(structure, "description");
  if (description) writer.write(description);
  const tags = list(structure, "tags");
  if (tags !== undefined && tags.length > 0) {
    if (writer.getLength() > 0) writer.newLine();
    tags.forEach((tag, index) => {
      if (index > 0) writer.newLine();
      node(writer, () => {
        const shaped = checked(tag, JSDOC_TAG);
        const tagName = text(shaped, "tagName");
        const own = text(shaped, "text") ? ownText(text(shaped, "text")!) : "";
        const tagText = `@${tagName}${own.length > 0 && !startsWithNewLine(own) ? " " : ""}${own}`;
        tagText.split(/\r?\n/).forEach((line, at) => {
          if (at > 0) writer.newLine();
          if (line.length > 0) writer.write(line);
        });
      });
    });
  }
  return writer.toString();
}
