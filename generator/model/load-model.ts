import { type Diagnostic, DiagnosticError, type Result, type WithProblems } from "../diagnostics/index.js";
import type { MergedRegistry } from "../load/extends.js";
import { readRegistryFile } from "../load/load-registry.js";
import type { RawRegistry } from "../load/raw-registry.js";
import type { DataPath, ParsedYaml } from "../load/yaml-document.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { buildModel, type RegistryCheck } from "./build-model.js";
import { locateDeclarations } from "./declaration-origins.js";
import { loadMergedRegistry, MergedReporter } from "./extends-chain.js";
import { loadFieldTargets } from "./field-targets.js";
import { loadLocaleFiles } from "./locale-files.js";
import type { MessagePart, Registry, RegistryOrigins } from "./registry.js";
import { Translations } from "./translations.js";

/** A loaded registry and every file it was loaded from. */
export interface LoadedRegistry {
  readonly registry: Registry;
  /** Absolute paths of every file read. */
  readonly files: readonly string[];
}

/** Options for loading a registry. */
export interface LoadOptions {
  /** Relative paths resolve against this folder, and diagnostics print paths relative to it. @default process.cwd() */
  readonly cwd?: string;
  /**
   * A missing translation falls back to the source text instead of being an error, whatever the registry says
   * (the translation report counts them itself).
   * @default false
   */
  readonly tolerateMissing?: boolean;
}

/** Options for loading a registry for the targets that will emit it. */
export interface CheckedLoadOptions extends LoadOptions {
  /**
   * The checks of the targets the registry is loaded for (see `Target.check`), reported with the model's own.
   * @default none
   */
  readonly checks?: readonly RegistryCheck[];
}

/** Options of the functions below: the folder is resolved by their caller (the public API resolves it in config/defaults.ts). */
type InFolder<T extends LoadOptions> = T & { readonly cwd: string };

/** A registry's sources; `diagnostics` holds the locale files' problems (a broken file contributes no texts). */
export type RegistrySources = WithProblems<{ readonly translations: Translations }>;

/** One registry file's texts: its own inline texts and its locale files, checked against each other. */
async function loadTranslations(
  parsed: ParsedYaml,
  raw: RawRegistry,
  cwd: string,
): Promise<{ translations: Translations; diagnostics: Diagnostic[] }> {
  const locales = await loadLocaleFiles(parsed, raw, cwd);
  const translations = new Translations(parsed, raw, locales.files);
  return { translations, diagnostics: [...locales.diagnostics, ...translations.check()] };
}

/**
 * Reads a registry file and the locale files beside it, each validated against its JSON Schema, and checks the
 * locale files against the registry: every text of the registry with where it is written. This is one file's
 * view (the translation report's); a registry that extends another is loaded whole by {@link tryLoadRegistry}.
 */
export async function loadRegistrySources(registryPath: string, options: InFolder<LoadOptions>): Promise<Result<RegistrySources>> {
  const { cwd } = options;
  const read = await readRegistryFile(registryPath, cwd);
  if (!read.ok) return read;
  const schemaDiagnostics = await validateAgainstSchema(read.parsed, "registry");
  if (schemaDiagnostics.length > 0) return { ok: false, diagnostics: schemaDiagnostics };
  return { ok: true, ...(await loadTranslations(read.parsed, read.parsed.data as RawRegistry, cwd)) };
}

/** In an ICU registry, every text parsed and its placeholders checked; plain registries have nothing to check. */
async function checkIcu(
  raw: RawRegistry,
  all: readonly Translations[],
): Promise<{ diagnostics: Diagnostic[]; messages: Map<string, readonly MessagePart[]> }> {
  const messages = new Map<string, readonly MessagePart[]>();
  if (raw.messageFormat !== "icu") return { diagnostics: [], messages };
  const { checkIcuMessages } = await import("./icu-messages.js");
  const diagnostics: Diagnostic[] = [];
  for (const translations of all) {
    const result = await checkIcuMessages(translations);
    diagnostics.push(...result.diagnostics);
    for (const [text, parts] of result.messages) messages.set(text, parts);
  }
  return { diagnostics, messages };
}

/** The missing texts of a build, by file and locale, reported together where they belong (see `Translations.reportMissing`). */
class MissingTexts {
  private readonly byFile = new Map<Translations, Map<string, DataPath[]>>();

  add(translations: Translations, locale: string, where: DataPath): void {
    const locales = this.byFile.get(translations) ?? new Map<string, DataPath[]>();
    this.byFile.set(translations, locales);
    locales.set(locale, [...(locales.get(locale) ?? []), where]);
  }

  diagnostics(): Diagnostic[] {
    return [...this.byFile].flatMap(([translations, locales]) =>
      [...locales].flatMap(([locale, paths]) => translations.reportMissing(locale, paths)),
    );
  }
}

/**
 * The model with its parsed ICU texts. The texts codebook supplies itself when the registry gives none (the
 * built-in `unknown` text, the type's name as the title) are literal text in no message syntax: each is its own
 * single part, so that an ICU registry without them generates what it validates as.
 */
function withMessages(registry: Registry, raw: RawRegistry, parsed: ReadonlyMap<string, readonly MessagePart[]>): Registry {
  if (registry.messageFormat !== "icu") return { ...registry, messages: parsed };
  const messages = new Map(parsed);
  const supplied = [raw.unknown === undefined ? registry.unknown : undefined, raw.title === undefined ? registry.title : undefined];
  for (const text of supplied.flatMap((each) => Object.values(each ?? {}))) if (!messages.has(text)) messages.set(text, [text]);
  return { ...registry, messages };
}

/**
 * A file of an `extends` chain as its texts see it: its own entries and texts, with the locales and formats it
 * inherits. An inherited `title`, `description` or `unknown` is not the file's own: its texts live in the base.
 */
function ownRaw(parsed: ParsedYaml, locales: readonly string[], merged: MergedRegistry): RawRegistry {
  const own = parsed.data as Partial<RawRegistry>;
  const { title: _title, description: _description, unknown: _unknown, ...inherited } = merged.raw;
  return {
    ...inherited,
    ...own,
    locales,
    codes: own.codes ?? [],
    fields: own.fields ?? [],
    ranges: own.ranges ?? [],
    sets: own.sets ?? [],
  } as RawRegistry;
}

/**
 * The texts written in a registry's own file (not those it inherits through `extends`), with its locale files:
 * what the translation report counts for that file.
 */
export async function loadOwnTranslations(merged: MergedRegistry, options: InFolder<LoadOptions>): Promise<Translations> {
  const raw = ownRaw(merged.parsed, merged.sourceLocales[0]!, merged);
  return (await loadTranslations(merged.parsed, raw, options.cwd)).translations;
}

/**
 * Reads, parses, validates and resolves one registry file — merged with the registries it extends, each with the
 * locale files beside it — collecting every diagnostic on the way.
 */
export async function tryLoadRegistry(registryPath: string, options: InFolder<CheckedLoadOptions>): Promise<Result<LoadedRegistry>> {
  const { cwd } = options;
  const loaded = await loadMergedRegistry(registryPath, cwd);
  if (!loaded.ok) return loaded;
  const { merged } = loaded;
  const perFile = await Promise.all(
    merged.sources.map((parsed, index) => loadTranslations(parsed, ownRaw(parsed, merged.sourceLocales[index]!, merged), cwd)),
  );
  const byFile = new Map(merged.sources.map((parsed, index) => [parsed, perFile[index]!.translations]));
  const sourceDiagnostics = perFile.flatMap((file) => file.diagnostics);
  // Report the registry's own problems too, but not the translations a broken locale file would have given.
  const tolerate = sourceDiagnostics.length > 0 || options.tolerateMissing === true;
  const raw: RawRegistry = tolerate ? { ...merged.raw, missingTranslations: "source" } : merged.raw;
  const missing = new MissingTexts();
  const targets = await loadFieldTargets(raw, merged.origin, cwd);
  const filedLocales = new Set(perFile.flatMap((file) => file.translations.files.map((each) => each.locale)));
  const build = buildModel({
    raw,
    fieldTargets: targets.targets,
    reporter: new MergedReporter(merged),
    supplement: (where, locale) => {
      // Only a locale file supplies texts: a locale without one needs no lookup (asked for every text and locale).
      if (!filedLocales.has(locale)) return undefined;
      const { parsed, path } = merged.origin(where);
      return byFile.get(parsed)?.supplement(path, locale);
    },
    reportMissing: (where, _key, locales) => {
      const { parsed, path } = merged.origin(where);
      for (const locale of locales) missing.add(byFile.get(parsed)!, locale, path);
    },
    checks: options.checks ?? [],
  });
  const icu = await checkIcu(
    raw,
    perFile.map((file) => file.translations),
  );
  const diagnostics = [
    ...sourceDiagnostics,
    ...targets.diagnostics,
    ...(build.ok ? [] : build.diagnostics),
    ...missing.diagnostics(),
    ...icu.diagnostics,
  ];
  if (!build.ok || diagnostics.length > 0) return { ok: false, diagnostics };
  const localeFiles = perFile.flatMap((file) => file.translations.files);
  let origins: RegistryOrigins | undefined;
  const locateOrigins = () => (origins ??= locateDeclarations(merged, raw, localeFiles));
  const registry: Registry = { ...withMessages(build.registry, raw, icu.messages), locateOrigins };
  return { ok: true, registry, files: [...merged.files, ...localeFiles.map((locale) => locale.parsed.source.path), ...targets.files] };
}

/**
 * Loads one registry, merged with the registries it extends and with their locale files, into the resolved model
 * that every emitter reads.
 * @throws {DiagnosticError} with every problem found, each located in its file.
 * @example const registry = await loadRegistry("schema/close-codes.yaml");
 */
export async function loadRegistry(registryPath: string, options: InFolder<CheckedLoadOptions>): Promise<Registry> {
  const result = await tryLoadRegistry(registryPath, options);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result.registry;
}
