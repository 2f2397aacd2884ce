import { lowerFirst } from "../../model/identifiers.js";
import type { CodeSet, Registry } from "../../model/registry.js";

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
    catalogFor: (locale) => `${stem}Catalog${locale.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("")}`,
    setGuard: (set) => set.guard ?? `is${set.name}${type}`,
  };
}

/** Module-private helpers every generated module declares. */
export const PRIVATE_HELPERS: readonly string[] = ["LocaleMatchData", "localeMatchData", "matchLocale", "negotiate", "describeIn", "describeRangeIn"];

/** The globals the generated code reads: a top-level declaration of the same name would hide them. */
export const GLOBALS_READ: readonly string[] = ["Number", "Math", "Exclude"];

/** Every top-level name the generated module declares besides set guards and aliases, each with how to name it. */
export function moduleBindings(registry: Registry): Map<string, string> {
  const names = moduleNames(registry);
  const bindings = new Map<string, string>();
  const add = (name: string, what: string) => {
    if (!bindings.has(name)) bindings.set(name, what);
  };
  for (const value of Object.values(names)) if (typeof value === "string") add(value, `the generated ${value}`);
  for (const locale of registry.locales) add(names.catalogFor(locale), `the generated ${names.catalogFor(locale)}`);
  for (const helper of PRIVATE_HELPERS) add(helper, `the generated helper ${helper}`);
  return bindings;
}
