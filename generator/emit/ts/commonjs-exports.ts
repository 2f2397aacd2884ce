import type { ts as TypeScript } from "ts-morph";
import { ts } from "./ts-morph-values.js";

/**
 * A transformer, run on the JavaScript of a self-contained ES module (no imports), that makes it a CommonJS
 * module: each `export function f` or `export const x = ...` loses its `export` and is followed by
 * `exports.f = f;`, and the module starts with `"use strict"` (an ES module's mode).
 *
 * tsc's own CommonJS output is not used because no bundler can drop its unused exports: it hands `exports` to
 * `Object.defineProperty` (the `__esModule` marker) and reads exported constants back as `exports.x`, and
 * either makes @rollup/plugin-commonjs keep the whole module. Plain `exports.x = x` assignments after local
 * declarations are what the plugin (with `strictRequires: "auto"`) turns back into ES exports, and what Node's
 * cjs-module-lexer reads as named exports for an `import { x }` of the file. Without the marker, a default
 * import of the file by an ES module gives the exports object, as Node does; the module has no default export.
 */
export const commonJsExports: TypeScript.TransformerFactory<TypeScript.SourceFile> = (context) => (file) => {
  const { factory } = context;
  const statements: TypeScript.Statement[] = [factory.createExpressionStatement(factory.createStringLiteral("use strict"))];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      throw new Error("codebook: a generated module to write as CommonJS must export only its own declarations");
    }
    const names = exportedNames(statement);
    if (names.length === 0) {
      statements.push(statement);
      continue;
    }
    statements.push(withoutExport(statement, factory), ...names.map((name) => exportAssignment(name, factory)));
  }
  return factory.updateSourceFile(file, statements);
};

/** The names a top-level `export function` or `export const` statement declares; none for other statements. */
function exportedNames(statement: TypeScript.Statement): string[] {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) !== true) return [];
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) {
    throw new Error("codebook: a generated module to write as CommonJS has no default export");
  }
  if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) return [statement.name.text];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map((declaration) => {
      if (!ts.isIdentifier(declaration.name)) throw new Error("codebook: an exported binding pattern cannot be written as CommonJS");
      return declaration.name.text;
    });
  }
  throw new Error(`codebook: cannot write an exported ${ts.SyntaxKind[statement.kind]} as CommonJS`);
}

/** The statement without its `export` keyword, keeping its comments and layout. */
function withoutExport(statement: TypeScript.Statement, factory: TypeScript.NodeFactory): TypeScript.Statement {
  const modifiers = ts
    .getModifiers(statement as TypeScript.HasModifiers)
    ?.filter((modifier) => modifier.kind !== ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(statement)) {
    return factory.updateFunctionDeclaration(
      statement,
      modifiers,
      statement.asteriskToken,
      statement.name,
      statement.typeParameters,
      statement.parameters,
      statement.type,
      statement.body,
    );
  }
  return factory.updateVariableStatement(
    statement as TypeScript.VariableStatement,
    modifiers,
    (statement as TypeScript.VariableStatement).declarationList,
  );
}

/** `exports.name = name;` */
function exportAssignment(name: string, factory: TypeScript.NodeFactory): TypeScript.Statement {
  return factory.createExpressionStatement(
    factory.createAssignment(
      factory.createPropertyAccessExpression(factory.createIdentifier("exports"), name),
      factory.createIdentifier(name),
    ),
  );
}
