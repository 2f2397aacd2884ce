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
};

/**
 * Turns ajv's errors into located diagnostics: one per problem, pointing at the offending node (an unknown
 * key at the key, a missing key at its parent map), with `anyOf` alternatives folded into one message.
 */
export function mapSchemaErrors(parsed: ParsedYaml, errors: readonly ErrorObject[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  // An `if` only says that its `then` failed; the errors of the `then` itself say what is wrong.
  for (const error of selectErrors(errors.filter((error) => error.keyword !== "if"))) {
    const { path, target, message } = describeError(parsed.data, error);
    const position = locate(parsed, path, target);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ file: parsed.source.file, ...position, code: "schema", message });
  }
  return diagnostics;
}

/**
 * Keeps the errors a person needs. For an `anyOf`, the errors of the branch whose type matches the value
 * are kept; when no branch's type matches, the `anyOf` itself is reported as one type error.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((error) => error.keyword === "anyOf");
  const insideUnion = (error: ErrorObject, union: ErrorObject): boolean =>
    error !== union && error.schemaPath.startsWith(`${union.schemaPath}/`);
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === "anyOf") {
      const branches = errors.filter((other) => insideUnion(other, error));
      const typeMatched = branches.some(
        (other) => !(other.keyword === "type" && other.instancePath === error.instancePath),
      );
      if (!typeMatched || branches.length === 0) kept.push(error);
      continue;
    }
    const union = unions.find((candidate) => insideUnion(error, candidate));
    if (union === undefined) {
      kept.push(error);
      continue;
    }
    // Inside a union: keep only errors of branches whose type check passed at the union's own path.
    const branch = branchOf(error, union);
    const branchTypeFailed = errors.some(
      (other) =>
        other.keyword === "type" &&
        other.instancePath === union.instancePath &&
        branchOf(other, union) === branch &&
        insideUnion(other, union),
    );
    if (!branchTypeFailed) kept.push(error);
  }
  return kept;
}

function branchOf(error: ErrorObject, union: ErrorObject): string {
  return error.schemaPath.slice(union.schemaPath.length + 1).split("/")[0] ?? "";
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

function definitionOf(error: ErrorObject): string | undefined {
  return /#\/\$defs\/(\w+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

function describeError(
  data: unknown,
  error: ErrorObject,
): { path: DataPath; target: "value" | "key"; message: string } {
  const path = toPath(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path, target: "value", message: `missing required key "${String(params.missingProperty)}"` };
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter(
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
      return { path, target: "value", message: `must be ${describeUnion(error)}, not ${typeName(value)}` };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(", ");
      return { path, target: "value", message: `${JSON.stringify(value)} is not allowed here (use one of ${allowed})` };
    }
    case "minItems":
      return { path, target: "value", message: `must have at least ${String(params.limit)} item(s)` };
    case "minProperties":
      return { path, target: "value", message: "must not be empty" };
    default: {
      const definition = definitionOf(error);
      const describe = definition === undefined ? undefined : DEFINITION_MESSAGES[definition];
      if (describe !== undefined) return { path, target: "value", message: describe(value) };
      return { path, target: "value", message: error.message ?? `fails ${error.keyword}` };
    }
  }
}

function describeUnion(error: ErrorObject): string {
  const branches = (error.schema as { $ref?: string; type?: string }[] | undefined) ?? [];
  const words = branches.map((branch) => {
    if (branch.type !== undefined) return TYPE_WORDS[branch.type] ?? branch.type;
    const definition = branch.$ref?.split("/").at(-1);
    if (definition === "pascalName") return "a name";
    if (definition === "aliasName") return "an identifier";
    return "a string";
  });
  const unique = [...new Set(words)];
  const list = unique.length <= 1 ? unique.join("") : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
  return list;
}
