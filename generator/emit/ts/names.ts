import { intervalsContain, intervalsOf } from "../../model/intervals.js";
import type { CodeEntry, CodeSet, Field, Registry } from "../../model/registry.js";
import { lowerFirst } from "../../validate/identifiers.js";
import { readsSpansTable } from "./membership.js";

/** Every exported name of a generated module, derived in one place from the registry's `type`. */
export interface ModuleNames {
  /** `CloseCode`: the enum (or const object) and its type. */
  readonly type: string;
  /** `CloseCodes`: the as-const object. */
  readonly values: string;
  /** `CloseCodeValue`: the union of registered numbers. */
  readonly valueType: string;
  /** `CloseCodeName`: the union of member names. */
  readonly nameType: string;
  readonly isType: string;
  readonly getName: string;
  /** `closeCodeNameTable`: the module-private number → name table. */
  readonly nameTable: string;
  /** `getCloseCodeDocUrl`, and `closeCodeDocUrlTable`, the module-private table of the URLs a template does not give. */
  readonly getDocUrl: string;
  readonly docUrlTable: string;
  readonly rangeType: string;
  readonly rangeNameType: string;
  readonly ranges: string;
  readonly getRange: string;
  readonly localeType: string;
  readonly locales: string;
  readonly resolveLocale: string;
  readonly catalogType: string;
  readonly catalogs: string;
  readonly describe: string;
  readonly createDescriber: string;
  /** `closeCodeCatalogZhCN` for `zh-CN`. */
  readonly catalogFor: (locale: string) => string;
  /** `isValidCloseCode` for the set `Valid`. */
  readonly setGuard: (set: CodeSet) => string;
  /** `ValidCloseCode`: the union of a set's registered codes, named after its guard without `is`. */
  readonly setType: (set: CodeSet) => string;
  /** `CloseCodeInfo`: the record of a code and its fields (emitted when the registry declares fields). */
  readonly infoType: string;
  /** `getCloseCodeInfo`. */
  readonly getInfo: string;
  /** `getCloseCodeSendable` for the field `sendable`. */
  readonly fieldLookup: (field: Field) => string;
  /** `closeCodeSendableTable`: the module-private table of the field `sendable`. */
  readonly fieldTable: (field: Field) => string;
  /** `AppErrorSeverity`: the type of the values of a one-of or code field `severity`. */
  readonly fieldType: (field: Field) => string;
}

/** `retryAfter` → `RetryAfter`. */
function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The English plural of a PascalCase name: `CloseCodes`, `HttpStatuses`, `Categories`. */
export function plural(name: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  if (/[^aeiouAEIOU]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

export function moduleNames(registry: Registry): ModuleNames {
  const type = registry.type;
  const stem = lowerFirst(type);
  return {
    type,
    values: plural(type),
    valueType: `${type}Value`,
    nameType: `${type}Name`,
    isType: `is${type}`,
    getName: `get${type}Name`,
    nameTable: `${stem}NameTable`,
    getDocUrl: `get${type}DocUrl`,
    docUrlTable: `${stem}DocUrlTable`,
    rangeType: `${type}Range`,
    rangeNameType: `${type}RangeName`,
    ranges: `${stem}Ranges`,
    getRange: `get${type}Range`,
    localeType: `${type}Locale`,
    locales: `${stem}Locales`,
    resolveLocale: `resolve${type}Locale`,
    catalogType: `${type}Catalog`,
    catalogs: `${stem}Catalogs`,
    describe: `describe${type}`,
    createDescriber: `create${type}Describer`,
    catalogFor: (locale) =>
      `${stem}Catalog${locale
        .split("-")
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("")}`,
    setGuard: (set) => set.guard ?? `is${set.name}${type}`,
    // The schema holds a guard's name to `is<Name>`: `isCloseCallCode` → `CloseCallCode`.
    setType: (set) => (set.guard ?? `is${set.name}${type}`).slice(2),
    infoType: `${type}Info`,
    getInfo: `get${type}Info`,
    fieldLookup: (field) => `get${type}${upperFirst(field.name)}`,
    fieldTable: (field) => `${stem}${upperFirst(field.name)}Table`,
    fieldType: (field) => `${type}${upperFirst(field.name)}`,
  };
}

/** Module-private helpers every generated module declares. */
export const PRIVATE_HELPERS: readonly string[] = [
  "LocaleMatchData",
  "localeMatchData",
  "matchLocale",
  "negotiate",
  "describeIn",
  "describeRangeIn",
];

/** The module-private formatter of an ICU registry's texts (so the module needs no ICU runtime). */
export const MESSAGE_FORMATTER = "formatMessage";

/** The module-private table of spans that the guard `guard` reads when it is a binary search: `isCloseCodeSpans`. */
export function spansTable(guard: string): string {
  return `${guard}Spans`;
}

/** The globals every generated module's code reads: a top-level declaration of the same name would hide them. */
export const GLOBALS_READ: readonly string[] = ["Number", "Math", "Exclude"];

/** The globals the module of `registry` reads: an ICU registry's formatter also calls `String(code)`. */
export function globalsRead(registry: Registry): readonly string[] {
  return registry.messageFormat === "icu" ? [...GLOBALS_READ, "String"] : GLOBALS_READ;
}

/**
 * The module-private declarations of the module of `registry`, each with how to name it: the helpers every
 * module has, and those that depend on the registry (the ICU formatter, the spans table of each guard that is a
 * binary search). The emitters take these names from here.
 */
export function privateDeclarations(registry: Registry): Map<string, string> {
  const names = moduleNames(registry);
  const declarations = new Map<string, string>();
  const add = (name: string, what: string) => {
    if (!declarations.has(name)) declarations.set(name, what);
  };
  for (const helper of PRIVATE_HELPERS) add(helper, `the generated helper ${helper}`);
  if (registry.messageFormat === "icu") add(MESSAGE_FORMATTER, `the generated helper ${MESSAGE_FORMATTER}`);
  if (readsSpansTable(intervalsOf(registry.codes.map((entry) => entry.code)))) {
    add(spansTable(names.isType), `the generated table ${spansTable(names.isType)} of ${names.isType}`);
  }
  for (const set of registry.sets) {
    const table = spansTable(names.setGuard(set));
    if (readsSpansTable(set.intervals)) add(table, `the generated table ${table} of the guard of set ${set.name}`);
  }
  for (const field of registry.fields)
    add(names.fieldTable(field), `the generated table ${names.fieldTable(field)} of field ${field.name}`);
  return declarations;
}

/**
 * A union type of literals is written out up to this many members; beyond it the type is not emitted (a code
 * field's values are then `number`, a set's guard a `boolean`): a union of thousands of literals slows every
 * check of the module that uses it.
 */
export const MAX_CODE_UNION = 256;

/** The registered codes of a set, when its union type is emitted, and whether they are all of the set. */
export interface SetUnion {
  /** The codes in the set, in the registry's order. */
  readonly members: readonly CodeEntry[];
  /** `true` when the set holds no number that is not a registered code: its guard narrows any number. */
  readonly exact: boolean;
}

/**
 * The union type a set gets (`RetryableGrpcStatus`): its registered codes, when it has from 1 to
 * {@link MAX_CODE_UNION} of them; `undefined` when it gets none.
 */
export function setUnion(registry: Registry, set: CodeSet): SetUnion | undefined {
  const members = registry.codes.filter((entry) => intervalsContain(set.intervals, entry.code));
  if (members.length === 0 || members.length > MAX_CODE_UNION) return undefined;
  const size = set.intervals.reduce((total, interval) => total + interval.to - interval.from + 1, 0);
  return { members, exact: size === members.length };
}

/** The exported names of one set: its guard, and its union type when it has one. */
export function setNames(registry: Registry, set: CodeSet): string[] {
  const names = moduleNames(registry);
  return [names.setGuard(set), ...(setUnion(registry, set) === undefined ? [] : [names.setType(set)])];
}

/** Whether a field's values get a type of their own (`AppErrorSeverity`): one-of and code fields. */
export function hasFieldType(field: Field): boolean {
  return field.type === "one-of" || field.type === "code";
}

/** The exported names of one field: its lookup, and the type of its values when it has one. */
export function fieldNames(registry: Registry, field: Field): string[] {
  const names = moduleNames(registry);
  return [names.fieldLookup(field), ...(hasFieldType(field) ? [names.fieldType(field)] : [])];
}

/** The names the module of `registry` exports that follow from its `type` and locales (not guards, aliases or field lookups). */
export function typeBindings(registry: Registry): string[] {
  const names = moduleNames(registry);
  const derived = Object.values(names).filter((value): value is string => typeof value === "string");
  // The record and its lookup exist only in a module with fields; each field's own names are claimed by the clash check.
  const info = new Set([names.infoType, names.getInfo]);
  const own = registry.fields.length === 0 ? derived.filter((name) => !info.has(name)) : derived;
  return [...new Set([...own, ...registry.locales.map((locale) => names.catalogFor(locale))])];
}

/** Every top-level name the generated module declares besides set guards and aliases, each with how to name it. */
export function moduleBindings(registry: Registry): Map<string, string> {
  const bindings = new Map<string, string>(typeBindings(registry).map((name) => [name, `the generated ${name}`]));
  for (const [name, what] of privateDeclarations(registry)) if (!bindings.has(name)) bindings.set(name, what);
  return bindings;
}
