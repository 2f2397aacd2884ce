import type { ts as TypeScript } from "ts-morph";
import { ts } from "./ts-morph-values.js";

/**
 * A transformer for the JavaScript of a generated module (the declaration file never sees it) that writes each
 * `enum` as the object literal it evaluates to, and every `Enum.Member` read as the member's number.
 *
 * tsc writes an enum as `var E; (function (E) { E[E["A"] = 1] = "A"; })(E || (E = {}));`: a call at the top
 * level, which no bundler may drop, so an app that imports one guard carries the enum, and everything that reads
 * it, along. The literal `{ A: 1, 1: "A" }` holds the same keys, values and (being written in the order tsc
 * assigns them) key order, and has no side effect. A member read such as `E.A` in `const X = E.A` is inlined
 * because esbuild counts any property read as a possible side effect (a getter) and would keep the enum for it.
 */
export function inlineEnums(checker: TypeScript.TypeChecker): TypeScript.TransformerFactory<TypeScript.SourceFile> {
  return (context) => (file) => {
    const enums = new Map<TypeScript.Symbol, Map<string, number>>();
    for (const statement of file.statements) {
      if (!ts.isEnumDeclaration(statement)) continue;
      const symbol = checker.getSymbolAtLocation(statement.name);
      if (symbol !== undefined) enums.set(symbol, memberValues(statement, checker));
    }
    const visit = (node: TypeScript.Node): TypeScript.Node => {
      if (ts.isEnumDeclaration(node)) return enumObject(node, enums, checker, context.factory);
      const value = ts.isPropertyAccessExpression(node) ? memberRead(node, enums, checker) : undefined;
      if (value !== undefined) return numberLiteral(value, context.factory);
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(file, visit, context);
  };
}

/** The number of every member, as the checker computes it (every generated member has a literal initializer). */
function memberValues(declaration: TypeScript.EnumDeclaration, checker: TypeScript.TypeChecker): Map<string, number> {
  const values = new Map<string, number>();
  for (const member of declaration.members) {
    const value = checker.getConstantValue(member);
    if (typeof value !== "number") throw new Error(`codebook: enum member ${member.name.getText()} has no number value`);
    values.set(memberName(member), value);
  }
  return values;
}

function memberName(member: TypeScript.EnumMember): string {
  if (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) return member.name.text;
  throw new Error(`codebook: enum member ${member.name.getText()} has a computed name`);
}

/** The number that `Enum.Member` reads, when `Enum` is an enum of this file. */
function memberRead(
  node: TypeScript.PropertyAccessExpression,
  enums: ReadonlyMap<TypeScript.Symbol, ReadonlyMap<string, number>>,
  checker: TypeScript.TypeChecker,
): number | undefined {
  const symbol = checker.getSymbolAtLocation(node.expression);
  return symbol === undefined ? undefined : enums.get(symbol)?.get(node.name.text);
}

/** `export const E = { A: 1, 1: "A", ... };`, keeping the enum's comments and each member's. */
function enumObject(
  declaration: TypeScript.EnumDeclaration,
  enums: ReadonlyMap<TypeScript.Symbol, ReadonlyMap<string, number>>,
  checker: TypeScript.TypeChecker,
  factory: TypeScript.NodeFactory,
): TypeScript.Statement {
  const symbol = checker.getSymbolAtLocation(declaration.name);
  const values = symbol === undefined ? undefined : enums.get(symbol);
  if (values === undefined) throw new Error(`codebook: enum ${declaration.name.text} is not declared at the top level`);
  const properties = declaration.members.flatMap((member) => {
    const name = memberName(member);
    const value = values.get(name)!;
    // The member's own comment goes with its name; the reverse mapping after it has none.
    const forward = ts.setTextRange(
      factory.createPropertyAssignment(factory.createIdentifier(name), numberLiteral(value, factory)),
      member,
    );
    const reverse = factory.createPropertyAssignment(numericKey(value, factory), factory.createStringLiteral(name));
    return [forward, reverse];
  });
  const modifiers = (declaration.modifiers ?? []).filter((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const statement = factory.createVariableStatement(
    modifiers,
    factory.createVariableDeclarationList(
      [
        factory.createVariableDeclaration(
          declaration.name.text,
          undefined,
          undefined,
          factory.createObjectLiteralExpression(properties, true),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  return ts.setTextRange(statement, declaration);
}

function numberLiteral(value: number, factory: TypeScript.NodeFactory): TypeScript.Expression {
  return value < 0
    ? factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, factory.createNumericLiteral(-value))
    : factory.createNumericLiteral(value);
}

/** The key of a reverse mapping: `1000`, or `"-1"` (a numeric literal key cannot be negative). */
function numericKey(value: number, factory: TypeScript.NodeFactory): TypeScript.PropertyName {
  return value < 0 ? factory.createStringLiteral(String(value)) : factory.createNumericLiteral(value);
}
