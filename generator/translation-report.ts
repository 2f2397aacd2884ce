import path from "node:path";
import { isMap, YAMLMap } from "yaml";
import { DiagnosticError } from "./diagnostics.js";
import { loadRegistrySources, resolveRegistry } from "./load/load-registry.js";
import type { Translations } from "./load/translations.js";
import { sourceFingerprint } from "./model/text-slots.js";
import { defaultRegistryPath } from "./package-root.js";
import { writeAtomic } from "./write/write-files.js";

/** Options of {@link translationReport} and {@link stampTranslations}. */
export interface TranslationOptions {
  /** The registry file. @default the embedded WebSocket close-code registry */
  readonly registry?: string;
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

/** The translation status of one registry. */
export interface TranslationReport {
  /** The registry file, as diagnostics print it. */
  readonly registry: string;
  readonly sourceLocale: string;
  readonly locales: readonly LocaleStatus[];
  /** No locale has a missing or stale text. */
  readonly complete: boolean;
}

async function loadTranslations(options: TranslationOptions): Promise<Translations> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const sources = await loadRegistrySources(options.registry ?? defaultRegistryPath, { cwd });
  if (!sources.ok) throw new DiagnosticError(sources.diagnostics);
  const resolved = await resolveRegistry(sources.translations, { tolerateMissing: true });
  const diagnostics = [...sources.diagnostics, ...(resolved.ok ? [] : resolved.diagnostics)];
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return sources.translations;
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
      stale.push({ key: slot.key, sourceText: source.text, recorded: origin.entry.source, current, file: origin.file, line: origin.line, column: origin.column });
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

/**
 * How complete each locale of a registry is: per locale, the texts translated, and those missing or stale
 * (the source text changed after the translation recorded its fingerprint).
 * @throws {DiagnosticError} when the registry or a locale file is invalid (missing translations aside).
 */
export async function translationReport(options: TranslationOptions = {}): Promise<TranslationReport> {
  const translations = await loadTranslations(options);
  const locales = translations.raw.locales.map((locale) => localeStatus(translations, locale));
  return {
    registry: translations.registry.source.file,
    sourceLocale: translations.raw.locales[0]!,
    locales,
    complete: locales.every((status) => status.missing.length === 0 && status.stale.length === 0),
  };
}

/** The outcome of {@link stampTranslations}. */
export type StampResult =
  | { readonly ok: true; readonly file: string; readonly stamped: number; readonly unchanged: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Records the current source fingerprint beside every translation of `locale`'s file, turning `Name: text`
 * into `Name: { text, source }`: run it once the translations are reviewed against the current source.
 * Comments and the rest of the file are kept.
 * @throws {DiagnosticError} when the registry or a locale file is invalid.
 */
export async function stampTranslations(locale: string, options: TranslationOptions = {}): Promise<StampResult> {
  const translations = await loadTranslations(options);
  const { raw } = translations;
  if (!raw.locales.includes(locale)) return { ok: false, reason: `"${locale}" is not a locale of ${translations.registry.source.file} (${raw.locales.join(", ")})` };
  if (locale === raw.locales[0]) return { ok: false, reason: `"${locale}" is the source locale: its texts translate nothing` };
  const file = translations.fileOf(locale);
  if (file === undefined) {
    return { ok: false, reason: `"${locale}" has no locale file; fingerprints are recorded only in locale files such as ${path.basename(translations.registry.source.path).replace(/\.ya?ml$/i, "")}.${locale}.yaml` };
  }
  const { document } = file.parsed;
  let stamped = 0;
  for (const entry of file.entries) {
    const slot = translations.slots.find((candidate) => candidate.key === entry.key)!;
    const source = translations.find(slot, raw.locales[0]!);
    if (source === undefined) continue;
    const fingerprint = sourceFingerprint(source.text);
    if (entry.source === fingerprint) continue;
    const node = document.getIn(entry.path, true);
    if (isMap(node)) {
      node.set("source", fingerprint);
    } else {
      const map = new YAMLMap();
      map.set("text", node);
      map.set("source", fingerprint);
      document.setIn(entry.path, map);
    }
    stamped += 1;
  }
  if (stamped > 0) await writeAtomic(file.parsed.source.path, document.toString({ lineWidth: 0 }));
  return { ok: true, file: file.parsed.source.file, stamped, unchanged: file.entries.length - stamped };
}
