import type { TranslationReport } from "./report.js";

function quote(text: string, limit = 80): string {
  const flat = text.replace(/\s+/g, " ");
  return JSON.stringify(flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat);
}

/** The report as lines of text, for the CLI: a line per locale, then each gap and what to do about it. */
export function formatTranslationReport(report: TranslationReport): string[] {
  const width = Math.max(...report.locales.map((status) => status.locale.length));
  const inherited = report.extendedBy.length > 0 ? ` (extended by ${report.extendedBy.join(", ")})` : "";
  const lines = [
    `${report.registry}${inherited}: ${report.locales.length} locale${report.locales.length === 1 ? "" : "s"}, ${report.locales[0]?.total ?? 0} texts each (source locale ${report.sourceLocale})`,
  ];
  for (const status of report.locales) {
    const fileName = status.file ?? `${report.registry.replace(/\.ya?ml$/i, "")}.${status.locale}.yaml`;
    const written = [status.file, status.inline > 0 ? `${status.inline} inline in ${report.registry}` : undefined]
      .filter(Boolean)
      .join(", ");
    const where = status.isSource ? "source locale" : written === "" ? `no ${fileName} yet` : written;
    const gaps = [
      status.missing.length > 0 ? `${status.missing.length} missing` : "",
      status.stale.length > 0 ? `${status.stale.length} stale` : "",
    ].filter(Boolean);
    lines.push(
      `  ${status.locale.padEnd(width)}  ${`${status.translated}/${status.total}`.padStart(9)}  ${where}${gaps.length > 0 ? `: ${gaps.join(", ")}` : ""}`,
    );
    if (written === "" && !status.isSource && status.missing.length === status.total && status.total > 0) {
      // Nothing of the locale exists yet: one line says what to create, rather than a line per text.
      lines.push(`    create ${fileName} with \`locale: ${status.locale}\` and a translation of each of the ${status.total} texts`);
      continue;
    }
    for (const text of status.missing) {
      lines.push(
        `    missing ${text.file}:${text.line}:${text.column}: ${text.key} has no "${status.locale}" text; add ${localeFileKey(text.key)} to ${fileName} (source: ${quote(text.sourceText)})`,
      );
    }
    for (const text of status.stale) {
      lines.push(
        `    stale   ${text.file}:${text.line}:${text.column}: ${text.key}: the source text changed after this translation; it now reads ${quote(text.sourceText)}`,
      );
    }
    if (status.stale.length > 0) {
      lines.push(`    update the stale texts, then run \`codebook i18n --stamp ${status.locale} ${report.registry}\``);
    }
    if (status.unstamped > 0) {
      lines.push(
        `    ${status.unstamped} text${status.unstamped === 1 ? " has" : "s have"} no source fingerprint, so a change of the source cannot be detected: once reviewed, run \`codebook i18n --stamp ${status.locale} ${report.registry}\``,
      );
    }
  }
  return lines;
}

/** Where a key goes in a locale file: `codes.Timeout` → `codes: { Timeout: … }`. */
function localeFileKey(key: string): string {
  const [first, ...rest] = key.split(".");
  return rest.length === 0 ? `\`${first}: …\`` : `\`${rest.join(": ")}: …\` under \`${first}:\``;
}
