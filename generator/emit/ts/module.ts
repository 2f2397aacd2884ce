import type { SourceFileStructure } from "ts-morph";
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
 * every locale. Built from ts-morph structures and printed once, straight to text: no project, and no
 * parse of the printed text into a syntax tree that nothing would read (4 s for 10,000 codes).
 */
export function emitTypeScriptModule(registry: Registry, context: EmitContext, options: TypeScriptOptions): GeneratedFile {
  const names = moduleNames(registry);
  const structure: SourceFileStructure = {
    kind: StructureKind.SourceFile,
    leadingTrivia: `// ${generatedNotice(registry, context)}\n\n`,
    statements: separated([
      ...emitCodeDeclarations(registry, names, options.enums),
      emitTypeGuard(registry, names),
      ...emitNameLookup(registry, names),
      ...emitSetGuards(registry, names),
      ...emitRanges(registry, names),
      ...emitDescribe(registry, names),
    ]),
  };
  const contents = printStructure(structure, { indentNumberOfSpaces: 4, newLine: "\n", useSingleQuote: false });
  return { path: `${registry.id}.ts`, contents };
}

/** A blank line between top-level statements, whatever their kind (ts-morph adds one only after some kinds). */
function separated(statements: readonly Statement[]): Statement[] {
  return statements.map((statement, index): Statement => {
    if (index === 0) return statement;
    if (typeof statement === "function") {
      return (writer) => {
        writer.blankLineIfLastNot();
        statement(writer);
      };
    }
    return { ...statement, leadingTrivia: (writer) => writer.blankLineIfLastNot() };
  });
}
