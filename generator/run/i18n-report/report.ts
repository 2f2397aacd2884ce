import path from "node:path";
import { DEFAULTS, resolveCwd } from "../../config/defaults.js";
import { expandConfig } from "../../config/expand-config.js";
import { type Diagnostic, DiagnosticError, failure, type Result, throwIfInvalid } from "../../diagnostics/index.js";
import { loadMergedRegistry } from "../../model/extends-chain.js";
import { loadOwnTranslations, tryLoadRegistry } from "../../model/load-model.js";
import { sourceFingerprint } from "../../model/text-slots.js";
import type { Translations } from "../../model/translations.js";

/** Options of {@link translationReport}, {@link translationReports} and {@link stampTranslations}. */
export interface TranslationOptions {
  /** One registry file (for {@link translationReport} and {@link stampTranslations}). */
  readonly registry?: string;
  /**
   * The registry files of {@link translationReports}.
   * @default the config's registries, or the embedded WebSocket close-code registry when there is no config
   */
  readonly registries?: readonly string[];
  /**
   * With no registry named: a config file's path (relative to `cwd`), or `true` to use the first
   * `codebook.config.json`, `.yaml` or `.yml` in `cwd` or a folder above it, as `generate` does.
   * @default false
   */
  readonly config?: string | boolean;
  /** @default process.cwd() */
  readonly cwd?: string;
}

/** A place in a file, as diagnostics print it. */
export interface TextLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A text with no translation in a locale (it falls back to the source text only when the registry allows it). */
export interface MissingText extends TextLocation {
  /** The text's key: `codes.NormalClosure`. The location is the source text in the registry. */
  readonly key: string;
  readonly sourceText: string;
}

/** A translation whose source text changed after it was written: its recorded fingerprint differs. */
export interface StaleText extends TextLocation {
  /** The location is the translation in its locale file. */
  readonly key: string;
  readonly sourceText: string;
  readonly recorded: string;
  readonly current: string;
}

/** How complete one locale is. */
export interface LocaleStatus {
  readonly locale: string;
  /** The source locale is complete by definition. */
  readonly isSource: boolean;
  readonly total: number;
  /** Texts present and not stale. */
  readonly translated: number;
  readonly missing: readonly MissingText[];
  readonly stale: readonly StaleText[];
  /** Texts in the registry itself: their staleness is not tracked. */
  readonly inline: number;
  /** Texts of the locale file without a source fingerprint: a change of their source cannot be detected. */
  readonly unstamped: number;
  /** The locale file, when the locale has one. */
  readonly file: string | undefined;
}

/** The translation status of the texts written in one registry file. */
export interface TranslationReport {
  /** The registry file, as diagnostics print it. */
  readonly registry: string;
  /**
   * The registries of the run that inherit these texts through `extends`, as diagnostics print them; empty when
   * the file was named itself. Its locales are then those the inheriting registries use.
   */
  readonly extendedBy: readonly string[];
  readonly sourceLocale: string;
  readonly locales: readonly LocaleStatus[];
  /** No locale has a missing or stale text. */
  readonly complete: boolean;
}

/**
 * The registries a run reports on, as absolute paths, each once: those named, else the config's (when one is
 * asked for and found), else the embedded default.
 * @throws {DiagnosticError} when the config is invalid.
 */
export async function translationRegistries(options: TranslationOptions = {}): Promise<string[]> {
  const { registries, problems } = await runRegistries(options);
  if (problems.length > 0) throw new DiagnosticError(problems);
  return registries;
}

/** The registries of {@link translationRegistries}, and the config's problems (what of it can run is kept). */
async function runRegistries(options: TranslationOptions): Promise<{ registries: string[]; problems: readonly Diagnostic[] }> {
  const cwd = resolveCwd(options.cwd);
  const named = [...(options.registries ?? []), ...(options.registry === undefined ? [] : [options.registry])];
  if (named.length > 0) return { registries: [...new Set(named.map((file) => path.resolve(cwd, file)))], problems: [] };
  const expanded = await expandConfig({ config: options.config ?? DEFAULTS.config }, cwd);
  if (expanded.configFile === undefined) return { registries: [...DEFAULTS.registries], problems: [] };
  const configured = expanded.entries.flatMap((entry) => ("registries" in entry ? entry.registries : []));
  return { registries: [...new Set(configured.map((file) => path.resolve(cwd, file)))], problems: expanded.diagnostics };
}

/** One registry checked whole (its bases and locale files too), missing translations tolerated: its problems. */
async function checkRegistry(file: string, cwd: string): Promise<readonly Diagnostic[]> {
  const result = await tryLoadRegistry(file, { cwd, tolerateMissing: true });
  return result.ok ? [] : result.diagnostics;
}

/** A registry file's own texts, with the locales it has (inherited ones included) and the files it extends. */
async function loadFileTexts(file: string, cwd: string): Promise<Result<{ translations: Translations; chain: readonly string[] }>> {
  const loaded = await loadMergedRegistry(file, cwd);
  if (!loaded.ok) return loaded;
  const translations = await loadOwnTranslations(loaded.merged, { cwd });
  return { ok: true, translations, chain: loaded.merged.files };
}

/** A registry file of the run: its own texts, whether the run names it, and the registries that extend it. */
interface RunFile {
  readonly translations: Translations;
  named: boolean;
  readonly inheritors: Translations[];
}

/** Every registry file of the run: named, then the bases each extends; its own locales and who inherits from it. */
async function loadRunTexts(
  registries: readonly string[],
  problems: readonly Diagnostic[],
  cwd: string,
): Promise<Result<{ files: RunFile[] }>> {
  const diagnostics = [...problems, ...(await Promise.all(registries.map((file) => checkRegistry(file, cwd)))).flat()];
  if (diagnostics.length > 0) return failure(diagnostics);
  const files = new Map<string, RunFile>();
  for (const registry of registries) {
    const loaded = await loadFileTexts(registry, cwd);
    if (!loaded.ok) return loaded;
    const { translations, chain } = loaded;
    const entry = files.get(registry);
    if (entry === undefined) files.set(registry, { translations, named: true, inheritors: [] });
    else entry.named = true;
    for (const base of chain.slice(1)) {
      let known = files.get(base);
      if (known === undefined) {
        const texts = await loadFileTexts(base, cwd);
        if (!texts.ok) return texts;
        known = { translations: texts.translations, named: false, inheritors: [] };
      }
      known.inheritors.push(translations);
      files.set(base, known);
    }
  }
  return { ok: true, files: [...files.values()] };
}

/** A single registry's own texts, as the report and the stamp read them; the whole registry checked first. */
export async function loadTranslations(options: TranslationOptions): Promise<Result<{ translations: Translations }>> {
  const cwd = resolveCwd(options.cwd);
  const file = path.resolve(cwd, options.registry ?? DEFAULTS.registry);
  const diagnostics = await checkRegistry(file, cwd);
  if (diagnostics.length > 0) return failure(diagnostics);
  return loadFileTexts(file, cwd);
}

function localeStatus(translations: Translations, locale: string): LocaleStatus {
  const { raw, slots } = translations;
  const isSource = locale === raw.locales[0];
  const missing: MissingText[] = [];
  const stale: StaleText[] = [];
  let inline = 0;
  let unstamped = 0;
  for (const slot of slots) {
    const source = translations.find(slot, raw.locales[0]!);
    const origin = translations.find(slot, locale);
    if (origin === undefined) {
      const where = translations.find(slot, raw.locales.find((other) => translations.find(slot, other) !== undefined)!)!;
      missing.push({ key: slot.key, sourceText: source?.text ?? "", file: where.file, line: where.line, column: where.column });
      continue;
    }
    if (origin.kind === "inline") inline += 1;
    if (isSource || origin.entry === undefined || source === undefined) continue;
    const current = sourceFingerprint(source.text);
    if (origin.entry.source === undefined) unstamped += 1;
    else if (origin.entry.source !== current) {
      stale.push({
        key: slot.key,
        sourceText: source.text,
        recorded: origin.entry.source,
        current,
        file: origin.file,
        line: origin.line,
        column: origin.column,
      });
    }
  }
  return {
    locale,
    isSource,
    total: slots.length,
    translated: slots.length - missing.length - stale.length,
    missing,
    stale,
    inline,
    unstamped,
    file: translations.fileOf(locale)?.parsed.source.file,
  };
}

function fileReport(translations: Translations, locales: readonly string[], extendedBy: readonly string[]): TranslationReport {
  const statuses = locales.map((locale) => localeStatus(translations, locale));
  return {
    registry: translations.registry.source.file,
    extendedBy,
    sourceLocale: translations.raw.locales[0]!,
    locales: statuses,
    complete: statuses.every((status) => status.missing.length === 0 && status.stale.length === 0),
  };
}

/**
 * How complete each locale of a registry is: per locale, the texts translated, and those missing or stale
 * (the source text changed after the translation recorded its fingerprint). Counts the texts written in the
 * registry's own file; for those it inherits through `extends`, see {@link translationReports}.
 * @throws {DiagnosticError} when the registry or a locale file is invalid (missing translations aside).
 */
export async function translationReport(options: TranslationOptions = {}): Promise<TranslationReport> {
  const loaded = await loadTranslations(options);
  throwIfInvalid(loaded);
  return fileReport(loaded.translations, loaded.translations.raw.locales, []);
}

/**
 * The translation status of every registry of a run (those named, the config's, or the embedded default) and of
 * every registry they extend: one report per file, each file once, its texts counted where they are written.
 * A base that is not named itself is reported in the locales the registries extending it use.
 * @throws {DiagnosticError} with the problems of every registry, when any is invalid (missing translations aside).
 * @example const reports = await translationReports({ config: true });
 */
export async function translationReports(options: TranslationOptions = {}): Promise<TranslationReport[]> {
  const cwd = resolveCwd(options.cwd);
  const { registries, problems } = await runRegistries(options);
  const loaded = await loadRunTexts(registries, problems, cwd);
  throwIfInvalid(loaded);
  return loaded.files.map(({ translations, named, inheritors }) => {
    const wanted = new Set([...(named ? translations.raw.locales : []), ...inheritors.flatMap((child) => child.raw.locales)]);
    const locales = translations.raw.locales.filter((locale) => wanted.has(locale));
    return fileReport(translations, locales, named ? [] : [...new Set(inheritors.map((child) => child.registry.source.file))]);
  });
}
