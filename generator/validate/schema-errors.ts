import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import { locate, type DataPath, type ParsedYaml } from "../load/yaml-document.js";

/** Messages for values checked against a named definition, keyed by the `$defs` entry they fail. */
const DEFINITION_MESSAGES: Readonly<Record<string, (value: unknown) => string>> = {
  pascalName: (value) =>
    `${JSON.stringify(value)} is not a valid name: use an identifier that starts with an uppercase letter, such as NormalClosure or URITooLong`,
  aliasName: (value) => `${JSON.stringify(value)} is not a valid alias: use a JavaScript identifier such as CLOSE_NORMAL`,
  localeTag: (value) =>
    `${JSON.stringify(value)} is not a valid locale tag: use a BCP 47 tag in canonical case, such as en, de, zh-CN or pt-BR`,
  nonEmptyString: () => "text must not be empty",
  url: (value) => `${JSON.stringify(value)} is not an http(s) URL`,
  fingerprint: (value) =>
    `${JSON.stringify(value)} is not a source fingerprint (8 hexadecimal digits); let \`codebook i18n --stamp LOCALE\` write it`,
};

/**
 * Turns ajv's errors into located diagnostics: one per problem, pointing at the offending node (an unknown
 * key at the key, a missing key at its parent map), with `anyOf` alternatives folded into one message.
 */
export function mapSchemaErrors(parsed: ParsedYaml, errors: readonly ErrorObject[], schema: object): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of selectErrors(errors)) {
    const { path, target, message } = describeError(parsed.data, error, schema);
    const position = locate(parsed, path, target);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ file: parsed.source.file, ...position, code: "schema", message });
  }
  return diagnostics;
}

/**
 * Keeps the errors a person needs. ajv reports a failed `anyOf` as the errors of every branch followed by the
 * `anyOf` itself. When the value's type fits some branch, that branch's errors are the useful ones (a bad
 * pattern, a missing key); when it fits none, one "must be X or Y" message says it all.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  errors.forEach((error, index) => {
    if (error.keyword !== "anyOf") return;
    const branches = branchErrorsBefore(errors, index);
    const typeMismatches = branches.filter((other) => other.keyword === "type" && other.instancePath === error.instancePath);
    if (typeMismatches.length === branches.length) {
      for (const other of branches) dropped.add(other);
    } else {
      dropped.add(error);
      for (const other of typeMismatches) dropped.add(other);
    }
  });
  // A key's own failure (it carries `propertyName`) says more than the `propertyNames` summary: keep only it.
  for (const error of errors) {
    if (error.keyword !== "propertyNames") continue;
    const params = error.params as { propertyName?: string };
    if (errors.some((other) => other.propertyName === params.propertyName && other.instancePath === error.instancePath)) dropped.add(error);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** The errors ajv recorded for the branches of the `anyOf` at `index`: the run just before it, at or below its path. */
function branchErrorsBefore(errors: readonly ErrorObject[], index: number): ErrorObject[] {
  const union = errors[index]!;
  const inside = (other: ErrorObject) =>
    other.instancePath === union.instancePath || other.instancePath.startsWith(`${union.instancePath}/`);
  let first = index;
  while (first > 0 && inside(errors[first - 1]!)) first -= 1;
  return errors.slice(first, index);
}

function toPath(instancePath: string): (string | number)[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a non-integer number";
  return `a ${typeof value}`;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  object: "a map",
  array: "a list",
  boolean: "true or false",
};

/**
 * The `$defs` entry a failed keyword belongs to, found by its pattern (ajv's `schemaPath` is relative to the
 * referenced definition, and inlined definitions lose their name, but their patterns are unique).
 */
function definitionOf(error: ErrorObject, schema: object): string | undefined {
  const pattern = (error.parentSchema as { pattern?: string } | undefined)?.pattern;
  const definitions = (schema as { $defs?: Record<string, { pattern?: string }> }).$defs ?? {};
  if (pattern !== undefined) {
    const found = Object.entries(definitions).find(([, definition]) => definition.pattern === pattern);
    if (found !== undefined) return found[0];
  }
  return /#\/\$defs\/(\w+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

function describeError(
  data: unknown,
  error: ErrorObject,
  schema: object,
): { path: DataPath; target: "value" | "key"; message: string } {
  const path = toPath(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    const describe = DEFINITION_MESSAGES[definitionOf(error, schema) ?? ""];
    const message = describe?.(error.propertyName) ?? `key ${JSON.stringify(error.propertyName)} ${error.message ?? "is not allowed"}`;
    return { path: [...path, error.propertyName], target: "key", message };
  }
  switch (error.keyword) {
    case "required":
      return { path, target: "value", message: `missing required key "${String(params.missingProperty)}"` };
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter(
        (name) => name !== "$schema",
      );
      return {
        path: [...path, key],
        target: "key",
        message: `unknown key "${key}"${allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : ""}`,
      };
    }
    case "propertyNames": {
      const key = String(params.propertyName);
      return { path: [...path, key], target: "key", message: DEFINITION_MESSAGES.localeTag!(key) };
    }
    case "type": {
      const expected = String(params.type).split(",").map((type) => TYPE_WORDS[type] ?? type);
      return { path, target: "value", message: `must be ${expected.join(" or ")}, not ${typeName(value)}` };
    }
    case "anyOf":
      return { path, target: "value", message: `must be ${describeUnion(error.schema, schema)}, not ${typeName(value)}` };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(", ");
      return { path, target: "value", message: `${JSON.stringify(value)} is not allowed here (use one of ${allowed})` };
    }
    case "minItems":
      return { path, target: "value", message: `must have at least ${String(params.limit)} item(s)` };
    case "minProperties":
      return { path, target: "value", message: "must not be empty" };
    default: {
      const definition = definitionOf(error, schema);
      const describe = definition === undefined ? undefined : DEFINITION_MESSAGES[definition];
      if (describe !== undefined) return { path, target: "value", message: describe(value) };
      return { path, target: "value", message: error.message ?? `fails ${error.keyword}` };
    }
  }
}

function describeUnion(branchSchemas: unknown, schema: object): string {
  const definitions = (schema as { $defs?: Record<string, { type?: string }> }).$defs ?? {};
  const branches = (Array.isArray(branchSchemas) ? (branchSchemas as { $ref?: string; type?: string }[]) : []).map(
    (branch) => (branch.$ref === undefined ? branch : { ...definitions[branch.$ref.split("/").at(-1)!], $ref: branch.$ref }),
  );
  const words = branches.map((branch) => {
    const definition = branch.$ref?.split("/").at(-1);
    if (definition === "pascalName") return "a name";
    if (definition === "aliasName") return "an identifier";
    return branch.type === undefined ? "a value" : (TYPE_WORDS[branch.type] ?? branch.type);
  });
  const unique = [...new Set(words)];
  const list = unique.length <= 1 ? unique.join("") : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
  return list;
}
