import type { StatementStructures } from "ts-morph";
import type { Field, FieldValue, LocalizedText, Registry } from "../../model/registry.js";
import { messageParts } from "../i18n/message-syntax.js";
import { jsDoc, numericKey, propertyKey, stringLiteral } from "./literals.js";
import { hasFieldType, MAX_CODE_UNION, type ModuleNames } from "./names.js";
import { constStatement, literal, type Statement } from "./print.js";
import { StructureKind } from "./ts-morph-values.js";

/** The parameter a lookup of a localized value takes, as `describe<Type>` takes it. */
const LOCALE_PARAMETER = { name: "locale", type: "string | readonly string[]", hasQuestionToken: true } as const;

/**
 * The fields of a registry that declares any: the type of each one-of and code field's values, a table and a
 * lookup per field (`getAppErrorRetryable(code)`), each reading only its own table so that a bundle keeps only
 * the fields it reads, and the record of every field, `AppErrorInfo`, with its lookup `getAppErrorInfo(code)`.
 */
export function emitFieldLookups(registry: Registry, names: ModuleNames): Statement[] {
  if (registry.fields.length === 0) return [];
  return [
    ...registry.fields.filter(hasFieldType).map((field) => emitFieldType(names, field)),
    emitInfoInterface(registry, names),
    ...registry.fields.flatMap((field) => emitFieldLookup(registry, names, field)),
    emitInfoLookup(registry, names),
  ];
}

/** `AppErrorSeverity`: the strings of a one-of field, or the codes of a code field's registry. */
function emitFieldType(names: ModuleNames, field: Field): StatementStructures {
  const codes = field.target?.codes ?? [];
  const union =
    field.type === "one-of"
      ? field.values.map(stringLiteral)
      : codes.length <= MAX_CODE_UNION
        ? codes.map((entry) => String(entry.code))
        : ["number"];
  const what =
    field.type === "one-of"
      ? `A value of the field ${field.name}.`
      : `A code of ${field.target!.type} (the registry ${field.target!.id}), the values of the field ${field.name}${union[0] === "number" ? `: a number, as the registry has more than ${MAX_CODE_UNION} codes` : ""}.`;
  return { kind: StructureKind.TypeAlias, isExported: true, name: names.fieldType(field), docs: [jsDoc(what)], type: union.join(" | ") };
}

/** The TypeScript type of a field's values. */
function valueType(names: ModuleNames, field: Field): string {
  if (hasFieldType(field)) return names.fieldType(field);
  return field.type === "boolean" ? "boolean" : field.type === "text" || field.type === "string" ? "string" : "number";
}

/** What a field says, for its doc comments: its description, or its name and type. */
function fieldSummary(field: Field): string {
  return field.description ?? `The field ${field.name} (${field.type}).`;
}

function emitInfoInterface(registry: Registry, names: ModuleNames): StatementStructures {
  const text = registry.fields.some((field) => field.type === "text") ? " Text fields are in the locale the lookup was asked for." : "";
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: names.infoType,
    docs: [jsDoc(`A registered code with its name, its range and the value of every field.${text}`)],
    properties: [
      { name: "code", isReadonly: true, type: names.type },
      { name: "name", isReadonly: true, type: names.nameType },
      ...(registry.ranges.length === 0
        ? []
        : [
            {
              name: "range",
              isReadonly: true,
              type: `${names.rangeNameType} | undefined`,
              docs: [jsDoc("The innermost declared range that holds the code.")],
            },
          ]),
      {
        name: "status",
        isReadonly: true,
        type: '"active" | "deprecated"',
        docs: [jsDoc("The code's lifecycle status (a retired code is not registered: it has no record).")],
      },
      ...registry.fields.map((field) => ({
        name: propertyKey(field.name),
        isReadonly: true,
        type: valueType(names, field),
        docs: [jsDoc(fieldSummary(field))],
      })),
    ],
  };
}

/** A value as code: a text field's value is a map of every locale's text. */
function valueLiteral(registry: Registry, field: Field, value: FieldValue): string {
  if (field.type !== "text") return typeof value === "string" ? stringLiteral(value) : String(value);
  const texts = value as LocalizedText;
  return `{ ${registry.locales.map((locale) => `${propertyKey(locale)}: ${stringLiteral(plainText(registry, texts[locale]!))}`).join(", ")} }`;
}

/** A field's text as the module returns it: an ICU registry's text with its quoting resolved (it has no placeholders). */
function plainText(registry: Registry, text: string): string {
  return messageParts(registry, text)
    .map((part) => (typeof part === "string" ? part : `{${part.argument}}`))
    .join("");
}

/** A value as a doc comment shows it: a text in the source locale. */
function exampleValue(registry: Registry, field: Field, value: FieldValue): string {
  return field.type === "text"
    ? stringLiteral(plainText(registry, (value as LocalizedText)[registry.sourceLocale]!))
    : valueLiteral(registry, field, value);
}

function emitFieldLookup(registry: Registry, names: ModuleNames, field: Field): Statement[] {
  const table = names.fieldTable(field);
  const type = valueType(names, field);
  const text = field.type === "text";
  const first = registry.codes[0];
  const example: [string, string][] =
    first === undefined
      ? []
      : [["example", `${names.fieldLookup(field)}(${first.code}) // ${exampleValue(registry, field, first.fields[field.name]!)}`]];
  const read = text
    ? `${table}[code]?.[locale === undefined ? ${stringLiteral(registry.sourceLocale)} : ${names.resolveLocale}(locale)]`
    : `${table}[code]`;
  return [
    constStatement({
      name: table,
      exported: false,
      type: `{ readonly [code: number]: ${text ? `{ readonly [Locale in ${names.localeType}]: string }` : type} }`,
      initializer: literal(
        "object",
        registry.codes.map((entry) => ({ key: numericKey(entry.code), value: valueLiteral(registry, field, entry.fields[field.name]!) })),
      ),
    }),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.fieldLookup(field),
      docs: [
        jsDoc(
          `${fieldSummary(field)} The value of a registered code${text ? " in the best supported locale for `locale`" : ""}, or \`undefined\` for any other value.`,
          example,
        ),
      ],
      parameters: [{ name: "code", type: "number" }, ...(text ? [LOCALE_PARAMETER] : [])],
      returnType: `${type} | undefined`,
      statements: [`return ${read};`],
    },
  ];
}

/** The record's status: "active", or a test of the deprecated codes. */
function statusExpression(registry: Registry): string {
  const deprecated = registry.codes.filter((entry) => entry.lifecycle.status === "deprecated").map((entry) => `code === ${entry.code}`);
  return deprecated.length === 0 ? '"active"' : `${deprecated.join(" || ")} ? "deprecated" : "active"`;
}

function emitInfoLookup(registry: Registry, names: ModuleNames): StatementStructures {
  const text = registry.fields.some((field) => field.type === "text");
  const properties = [
    "code",
    `name: ${names.getName}(code)!`,
    ...(registry.ranges.length === 0 ? [] : [`range: ${names.getRange}(code)?.name`]),
    `status: ${statusExpression(registry)}`,
    ...registry.fields.map(
      (field) => `${propertyKey(field.name)}: ${names.fieldLookup(field)}(code${field.type === "text" ? ", locale" : ""})!`,
    ),
  ];
  const first = registry.codes[0];
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: names.getInfo,
    docs: [
      jsDoc(
        `A registered code with its name${registry.ranges.length === 0 ? "" : ", its range"} and every field${text ? " (texts in the best supported locale for `locale`)" : ""}, or \`undefined\` for any other value. Each call returns a new record; to keep one field's table out of a bundle, use its own lookup.`,
        first === undefined ? [] : [["example", `${names.getInfo}(${first.code})?.${registry.fields[0]!.name}`]],
      ),
    ],
    parameters: [{ name: "code", type: "number" }, ...(text ? [LOCALE_PARAMETER] : [])],
    returnType: `${names.infoType} | undefined`,
    statements: [
      `if (!${names.isType}(code)) return undefined;`,
      `return {\n${properties.map((property) => `    ${property},`).join("\n")}\n};`,
    ],
  };
}
