import path from "node:path";
import type { Diagnostic, DiagnosticCode, Result } from "../diagnostics/index.js";
import { checkInputFile, isFile } from "./checked-read.js";
import type { RawRegistry, RawText } from "./raw-registry.js";
import { type DataPath, locate, type ParsedYaml } from "./yaml-document.js";

/** A registry file as the schema allows it: with `extends`, every key but `id` may be inherited. */
export type RawRegistryFile = Partial<RawRegistry> & { readonly id: string; readonly extends?: string };

/** Where a value of the merged registry was written: a file and the path inside it. */
export interface Origin {
  readonly parsed: ParsedYaml;
  readonly path: DataPath;
}

/** A registry's data merged with the registries it extends, with the way back to each value's file. */
export interface MergedRegistry {
  readonly raw: RawRegistry;
  /** The registry's own file: the model's `sourcePath`, and where merge problems are reported. */
  readonly parsed: ParsedYaml;
  readonly origin: (path: DataPath) => Origin;
  /** Absolute paths of the registry and every registry it extends, nearest first. */
  readonly files: readonly string[];
  /** The registry and every registry it extends, parsed, nearest first. */
  readonly sources: readonly ParsedYaml[];
  /** The locales of each of `sources` as that file sees them (a base may have more than the registry keeps). */
  readonly sourceLocales: readonly (readonly string[])[];
}

/** The lists a registry adds to those of the registry it extends; every other key replaces the inherited one. */
const MERGED_LISTS = ["fields", "ranges", "codes", "sets"] as const;
/** Keys a registry that extends another may not change (the inherited texts depend on them), with their defaults. */
const FIXED_KEYS = { messageFormat: "plain" } as const;

/** Why `spec` cannot be extended when `target` is missing or not a regular file; `undefined` when it can. */
function targetProblem(spec: string, target: string, missing: string): { readonly problem: string } | undefined {
  const problem = checkInputFile(target);
  if (problem === undefined) return undefined;
  // A folder, a FIFO or a device says what it is; only a path with nothing there is "no such file".
  const what =
    problem.code === "missing" ? missing : problem.code === "not-a-file" ? `${target} ${problem.message}` : `${target}: ${problem.message}`;
  return { problem: `cannot extend ${JSON.stringify(spec)}: ${what}` };
}

/**
 * Resolves an `extends` value from the folder of the registry that holds it: `./x.yaml`, `../x.yaml` and
 * absolute paths as paths; anything else as `<package>/<path inside it>` (`codebook/schema/close-codes.yaml`,
 * `@acme/codes/registry.yaml`), found in the `node_modules` folders from there up, as Node finds packages.
 */
export async function resolveExtends(spec: string, fromFile: string): Promise<string | { readonly problem: string }> {
  const folder = path.dirname(fromFile);
  if (/^\.\.?(\/|$)/.test(spec) || path.isAbsolute(spec)) {
    const target = path.resolve(folder, spec);
    return targetProblem(spec, target, `no such file (looked for ${target})`) ?? target;
  }
  const parts = spec.split("/");
  const nameLength = spec.startsWith("@") ? 2 : 1;
  if (parts.length <= nameLength || parts.some((part) => part === "" || part === "." || part === "..")) {
    return {
      problem: `cannot extend "${spec}": write a relative path (./${spec}) or a file inside a package (package/path/to/registry.yaml)`,
    };
  }
  const packageName = parts.slice(0, nameLength).join("/");
  const inside = parts.slice(nameLength).join("/");
  for (let current = folder; ; current = path.dirname(current)) {
    const packageFolder = path.join(current, "node_modules", packageName);
    if (isFile(path.join(packageFolder, "package.json"))) {
      const target = path.join(packageFolder, inside);
      return targetProblem(spec, target, `package ${packageName} has no ${inside} (looked for ${target})`) ?? target;
    }
    if (path.dirname(current) === current) break;
  }
  return { problem: `cannot extend "${spec}": package ${packageName} is not installed in a node_modules folder above ${folder}` };
}

/** A problem of an `extends` chain at `where` in `parsed`: a cycle, an unresolvable `extends`, a changed fixed key. */
export function mergeProblem(
  parsed: ParsedYaml,
  where: DataPath,
  code: DiagnosticCode,
  message: string,
  target: "value" | "key" = "value",
): Result<{ readonly merged: MergedRegistry }> {
  return { ok: false, diagnostics: [{ file: parsed.source.file, ...locate(parsed, where, target), code, message }] };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A text limited to `locales`: what an inherited text keeps in a registry that lists a subset of the base's locales. */
function keepLocales(text: RawText, locales: ReadonlySet<string>): RawText {
  return typeof text === "string" ? text : Object.fromEntries(Object.entries(text).filter(([locale]) => locales.has(locale)));
}

function keepItemLocales<T extends { readonly description?: RawText; readonly label?: RawText }>(
  items: readonly T[] | undefined,
  locales: ReadonlySet<string>,
): T[] {
  return (items ?? []).map((item) => ({
    ...item,
    ...(item.description === undefined ? {} : { description: keepLocales(item.description, locales) }),
    ...(item.label === undefined ? {} : { label: keepLocales(item.label, locales) }),
  }));
}

/** The base's data with every text limited to the registry's locales (all of them when it lists none). */
function inheritedRaw(base: RawRegistry, locales: readonly string[] | undefined): RawRegistry {
  if (locales === undefined || sameValue(locales, base.locales)) return base;
  const kept = new Set(locales);
  return {
    ...base,
    locales,
    ...(base.title === undefined ? {} : { title: keepLocales(base.title, kept) }),
    ...(base.description === undefined ? {} : { description: keepLocales(base.description, kept) }),
    ...(base.unknown === undefined ? {} : { unknown: keepLocales(base.unknown, kept) }),
    ranges: keepItemLocales(base.ranges, kept),
    codes: keepItemLocales(base.codes, kept),
    sets: keepItemLocales(base.sets, kept),
    fields: keepItemLocales(base.fields, kept),
  };
}

function merge(child: RawRegistryFile, parsed: ParsedYaml, base: MergedRegistry): MergedRegistry {
  const { extends: _extends, ...own } = child;
  const inherited = inheritedRaw(base.raw, child.locales);
  const raw = { ...inherited, ...own } as Record<string, unknown>;
  for (const key of MERGED_LISTS) raw[key] = [...(inherited[key] ?? []), ...(child[key] ?? [])];
  const origin = (where: DataPath): Origin => {
    const [key, index, ...rest] = where;
    const list = MERGED_LISTS.find((name) => name === key);
    if (list !== undefined && typeof index === "number") {
      const inheritedCount = base.raw[list]?.length ?? 0;
      return index < inheritedCount ? base.origin(where) : { parsed, path: [list, index - inheritedCount, ...rest] };
    }
    if (key === undefined || typeof key !== "string" || Object.hasOwn(child, key) || list !== undefined) return { parsed, path: where };
    return base.origin(where);
  };
  return {
    raw: raw as unknown as RawRegistry,
    parsed,
    origin,
    files: [parsed.source.path, ...base.files],
    sources: [parsed, ...base.sources],
    sourceLocales: [inherited.locales, ...base.sourceLocales],
  };
}

/**
 * The locales of a registry that extends another: a subset of the base's, in any order, with the base's source
 * locale first (the inherited plain strings are its texts).
 */
function checkLocaleSubset(child: RawRegistryFile, parsed: ParsedYaml, base: MergedRegistry): Diagnostic[] {
  if (child.locales === undefined) return [];
  const baseLocales = base.raw.locales;
  const baseFile = base.parsed.source.file;
  const diagnostics: Diagnostic[] = [];
  const at = (index: number, message: string): void => {
    diagnostics.push({ file: parsed.source.file, ...locate(parsed, ["locales", index]), code: "extends-locales", message });
  };
  if (child.locales[0] !== baseLocales[0]) {
    at(
      0,
      `the source locale is inherited from ${baseFile} and must come first: list "${baseLocales[0]}" first (locales may be a subset of ${baseLocales.join(", ")})`,
    );
  }
  child.locales.forEach((locale, index) => {
    if (!baseLocales.includes(locale)) {
      at(
        index,
        `"${locale}" is not a locale of ${baseFile} (${baseLocales.join(", ")}); a registry that extends another may list a subset of its locales`,
      );
    }
  });
  return diagnostics;
}

/** A registry that extends nothing, as a chain of one file. */
export function singleRegistry(parsed: ParsedYaml): MergedRegistry {
  const raw = parsed.data as RawRegistry;
  return {
    raw,
    parsed,
    origin: (where) => ({ parsed, path: where }),
    files: [parsed.source.path],
    sources: [parsed],
    sourceLocales: [raw.locales],
  };
}

/**
 * Merges a registry file with the registry it extends: the base's ranges, codes and sets come first, then the
 * registry's own; every other key the registry sets replaces the inherited one (`messageFormat` must stay as
 * inherited; `locales` may be a subset of the base's, which limits every inherited text to them).
 */
export function extendRegistry(
  data: RawRegistryFile,
  parsed: ParsedYaml,
  base: MergedRegistry,
): Result<{ readonly merged: MergedRegistry }> {
  for (const [key, fallback] of Object.entries(FIXED_KEYS) as [keyof typeof FIXED_KEYS, unknown][]) {
    if (data[key] !== undefined && !sameValue(data[key], base.raw[key] ?? fallback)) {
      return mergeProblem(
        parsed,
        [key],
        "extends-fixed",
        `${key} is inherited from ${base.parsed.source.file} (${JSON.stringify(base.raw[key] ?? fallback)}) and cannot change in a registry that extends it; remove this key`,
        "key",
      );
    }
  }
  const localeDiagnostics = checkLocaleSubset(data, parsed, base);
  if (localeDiagnostics.length > 0) return { ok: false, diagnostics: localeDiagnostics };
  return { ok: true, merged: merge(data, parsed, base) };
}
