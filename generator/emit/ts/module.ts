import type { StatementStructures } from "ts-morph";
import type { Registry } from "../../model/registry.js";
import { generatedNotice, type EmitContext, type GeneratedFile } from "../header.js";
import type { Statement } from "./builders.js";
import { emitCodeDeclarations, emitNameLookup } from "./codes.js";
import { emitDescribe } from "./describe.js";
import { moduleNames } from "./names.js";
import { emitRanges } from "./ranges.js";
import { emitSetGuards, emitTypeGuard } from "./type-guards.js";
import { printStructure, StructureKind } from "./ts-morph-values.js";

/** Options of the TypeScript module. */
export interface TypeScriptOptions {
  /**
   * Emit a TypeScript `enum`. When off, an as-const object and a type of the same name take its place, so the
   * module is erasable syntax only (`tsc --erasableSyntaxOnly`, Node's type stripping).
   * @default true
   */
  readonly enums: boolean;
}

/**
 * `<id>.ts`: a self-contained module (no imports) with the codes, their guards and lookups, and the texts of
 * every locale. Built from ts-morph structures and printed straight to text, statement by statement, with a
 * blank line between statements: no project, and no parse of the printed text into a syntax tree that
 * nothing would read (4 s for 10,000 codes). Statements that are mostly data come as finished text.
 */
export function emitTypeScriptModule(registry: Registry, context: EmitContext, options: TypeScriptOptions): GeneratedFile {
  const names = moduleNames(registry);
  const statements: Statement[] = [
    ...emitCodeDeclarations(registry, names, options.enums),
    ...emitTypeGuard(registry, names),
    ...emitNameLookup(registry, names),
    ...emitSetGuards(registry, names),
    ...emitRanges(registry, names),
    ...emitDescribe(registry, names),
  ];
  const printed = statements.map((statement) => (typeof statement === "string" ? statement : printStatement(statement)));
  return { path: `${registry.id}.ts`, contents: `// ${generatedNotice(registry, context)}\n\n${printed.join("\n")}` };
}

function printStatement(statement: StatementStructures): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: [statement] }, { indentNumberOfSpaces: 4, newLine: "\n", useSingleQuote: false });
}
