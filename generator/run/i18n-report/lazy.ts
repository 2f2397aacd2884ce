import type { TranslationOptions, TranslationReport } from "./report.js";
import type { StampResult } from "./stamp.js";

/**
 * Per locale: how many texts are translated, and which are missing or stale. The YAML parser and the schema
 * validator are loaded on the first call, so that importing codebook's API stays cheap.
 * @example const report = await translationReport({ registry: "schema/close-codes.yaml" });
 */
export async function translationReport(options: TranslationOptions = {}): Promise<TranslationReport> {
  const { translationReport: report } = await import("./report.js");
  return report(options);
}

/**
 * The translation status of every registry of a run (named, the config's, or the built-in one) and of the
 * registries they extend: one report per file, each file once.
 * @example const reports = await translationReports({ config: true });
 */
export async function translationReports(options: TranslationOptions = {}): Promise<TranslationReport[]> {
  const { translationReports: reports } = await import("./report.js");
  return reports(options);
}

/**
 * Records the current source fingerprint on every text of `locale`'s file: its translations are then known to be
 * made from the current source texts.
 */
export async function stampTranslations(locale: string, options: TranslationOptions = {}): Promise<StampResult> {
  const { stampTranslations: stamp } = await import("./stamp.js");
  return stamp(locale, options);
}
