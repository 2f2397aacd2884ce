import type { RawField, RawFieldValues, RawRegistry, RawText } from "../load/raw-registry.js";
import type { DataPath } from "../load/yaml-document.js";
import { closestMatch } from "../validate/suggest.js";
import type { PartReporter } from "./part-reporter.js";
import type { CodeEntry, CodeRange, Field, FieldTarget, FieldValue, LocalizedText } from "./registry.js";

/** The model's reporter as the field checks use it: they also count what it has reported. */
export interface FieldReporter extends PartReporter {
  readonly diagnostics: readonly unknown[];
}

/** Resolves a text into every locale at `path`, under the catalog key `key` (the model's `resolveText`). */
export type TextResolver = (value: RawText, path: DataPath, key: string) => LocalizedText;

/** What `resolveFields` needs besides the registry: how texts resolve, and the registries of `code` fields. */
export interface FieldContext {
  readonly raw: RawRegistry;
  readonly reporter: FieldReporter;
  readonly text: TextResolver;
  /**
   * The target of each `code` field, by field index, as the loader found it; `undefined` where it could not be
   * loaded (the loader reported why), so that its values are not checked against nothing.
   */
  readonly targets: ReadonlyMap<number, FieldTarget>;
}

/** Names the info record `get<Type>Info` returns has besides the fields: a field cannot take them. */
export const RECORD_KEYS: readonly string[] = ["code", "name", "range", "status"];

/** The catalog key of a field's text: `fields.hint.label`, `fields.hint.default`, `fields.hint.codes.NotFound`. */
export function fieldTextKey(field: string, ...rest: readonly string[]): string {
  return ["fields", field, ...rest].join(".");
}

/**
 * The declared fields, and every range and code with its field values: a code's own, else the nearest
 * enclosing range's, else the field's default. Reports unknown fields (with a did-you-mean), values of the
 * wrong type, and codes left without a value of a field that has no default, each where it is written.
 */
export function resolveFields(
  context: FieldContext,
  ranges: readonly CodeRange[],
  codes: readonly CodeEntry[],
): { fields: Field[]; ranges: CodeRange[]; codes: CodeEntry[] } {
  const { fields, failed } = resolveDeclarations(context);
  const byName = new Map(fields.map((field) => [field.name, field]));
  const withFields = ranges.map((range, index) => ({
    ...range,
    fields: resolveValues(context, byName, context.raw.ranges?.[index]?.fields, ["ranges", index], `ranges.${range.name}`),
  }));
  const rangeByName = new Map(withFields.map((range) => [range.name, range]));
  const inherited = (rangeName: string | undefined, field: string): FieldValue | undefined => {
    for (
      let range = rangeName === undefined ? undefined : rangeByName.get(rangeName);
      range !== undefined;
      range = range.parent === undefined ? undefined : rangeByName.get(range.parent)
    ) {
      if (Object.hasOwn(range.fields, field)) return range.fields[field];
    }
    return undefined;
  };
  const resolvedCodes = codes.map((entry, index) => {
    const path: DataPath = ["codes", index];
    const own = resolveValues(context, byName, context.raw.codes[index]?.fields, path, `codes.${entry.name}`);
    const values: Record<string, FieldValue> = {};
    const missing: string[] = [];
    for (const field of fields) {
      const value = Object.hasOwn(own, field.name) ? own[field.name] : (inherited(entry.range, field.name) ?? field.default);
      if (value === undefined) missing.push(field.name);
      else values[field.name] = value;
    }
    // A value written but wrong is reported as such; a field whose declaration is broken, at the declaration.
    const written = context.raw.codes[index]?.fields ?? {};
    // A retired code keeps only its number and name: it needs no field values.
    const retired = entry.lifecycle.status === "retired";
    const reportable = retired ? [] : missing.filter((name) => !failed.has(name) && !Object.hasOwn(written, name));
    if (reportable.length > 0) {
      const [list, many] = [reportable.map((name) => `"${name}"`).join(", "), reportable.length > 1];
      context.reporter.error(
        [...path, "name"],
        "missing-field",
        `code ${entry.code} (${entry.name}) has no value for the field${many ? "s" : ""} ${list}, which ${many ? "have" : "has"} no default; give ${many ? "them" : "it"} under \`fields:\` here, in an enclosing range, or as the field's \`default\``,
      );
    }
    return { ...entry, fields: values, ownFields: fields.map((field) => field.name).filter((name) => Object.hasOwn(own, name)) };
  });
  return { fields, ranges: withFields, codes: resolvedCodes };
}

/**
 * The declared fields, and the names of those whose declaration was reported as broken: a code that lacks
 * their value would only repeat that error.
 */
function resolveDeclarations(context: FieldContext): { fields: Field[]; failed: ReadonlySet<string> } {
  const { raw, reporter } = context;
  const failed = new Set<string>();
  const seen = new Map<string, number>();
  const fields = (raw.fields ?? []).map((declared, index): Field => {
    const path: DataPath = ["fields", index];
    const errors = reporter.diagnostics.length;
    const first = seen.get(declared.name);
    if (first !== undefined) {
      // Kept in the list (the errors stop the run) so that the model's fields keep the registry's indexes.
      reporter.errorWithRelated(
        [...path, "name"],
        "duplicate-field",
        [{ path: ["fields", first, "name"], message: "first defined here" }],
        (at) => `duplicate field "${declared.name}"; first defined at ${at}`,
      );
    } else {
      seen.set(declared.name, index);
    }
    if (RECORD_KEYS.includes(declared.name)) {
      reporter.error(
        [...path, "name"],
        "reserved-field",
        `"${declared.name}" is a key of the record get<Type>Info returns (${RECORD_KEYS.join(", ")}); choose another field name`,
      );
    }
    checkDeclarationKeys(context, declared, path);
    const base: Field = {
      name: declared.name,
      type: declared.type,
      values: declared.type === "one-of" ? (declared.values ?? []) : [],
      target: declared.type === "code" ? context.targets.get(index) : undefined,
      default: undefined,
      description: declared.description,
      label:
        declared.label === undefined ? undefined : context.text(declared.label, [...path, "label"], fieldTextKey(declared.name, "label")),
    };
    const field: Field =
      declared.default === undefined
        ? base
        : { ...base, default: checkValue(context, base, declared.default, [...path, "default"], fieldTextKey(declared.name, "default")) };
    if (reporter.diagnostics.length > errors || (declared.type === "code" && field.target === undefined)) failed.add(declared.name);
    return field;
  });
  return { fields, failed };
}

/** `values` belongs to a one-of field and `registry` to a code field, and each of those needs its key. */
function checkDeclarationKeys(context: FieldContext, declared: RawField, path: DataPath): void {
  const { reporter } = context;
  const needs = { values: declared.type === "one-of", registry: declared.type === "code" } as const;
  for (const key of ["values", "registry"] as const) {
    const given = declared[key] !== undefined;
    if (needs[key] && !given) {
      const what =
        key === "values"
          ? "the list of strings its values may be (`values: [low, high]`)"
          : "the registry whose codes its values are (`registry: ./other.yaml`)";
      reporter.error([...path, "type"], "field-declaration", `field "${declared.name}" is of type ${declared.type} and needs ${what}`);
    } else if (!needs[key] && given) {
      const owner = key === "values" ? "one-of" : "code";
      reporter.error(
        [...path, key],
        "field-declaration",
        `\`${key}\` is only for a field of type ${owner}; field "${declared.name}" is of type ${declared.type}: remove it`,
        "key",
      );
    }
  }
}

/** The values written under `fields:` of a code or range, each checked against its field. */
function resolveValues(
  context: FieldContext,
  fields: ReadonlyMap<string, Field>,
  values: RawFieldValues | undefined,
  owner: DataPath,
  ownerKey: string,
): Record<string, FieldValue> {
  const result: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    const path: DataPath = [...owner, "fields", name];
    const field = fields.get(name);
    if (field === undefined) {
      const declared = [...new Set((context.raw.fields ?? []).map((each) => each.name))];
      if (declared.includes(name)) continue;
      const suggestion = closestMatch(name, declared);
      const known =
        declared.length === 0
          ? "the registry declares no fields (add them under `fields:` at the top)"
          : `the registry's fields are ${declared.join(", ")}`;
      context.reporter.error(
        path,
        "unknown-field",
        `unknown field "${name}"${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`} (${known})`,
        "key",
      );
      continue;
    }
    const checked = checkValue(context, field, value, path, fieldTextKey(name, ...ownerKey.split(".")));
    if (checked !== undefined) result[name] = checked;
  }
  return result;
}

/** `a string ("yes")`, `a number (3.5)`, `a list`: what a wrong value is, for messages. */
function describeValue(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value === "number" ? "the number" : "the boolean"} ${String(value)}`;
}

/** A value of `field` checked against its type: the resolved value, or `undefined` after reporting why not. */
function checkValue(context: FieldContext, field: Field, value: unknown, path: DataPath, key: string): FieldValue | undefined {
  const wrong = (expected: string): undefined => {
    context.reporter.error(path, "field-type", `field "${field.name}" is ${expected}; ${describeValue(value)} is not`);
    return undefined;
  };
  switch (field.type) {
    case "boolean":
      return typeof value === "boolean" ? value : wrong("a boolean (true or false)");
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value)
        ? value
        : wrong("an integer (a safe one: at most 2^53 - 1 in magnitude)");
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : wrong("a finite number");
    case "string":
      return typeof value === "string" ? value : wrong("a string");
    case "one-of":
      return checkOneOf(context, field, value, path) ?? undefined;
    case "text":
      return isRawText(value) ? context.text(value, path, key) : wrong("a text (a non-empty string, or a map of locale to string)");
    case "code":
      return checkCode(context, field, value, path);
  }
}

function checkOneOf(context: FieldContext, field: Field, value: unknown, path: DataPath): string | undefined {
  if (typeof value === "string" && field.values.includes(value)) return value;
  const suggestion = typeof value === "string" ? closestMatch(value, field.values) : undefined;
  const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
  context.reporter.error(
    path,
    "field-type",
    `field "${field.name}" is one of ${field.values.map((each) => JSON.stringify(each)).join(", ")}; ${describeValue(value)} is not${hint}`,
  );
  return undefined;
}

function isRawText(value: unknown): value is RawText {
  if (typeof value === "string") return /\S/.test(value);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const texts = Object.values(value);
  return texts.length > 0 && texts.every((text) => typeof text === "string" && /\S/.test(text));
}

/** A code field's value: a code of the target registry, by number or by name; its number is the value. */
function checkCode(context: FieldContext, field: Field, value: unknown, path: DataPath): number | undefined {
  const target = field.target;
  if (typeof value !== "number" && typeof value !== "string") {
    context.reporter.error(
      path,
      "field-type",
      `field "${field.name}" is a code of ${target?.type ?? "another registry"} (its number or its name); ${describeValue(value)} is not`,
    );
    return undefined;
  }
  if (target === undefined) return undefined;
  const found = target.codes.find((entry) => (typeof value === "number" ? entry.code === value : entry.name === value));
  if (found !== undefined) return found.code;
  const candidates = typeof value === "number" ? target.codes.map((entry) => String(entry.code)) : target.codes.map((entry) => entry.name);
  const suggestion = closestMatch(String(value), candidates);
  const named =
    suggestion === undefined ? undefined : target.codes.find((entry) => String(entry.code) === suggestion || entry.name === suggestion);
  const hint = named === undefined ? "" : `; did you mean ${named.code} (${named.name})?`;
  const what = typeof value === "number" ? `code ${value}` : `"${value}"`;
  context.reporter.error(path, "unknown-target-code", `${what} is not a code of ${target.type} (${target.file})${hint}`);
  return undefined;
}
