/**
 * codebook's programmatic API: the CLI is a thin layer over these functions.
 * @packageDocumentation
 */
export { check, generate, renderRegistry, validate } from "./pipeline.js";
export type { CheckResult, GenerateResult, RunOptions } from "./pipeline.js";
export { loadRegistry } from "./load/load-registry.js";
export type { LoadOptions } from "./load/load-registry.js";
export { DiagnosticError, formatDiagnostic } from "./diagnostics.js";
export type { Diagnostic } from "./diagnostics.js";
export type { GeneratedFile } from "./emit/header.js";
export { TARGET_NAMES } from "./emit/targets.js";
export type { TargetName } from "./emit/targets.js";
export type { Alias, CodeEntry, CodeRange, CodeSet, Interval, LocalizedText, MessagePart, Registry } from "./model/registry.js";
export { formatTranslationReport, stampTranslations, translationReport } from "./translation-report.js";
export type { LocaleStatus, MissingText, StaleText, StampResult, TranslationOptions, TranslationReport } from "./translation-report.js";
