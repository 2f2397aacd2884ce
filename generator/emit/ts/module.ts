import type { StatementStructures } from "ts-morph";
import type { Registry } from "../../model/registry.js";
import { generatedNotice } from "../header.js";
import type { EmitContext, GeneratedFile } from "../types.js";
import { emitCodeDeclarations, emitNameLookup } from "./codes.js";
import { declarationOrigins } from "./declaration-map.js";
import { emitDescribe } from "./describe.js";
import { emitDocUrlLookup } from "./doc-urls.js";
import { emitFieldLookups } from "./field-lookups.js";
import { transpileModule } from "./javascript.js";
import { moduleNames } from "./names.js";
import type { Statement } from "./print.js";
import { emitRanges } from "./ranges.js";
import { sourceRefs } from "./source-refs.js";
import { printStructure, StructureKind } from "./ts-morph-values.js";
import { emitSetGuards, emitTypeGuard } from "./type-guards.js";

/**
 * `<id>.ts`: a self-contained module (no imports) with the codes, their guards and lookups, and the texts of
 * every locale. Built from ts-morph structures and printed straight to text, statement by statement, with a
 * blank line between statements: no project, and no parse of the printed text into a syntax tree that
 * nothing would read (4 s for 10,000 codes). Statements that are mostly data come as finished text.
 */
export function emitTypeScriptModule(model: Registry, context: EmitContext): GeneratedFile {
  const registry = withOrigins(model);
  const names = moduleNames(registry);
  const refs = sourceRefs(context);
  const statements: Statement[] = [
    ...emitCodeDeclarations(registry, names, context.enums, refs),
    ...emitTypeGuard(registry, names, refs),
    ...emitNameLookup(registry, names),
    ...emitDocUrlLookup(registry, names),
    ...emitSetGuards(registry, names, context.enums, refs),
    ...emitRanges(registry, names),
    ...emitFieldLookups(registry, names),
    ...emitDescribe(registry, names, refs),
  ];
  const printed = statements.map((statement) => (typeof statement === "string" ? statement : printStatement(statement)));
  return { path: `${registry.id}.ts`, contents: `// ${generatedNotice(registry, context)}\n\n${printed.join("\n")}` };
}

/**
 * The TypeScript target: `<id>.ts`, or with `emit: "js"` the module compiled to `<id>.js` (in the `module` format),
 * `<id>.d.ts` and its declaration map `<id>.d.ts.map` into the registry files. Without `enums`, an as-const object
 * and a type of the same name take the enum's place, so the module is erasable syntax only
 * (`tsc --erasableSyntaxOnly`, Node's type stripping).
 */
export function emitTypeScript(registry: Registry, context: EmitContext): GeneratedFile[] {
  const module = emitTypeScriptModule(registry, context);
  if (context.emit === "ts") return [module];
  const origins = declarationOrigins(withOrigins(registry));
  return transpileModule(module, context.module, origins === undefined ? undefined : { outDir: context.outDir, origins });
}

/** The registry with the registry lines its doc comments and declaration map name, worked out now if need be. */
function withOrigins(registry: Registry): Registry {
  if (registry.origins !== undefined || registry.locateOrigins === undefined) return registry;
  return { ...registry, origins: registry.locateOrigins() };
}

function printStatement(statement: StatementStructures): string {
  return printStructure(
    { kind: StructureKind.SourceFile, statements: [statement] },
    { indentNumberOfSpaces: 4, newLine: "\n", useSingleQuote: false },
  );
}
