import path from "node:path";
import type { ts as TypeScript } from "ts-morph";
import type { Registry, SourceOrigin } from "../../model/registry.js";
import { moduleNames } from "./names.js";
import { ts } from "./ts-morph-values.js";

/** What each declaration of a generated module comes from: its top-level names, and the members of the codes. */
export interface DeclarationOrigins {
  readonly declarations: ReadonlyMap<string, SourceOrigin>;
  /** The members of the enum (or as-const object) of the codes, by name. */
  readonly members: ReadonlyMap<string, SourceOrigin>;
}

/**
 * The origins of the declarations a declaration map points back to: the type, its unions, guard and name lookup →
 * the registry's `type`; each set's guard and union → its set; each alias → its alias; each locale's catalog → its locale
 * file; each member → its code. `undefined` for a registry built in memory, which has no file to point to.
 */
export function declarationOrigins(registry: Registry): DeclarationOrigins | undefined {
  const { origins } = registry;
  if (origins === undefined) return undefined;
  const names = moduleNames(registry);
  const declarations = new Map<string, SourceOrigin>();
  for (const name of [names.type, names.values, names.valueType, names.nameType, names.isType, names.getName])
    declarations.set(name, origins.type);
  for (const set of registry.sets) {
    const origin = origins.sets.get(set.name);
    if (origin === undefined) continue;
    declarations.set(names.setGuard(set), origin);
    declarations.set(names.setType(set), origin);
  }
  for (const [alias, origin] of origins.aliases) declarations.set(alias, origin);
  for (const [locale, origin] of origins.locales) declarations.set(names.catalogFor(locale), origin);
  return { declarations, members: origins.codes };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One number as a source map's base64 VLQ: sign in the lowest bit, five bits a digit, lowest first. */
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = "";
  do {
    const digit = rest & 31;
    rest >>>= 5;
    text += BASE64[rest > 0 ? digit | 32 : digit];
  } while (rest > 0);
  return text;
}

/** A position in the declaration file (0-based line and UTF-16 column) and the origin it maps to. */
interface Mapping {
  readonly line: number;
  readonly column: number;
  readonly origin: SourceOrigin;
}

/** The name of every declaration (and member of the codes) in a declaration file, where it is, with its origin. */
function findMappings(declarationFile: string, origins: DeclarationOrigins): Mapping[] {
  const source = ts.createSourceFile("module.d.ts", declarationFile, ts.ScriptTarget.ES2022, true);
  const mappings: Mapping[] = [];
  // The name's end maps to the same place as its start, so that the span an editor shows is the name's start
  // in the registry rather than running on to the next mapping.
  const add = (name: TypeScript.Node, origin: SourceOrigin | undefined): void => {
    if (origin === undefined) return;
    for (const position of [name.getStart(source), name.getEnd()]) {
      const { line, character } = source.getLineAndCharacterOfPosition(position);
      mappings.push({ line, column: character, origin });
    }
  };
  const addMembers = (members: readonly (TypeScript.TypeElement | TypeScript.EnumMember)[]): void => {
    for (const member of members)
      if (member.name !== undefined && ts.isIdentifier(member.name)) add(member.name, origins.members.get(member.name.text));
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        add(declaration.name, origins.declarations.get(declaration.name.text));
        if (declaration.type !== undefined && ts.isTypeLiteralNode(declaration.type)) addMembers(declaration.type.members);
      }
    } else if (ts.isEnumDeclaration(statement)) {
      add(statement.name, origins.declarations.get(statement.name.text));
      addMembers(statement.members);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      add(statement.name, origins.declarations.get(statement.name.text));
    }
  }
  return mappings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Source map `mappings`: one group per generated line, each segment relative to the one before it. */
function encodeMappings(mappings: readonly Mapping[], sourceIndex: ReadonlyMap<string, number>): string {
  const lines: string[][] = [];
  let previous = { source: 0, line: 0, column: 0 };
  let lastLine = -1;
  let lastColumn = 0;
  for (const { line, column, origin } of mappings) {
    if (line !== lastLine) lastColumn = 0;
    lastLine = line;
    const here = { source: sourceIndex.get(origin.path)!, line: origin.line - 1, column: origin.column - 1 };
    const segments = lines[line] ?? [];
    lines[line] = segments;
    segments.push(
      vlq(column - lastColumn) + vlq(here.source - previous.source) + vlq(here.line - previous.line) + vlq(here.column - previous.column),
    );
    lastColumn = column;
    previous = here;
  }
  return Array.from(lines, (segments) => (segments ?? []).join(",")).join(";");
}

/**
 * The declaration map of `<stem>.d.ts`, whose sources are the registry files themselves: "go to definition" on a
 * member, alias, guard or catalog lands on its line in the YAML. Sources are relative to the output folder (the
 * map sits beside the declaration file), so the map is the same on every machine.
 */
export function emitDeclarationMap(declarationFile: string, declarationPath: string, outDir: string, origins: DeclarationOrigins): string {
  const mappings = findMappings(declarationFile, origins);
  const files = [...new Set(mappings.map((mapping) => mapping.origin.path))].sort();
  const sourceIndex = new Map(files.map((file, index) => [file, index]));
  const sources = files.map((file) =>
    path
      .relative(path.join(outDir, path.dirname(declarationPath)), file)
      .split(path.sep)
      .join("/"),
  );
  const map = {
    version: 3,
    file: path.posix.basename(declarationPath),
    sourceRoot: "",
    sources,
    names: [],
    mappings: encodeMappings(mappings, sourceIndex),
  };
  return `${JSON.stringify(map)}\n`;
}
