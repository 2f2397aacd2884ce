/**
 * codebook's programmatic API: the CLI is a thin layer over these functions.
 *
 * Importing it stays cheap: the YAML parser, the schema validators and ts-morph are loaded only by the calls that
 * need them. `generate` loads them only when a folder is out of date; the functions defined below load their
 * module on the first call.
 * @packageDocumentation
 */

import { resolveCwd } from "./config/defaults.js";
import type { CodebookConfig } from "./config/load-config.js";
import { loadTargetChecks, TARGET_NAMES } from "./emit/targets.js";
import type { LoadOptions } from "./model/load-model.js";
import type { Registry } from "./model/registry.js";
import type { DiffOptions, DiffOutcome } from "./run/diff-registries.js";
import type { TranslationOptions, TranslationReport } from "./run/i18n-report/report.js";
import type { StampResult } from "./run/i18n-report/stamp.js";

export type { ConfigEntryOptions } from "./config/config-entries.js";
export { CONFIG_FILE_NAMES, findConfigFile } from "./config/find-config.js";
export type { CodebookConfig } from "./config/load-config.js";
export type { Diagnostic, DiagnosticCode, RelatedLocation } from "./diagnostics/index.js";
export { DiagnosticError, formatDiagnostic } from "./diagnostics/index.js";
export { TARGET_NAMES } from "./emit/targets.js";
export type { EmitForm, GeneratedFile, ModuleFormat, TargetName } from "./emit/types.js";
export type { RegistryChange } from "./model/diff/changes.js";
export type { CompareOptions, RegistryComparison } from "./model/diff/compare-registries.js";
export { compareRegistries } from "./model/diff/compare-registries.js";
export type { ChangeLevel, ChangeRule, ChangeRuleId, Verdict } from "./model/diff/rules.js";
export { CHANGE_RULES } from "./model/diff/rules.js";
export type { VersionCheck } from "./model/diff/version-bump.js";
export type { LoadOptions } from "./model/load-model.js";
export type {
  Alias,
  CodeEntry,
  CodeLifecycle,
  CodeRange,
  CodeSet,
  CodeStatus,
  Interval,
  LocalizedText,
  MessagePart,
  Registry,
} from "./model/registry.js";
export type { CheckResult } from "./run/check.js";
export { check } from "./run/check.js";
export type { DiffOptions, DiffOutcome, DiffResult, LocatedChange, RegistryDiff } from "./run/diff-registries.js";
export type { GenerateResult } from "./run/generate.js";
export { generate } from "./run/generate.js";
export { formatTranslationReport } from "./run/i18n-report/format.js";
export type { LocaleStatus, MissingText, StaleText, TranslationOptions, TranslationReport } from "./run/i18n-report/report.js";
export type { StampResult } from "./run/i18n-report/stamp.js";
export type { RunFiles } from "./run/list-inputs.js";
export { listInputs } from "./run/list-inputs.js";
export type { RunOptions } from "./run/options.js";
export { renderRegistry } from "./run/render.js";
export { validate } from "./run/validate.js";
export type { WatchEvents, WatchOptions } from "./run/watch.js";
export { watch } from "./run/watch.js";
export type { FileCheck, FileState } from "./write/folder-sources.js";
export type { Manifest } from "./write/manifest.js";
export { MANIFEST_FILE } from "./write/manifest.js";
export type { WritingSection } from "./write/staged-writes.js";

/**
 * Loads one registry into the resolved model that every emitter reads, refusing what any target cannot emit (see
 * `Target.check`). The YAML parser and the schema validator are loaded on the first call, so that importing
 * codebook's API stays cheap.
 * @throws {DiagnosticError} with every problem found, each located in its file.
 * @example const registry = await loadRegistry("schema/close-codes.yaml");
 */
export async function loadRegistry(registryPath: string, options: LoadOptions = {}): Promise<Registry> {
  const [{ loadRegistry: load }, checks] = await Promise.all([import("./model/load-model.js"), loadTargetChecks(TARGET_NAMES)]);
  return load(registryPath, { ...options, cwd: resolveCwd(options.cwd), checks });
}

/**
 * Reads and validates a config file (`codebook.config.json`, `.yaml` or `.yml`) against
 * schema/config.schema.json; paths in it resolve against its folder.
 * @param options.cwd diagnostics name files relative to it. @default process.cwd()
 * @throws {DiagnosticError} with every problem found, each located in the config file.
 * @example const { entries } = await loadConfig("codebook.config.json");
 */
export async function loadConfig(file: string, options: { readonly cwd?: string } = {}): Promise<CodebookConfig> {
  const { loadConfig: load } = await import("./config/load-config.js");
  return load(file, options);
}

/**
 * Per locale: how many texts are translated, and which are missing or stale.
 * @example const report = await translationReport({ registry: "schema/close-codes.yaml" });
 */
export async function translationReport(options: TranslationOptions = {}): Promise<TranslationReport> {
  const { translationReport: report } = await import("./run/i18n-report/report.js");
  return report(options);
}

/**
 * The translation status of every registry of a run (named, the config's, or the built-in one) and of the
 * registries they extend: one report per file, each file once.
 * @example const reports = await translationReports({ config: true });
 */
export async function translationReports(options: TranslationOptions = {}): Promise<TranslationReport[]> {
  const { translationReports: reports } = await import("./run/i18n-report/report.js");
  return reports(options);
}

/**
 * Records the current source fingerprint on every text of `locale`'s file: its translations are then known to be
 * made from the current source texts.
 */
export async function stampTranslations(locale: string, options: TranslationOptions = {}): Promise<StampResult> {
  const { stampTranslations: stamp } = await import("./run/i18n-report/stamp.js");
  return stamp(locale, options);
}

/**
 * Compares registries with a git ref or a previous `<id>.json` and classifies every change (see `codebook diff`).
 * The loader and git reading are loaded on the first call.
 * @example const outcome = await diffRegistries({ cwd: process.cwd(), registries: ["codes/app.yaml"], against: "origin/main" });
 */
export async function diffRegistries(options: DiffOptions): Promise<DiffOutcome> {
  const { diffRegistries: diff } = await import("./run/diff-registries.js");
  return diff(options);
}
