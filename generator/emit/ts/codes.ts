import type { StatementStructures } from "ts-morph";
import type { Alias, CodeEntry, Registry } from "../../model/registry.js";
import { jsDoc, numericKey, seeTag, stringLiteral } from "./literals.js";
import type { ModuleNames } from "./names.js";
import { constStatement, enumStatement, literal, type Statement } from "./print.js";
import { type SourceRefs, withSource } from "./source-refs.js";
import { deprecationText, statusTags } from "./status-tags.js";
import { StructureKind, VariableDeclarationKind } from "./ts-morph-values.js";

/** The doc comment of a registered code: its source-locale description, its reference and its status. */
function codeDoc(registry: Registry, names: ModuleNames, entry: CodeEntry, refs: SourceRefs) {
  return jsDoc(codeText(registry, entry, refs), [...seeTag(entry.reference, entry.url), ...statusTags(entry, names, registry.codes)]);
}

/** A code's description and the registry line it comes from. */
function codeText(registry: Registry, entry: CodeEntry, refs: SourceRefs): string {
  return withSource(entry.description[registry.sourceLocale]!, refs(registry.origins?.codes.get(entry.name)));
}

/**
 * The codes as an `enum` (or, when `enums` is off, an as-const object and a type of the same name), plus the
 * as-const object and the unions every consumer can use.
 */
export function emitCodeDeclarations(registry: Registry, names: ModuleNames, enums: boolean, refs: SourceRefs): Statement[] {
  const title = registry.title[registry.sourceLocale]!;
  const description = registry.description?.[registry.sourceLocale];
  const typeDoc = jsDoc(withSource(description === undefined ? title : `${title}\n\n${description}`, refs(registry.origins?.type)));
  const statements: Statement[] = [];
  if (enums) {
    statements.push(
      enumStatement({
        name: names.type,
        exported: true,
        docs: typeDoc,
        members: registry.codes.map((entry) => ({ name: entry.name, value: entry.code, docs: codeDoc(registry, names, entry, refs) })),
      }),
    );
  }
  statements.push(
    constStatement({
      name: names.values,
      exported: true,
      docs: jsDoc(enums ? `The codes of {@link ${names.type}} as a plain object, for code that cannot use enums.` : title),
      // Written out so that the module passes `tsc --isolatedDeclarations` (an enum member's type is not inferred).
      ...(enums ? { type: `{ readonly [Name in Exclude<keyof typeof ${names.type}, number>]: (typeof ${names.type})[Name] }` } : {}),
      initializer: literal(
        "object",
        registry.codes.map((entry) => {
          // A deprecated member is marked on the object too: editors strike through what a reader uses.
          const tags = statusTags(entry, names, registry.codes).filter(([tag]) => tag === "deprecated");
          const doc = { doc: codeText(registry, entry, refs), tags };
          if (enums) return { key: entry.name, value: `${names.type}.${entry.name}`, ...(tags.length === 0 ? {} : doc) };
          return { key: entry.name, value: String(entry.code), ...doc };
        }),
        enums ? "" : " as const",
      ),
    }),
  );
  if (!enums) {
    statements.push(
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [typeDoc],
        declarations: [{ name: names.type, type: `typeof ${names.values}`, initializer: names.values }],
      },
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: names.type,
        docs: [jsDoc(`A registered code of ${title}.`)],
        type: `(typeof ${names.values})[keyof typeof ${names.values}]`,
      },
    );
  }
  statements.push(
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.valueType,
      docs: [jsDoc("A registered code as a number literal type.")],
      type: `(typeof ${names.values})[keyof typeof ${names.values}]`,
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.nameType,
      docs: [jsDoc("The name of a registered code.")],
      type: `keyof typeof ${names.values}`,
    },
    ...emitAliases(registry, names, enums, refs),
  );
  return statements;
}

/**
 * An alias's doc comment: a legacy name is `@deprecated` (its note, or what to use instead); another is a second
 * name, deprecated with its code when the code is.
 */
function aliasDoc(alias: Alias, replacement: string, reference: string | undefined, codeDeprecation?: string) {
  if (!alias.deprecated) {
    const text = withSource(alias.note ?? `Another name for ${replacement}.`, reference);
    return jsDoc(text, codeDeprecation === undefined ? [] : [["deprecated", codeDeprecation]]);
  }
  return jsDoc(withSource("Legacy name.", reference), [["deprecated", alias.note ?? `Use ${replacement} instead.`]]);
}

/** Aliases as constants: for a code, equal to its member; for a one-code range, its number. */
function emitAliases(registry: Registry, names: ModuleNames, enums: boolean, refs: SourceRefs): StatementStructures[] {
  const constant = (alias: Alias, initializer: string, replacement: string, type?: string, deprecation?: string): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [aliasDoc(alias, replacement, refs(registry.origins?.aliases.get(alias.name)), deprecation)],
    declarations: [{ name: alias.name, initializer, ...(type === undefined ? {} : { type }) }],
  });
  // An enum member is inlined by bundlers; a property of the as-const object is not (it could be a getter),
  // so without enums an alias is the number itself, typed as the member: an unused alias then keeps nothing
  // else in a bundle (esbuild kept the whole as-const object for an app importing one guard). With enums the
  // type is written out for `tsc --isolatedDeclarations`.
  const codeAlias = (entry: CodeEntry, alias: Alias) => {
    const replacement = `${names.type}.${entry.name} (${entry.code})`;
    const deprecation = deprecationText(entry, names, registry.codes);
    return enums
      ? constant(alias, `${names.type}.${entry.name}`, replacement, `${names.type}.${entry.name}`, deprecation)
      : constant(alias, String(entry.code), replacement, `typeof ${names.values}.${entry.name}`, deprecation);
  };
  return [
    ...registry.codes.flatMap((entry) => entry.aliases.map((alias) => codeAlias(entry, alias))),
    ...registry.ranges.flatMap((range) =>
      range.aliases.map((alias) => constant(alias, String(range.from), `the ${range.name} range: ${range.from} is not a registered code`)),
    ),
  ];
}

/** `getCloseCodeName(code)`: the name of a registered code, from a table keyed by number. */
export function emitNameLookup(registry: Registry, names: ModuleNames): Statement[] {
  const table = names.nameTable;
  return [
    constStatement({
      name: table,
      exported: false,
      type: `{ readonly [code: number]: ${names.nameType} }`,
      initializer: literal(
        "object",
        registry.codes.map((entry) => ({ key: numericKey(entry.code), value: stringLiteral(entry.name) })),
      ),
    }),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.getName,
      docs: [
        jsDoc("The name of a registered code, or `undefined` for any other value.", [
          ["example", `${names.getName}(${registry.codes[0]?.code ?? 0}) // ${stringLiteral(registry.codes[0]?.name ?? "")}`],
        ]),
      ],
      parameters: [{ name: "code", type: "number" }],
      returnType: `${names.nameType} | undefined`,
      statements: [`return ${names.isType}(code) ? ${table}[code] : undefined;`],
    },
  ];
}
