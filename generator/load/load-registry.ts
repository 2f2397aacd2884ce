import { DiagnosticError, type Diagnostic } from "../diagnostics.js";
import { buildModel, Reporter } from "../model/build-model.js";
import type { RawRegistry } from "../model/raw-registry.js";
import type { Registry } from "../model/registry.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { loadLocaleFiles } from "./locale-files.js";
import { readSourceFile } from "./source-file.js";
import { Translations } from "./translations.js";
import { parseYaml } from "./yaml-document.js";

export type LoadResult =
  | { readonly ok: true; readonly registry: Registry }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options for loading a registry. */
export interface LoadOptions {
  /** Relative paths resolve against this folder, and diagnostics print paths relative to it. @default process.cwd() */
  readonly cwd?: string;
}

/** A registry's sources; `diagnostics` holds the locale files' problems (a broken file contributes no texts). */
export type SourcesResult =
  | { readonly ok: true; readonly translations: Translations; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads a registry and the locale files beside it, each validated against its JSON Schema, and checks the
 * locale files against the registry: every text of the registry with where it is written.
 */
export async function loadRegistrySources(registryPath: string, options: LoadOptions = {}): Promise<SourcesResult> {
  const cwd = options.cwd ?? process.cwd();
  const read = await readSourceFile(registryPath, cwd);
  if (!read.ok) return read;
  const parse = parseYaml(read.source);
  if (!parse.ok) return parse;
  const schemaDiagnostics = await validateAgainstSchema(parse.parsed, "registry");
  if (schemaDiagnostics.length > 0) return { ok: false, diagnostics: schemaDiagnostics };
  const raw = parse.parsed.data as RawRegistry;
  const locales = await loadLocaleFiles(parse.parsed, raw, cwd);
  const translations = new Translations(parse.parsed, raw, locales.files);
  return { ok: true, translations, diagnostics: [...locales.diagnostics, ...translations.check()] };
}

/**
 * Resolves loaded sources into the model. With `tolerateMissing`, a missing translation falls back to the
 * source text instead of being an error (the translation report counts them itself).
 */
export async function resolveRegistry(translations: Translations, options: { readonly tolerateMissing?: boolean } = {}): Promise<LoadResult> {
  const raw: RawRegistry = options.tolerateMissing === true ? { ...translations.raw, missingTranslations: "source" } : translations.raw;
  const build = buildModel({ raw, reporter: new Reporter(translations.registry), supplement: translations.supplement });
  if (raw.messageFormat !== "icu") return build;
  const { checkIcuMessages } = await import("../validate/icu-messages.js");
  const icu = await checkIcuMessages(translations);
  const diagnostics = [...(build.ok ? [] : build.diagnostics), ...icu.diagnostics];
  if (!build.ok || diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, registry: { ...build.registry, messages: icu.messages } };
}

/** Reads, parses, validates and resolves one registry file and its locale files, collecting every diagnostic on the way. */
export async function tryLoadRegistry(registryPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const sources = await loadRegistrySources(registryPath, options);
  if (!sources.ok) return sources;
  if (sources.diagnostics.length === 0) return resolveRegistry(sources.translations);
  // Report the registry's own problems too, but not the translations a broken locale file would have given.
  const resolved = await resolveRegistry(sources.translations, { tolerateMissing: true });
  return { ok: false, diagnostics: [...sources.diagnostics, ...(resolved.ok ? [] : resolved.diagnostics)] };
}

/**
 * Loads one registry, merged with its locale files, into the resolved model that every emitter reads.
 * @throws {DiagnosticError} with every problem found, each located in its file.
 * @example const registry = await loadRegistry("schema/close-codes.yaml");
 */
export async function loadRegistry(registryPath: string, options: LoadOptions = {}): Promise<Registry> {
  const result = await tryLoadRegistry(registryPath, options);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result.registry;
}
