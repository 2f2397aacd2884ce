import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/index.js";
import { type DataPath, locate, type ParsedYaml } from "../load/yaml-document.js";
import { RESERVED_WORDS } from "./identifiers.js";
import { closestMatch } from "./suggest.js";

const PASCAL_NAME = /^[A-Z][A-Za-z0-9]*$/;
const PASCAL_RULE = "names are PascalCase identifiers (an uppercase letter, then letters and digits), such as NormalClosure or URITooLong";

/** `"class" is a reserved word`, `"Not-A-Name" is not a valid name`, with a suggestion when one is obvious. */
function describeName(value: unknown): string {
  const text = String(value);
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  const hint = PASCAL_NAME.test(capitalized) ? `; did you mean "${capitalized}"?` : "";
  if (text === "") return `name must not be empty: ${PASCAL_RULE}`;
  if (RESERVED_WORDS.has(text)) return `${JSON.stringify(text)} is a reserved word and cannot be a name: ${PASCAL_RULE}${hint}`;
  return `${JSON.stringify(text)} is not a valid name: ${PASCAL_RULE}${hint}`;
}

const UPPER_SNAKE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const UPPER_SNAKE_RULE =
  "with `nameStyle: UPPER_SNAKE`, code and range names are uppercase words joined by single underscores, such as DEADLINE_EXCEEDED";

/** A name that breaks `nameStyle: UPPER_SNAKE`, with its UPPER_SNAKE form when one comes out (`DeadlineExceeded` → `DEADLINE_EXCEEDED`). */
function describeUpperSnakeName(value: unknown): string {
  const text = String(value);
  const snake = text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();
  const hint = UPPER_SNAKE_NAME.test(snake) && snake !== text ? `; did you mean "${snake}"?` : "";
  return `${JSON.stringify(text)} is not a valid name: ${UPPER_SNAKE_RULE}${hint}`;
}

/** The canonical form of a tag written in the wrong case or with `_` (`en_us` → `en-US`), when it is one codebook accepts. */
function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.replace(/_/g, "-"));
    return canonical !== undefined && canonical !== tag && LOCALE_TAG.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** `AppErrors`, `app_errors`, `App Errors` → `app-errors`; `undefined` when no valid id comes out. */
function kebabCase(value: string): string | undefined {
  const kebab = value
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(kebab) && kebab.length <= 64 ? kebab : undefined;
}

const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

/**
 * Messages for values that fail a pattern or length rule, keyed by what they are: the `$defs` entry they
 * fail (`pascalName`) or the property that holds the rule (`id`).
 */
const SUBJECT_MESSAGES: Readonly<Record<string, (value: unknown) => string>> = {
  pascalName: describeName,
  memberName: describeName,
  upperSnakeName: describeUpperSnakeName,
  aliasName: (value) =>
    `${JSON.stringify(value)} is not a valid alias: use a JavaScript identifier (letters, digits, _ and $, not starting with a digit), such as CLOSE_NORMAL`,
  localeTag: (value) => {
    const canonical = canonicalLocale(String(value));
    const hint = canonical === undefined ? "" : `; did you mean "${canonical}"?`;
    return `${JSON.stringify(value)} is not a valid locale tag: use a BCP 47 tag in canonical case, such as en, de, zh-CN, pt-BR, zh-Hant-TW or es-419${hint}`;
  },
  nonEmptyString: () => "text must not be empty",
  reference: () => "reference must not be empty",
  url: (value) => `${JSON.stringify(value)} is not a valid URL: use an absolute http:// or https:// URL without spaces`,
  id: (value) => {
    const kebab = kebabCase(String(value));
    const hint = kebab === undefined || kebab === value ? "" : `; did you mean "${kebab}"?`;
    return `${JSON.stringify(value)} is not a valid id: use kebab-case (lowercase letters and digits, words joined by single hyphens, starting with a letter), such as close-codes${hint}`;
  },
  guard: (value) => `${JSON.stringify(value)} is not a valid guard name: use "is" and a PascalCase name, such as isRetryableCloseCode`,
  fingerprint: (value) =>
    `${JSON.stringify(value)} is not a source fingerprint (8 hexadecimal digits); let \`codebook i18n --stamp LOCALE\` write it`,
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

/** Whether `path` is `base` or lies below it, comparing JSON Pointer segments (`/codes/1` is not below `/codes/10`). */
function isAtOrBelow(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/**
 * Keeps the errors a person needs. ajv reports the errors of every `anyOf` branch just before the `anyOf`
 * error itself; the alternatives' types are disjoint, so the branch errors that are not a type mismatch at the
 * union's own value come from the branch whose type matched, and are the ones to report. When no branch's type
 * matches, the union is reported as one type error. A key that fails `propertyNames` is reported by its own
 * error (it carries `propertyName` and says what the key should be), not by the `propertyNames` summary.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === "propertyNames" && errors.some((other) => isKeyErrorOf(other, error))) continue;
    if (error.keyword !== "anyOf") {
      kept.push(error);
      continue;
    }
    let start = kept.length;
    while (start > 0 && isAtOrBelow(kept[start - 1]!.instancePath, error.instancePath)) start -= 1;
    const branches = kept.splice(start);
    const specific = branches.filter((branch) => !(branch.keyword === "type" && branch.instancePath === error.instancePath));
    kept.push(...(specific.length > 0 ? specific : [error]));
  }
  return kept;
}

function isKeyErrorOf(error: ErrorObject, summary: ErrorObject): boolean {
  return (
    error.keyword !== "propertyNames" &&
    error.propertyName === (summary.params as { propertyName?: string }).propertyName &&
    error.instancePath === summary.instancePath
  );
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
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** What a value is, for "must be X, not Y": `a list`, `the string "1"`, `the number 1.5`, `an empty value`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return `the number ${String(value)}`;
  return `${typeof value === "boolean" ? "the boolean " : ""}${String(value)}`;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  object: "a map",
  array: "a list",
  boolean: "true or false",
};

/** The `$defs` entry (`pascalName`) or the property (`id`) whose rule an error breaks. */
function subjectOf(error: ErrorObject): string | undefined {
  return /\/(?:\$defs|properties)\/([^/]+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

/** "a, b or c" */
function listWords(words: readonly string[], conjunction = "or"): string {
  const unique = [...new Set(words)];
  return unique.length <= 1 ? unique.join("") : `${unique.slice(0, -1).join(", ")} ${conjunction} ${unique.at(-1)}`;
}

function describeType(error: ErrorObject, value: unknown): string {
  const expected = String((error.params as { type: unknown }).type).split(",");
  const quotedInteger = typeof value === "string" && /^-?\d+$/.test(value.trim()) && expected.includes("integer");
  const hint = quotedInteger ? ` (write the number without quotes: ${value.trim()})` : "";
  return `must be ${listWords(expected.map((type) => TYPE_WORDS[type] ?? type))}, not ${describeValue(value)}${hint}`;
}

function describeError(data: unknown, error: ErrorObject): { path: DataPath; target: "value" | "key"; message: string } {
  const path = toPath(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  const at = (message: string) => ({ path, target: "value" as const, message });
  if (error.propertyName !== undefined && error.keyword !== "propertyNames") {
    const describe = SUBJECT_MESSAGES[subjectOf(error) ?? ""];
    const message = describe?.(error.propertyName) ?? `key ${JSON.stringify(error.propertyName)} is not allowed here (${error.keyword})`;
    return { path: [...path, error.propertyName], target: "key", message };
  }
  switch (error.keyword) {
    case "required":
      return at(`missing required key "${String(params.missingProperty)}"`);
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((name) => name !== "$schema");
      const suggestion = closestMatch(key, allowed);
      const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
      const list = allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
      return { path: [...path, key], target: "key", message: `unknown key "${key}"${hint}${list}` };
    }
    case "propertyNames": {
      const key = String(params.propertyName);
      return { path: [...path, key], target: "key", message: SUBJECT_MESSAGES.localeTag!(key) };
    }
    case "type": {
      // The keys a standalone document needs: the schema's own, and those its `then` adds (without `extends`).
      const root = error.parentSchema as { required?: string[]; then?: { required?: string[] } } | undefined;
      const keys = path.length === 0 && root?.required !== undefined ? [...root.required, ...(root.then?.required ?? [])] : undefined;
      if (keys !== undefined) {
        // Say only what kind of value the file is, never quote it: it may be any file (extends: /etc/passwd, a .npmrc).
        const kind = Array.isArray(value)
          ? "a list"
          : typeof value === "string"
            ? "a single string, not YAML keys and values"
            : `a ${typeof value}`;
        const found = value === null || value === undefined ? "this file is empty" : `this file holds ${kind}`;
        return at(`a registry is a map with the keys ${listWords(keys, "and")}; ${found}`);
      }
      return at(describeType(error, value));
    }
    case "anyOf":
      return at(`must be ${describeUnion(error)}, not ${describeValue(value)}`);
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((item) => JSON.stringify(item));
      return at(`${JSON.stringify(value)} is not allowed here: use ${listWords(allowed)}`);
    }
    case "minItems":
      return at(`${String(path.at(-1) ?? "the list")} must not be an empty list`);
    case "minProperties":
      return at("must not be empty: give a text for each locale");
    case "maxLength":
      return at(`${String(path.at(-1) ?? "value")} is too long: ${String(value).length} characters, at most ${String(params.limit)}`);
    default: {
      const subject = subjectOf(error);
      const describe = subject === undefined ? undefined : SUBJECT_MESSAGES[subject];
      if (describe !== undefined) return at(describe(value));
      if (error.keyword === "minLength" && Number(params.limit) === 1) return at("must not be empty");
      return at(`${JSON.stringify(value)} is not allowed here (${error.keyword})`);
    }
  }
}

/** The alternatives of an `anyOf`, in words: "a string or a map from locale to text". */
function describeUnion(error: ErrorObject): string {
  const branches = (error.schema as { $ref?: string; type?: string; propertyNames?: unknown; required?: string[] }[] | undefined) ?? [];
  const words = branches.map((branch) => {
    if (branch.type === "object" && branch.propertyNames !== undefined) return "a map from locale to text";
    if (branch.type === "object" && branch.required !== undefined) return `a map with ${branch.required.join(" and ")}`;
    if (branch.type !== undefined) return TYPE_WORDS[branch.type] ?? branch.type;
    const definition = branch.$ref?.split("/").at(-1);
    if (definition === "pascalName" || definition === "memberName") return "a name";
    if (definition === "aliasName") return "an identifier";
    return "a string";
  });
  return listWords(words);
}
