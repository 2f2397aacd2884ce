import path from "node:path";
import type { Diagnostic, DiagnosticCode, WithProblems } from "../diagnostics/index.js";
import { findLocaleFiles, flattenEntries, type LocaleFile, type RawLocaleFile } from "../load/locale-files.js";
import type { RawRegistry } from "../load/raw-registry.js";
import { readSourceFile } from "../load/source-file.js";
import { locate, type ParsedYaml, parseYaml } from "../load/yaml-document.js";
import { validateAgainstSchema } from "../validate/schema.js";

export type LocaleFiles = WithProblems<{ readonly files: readonly LocaleFile[] }>;

/**
 * Loads the locale files beside a registry (`<basename>.<locale>.yaml`), validating each against
 * `locale.schema.json`. Reports a file for a locale the registry does not list, a `locale` that does not
 * match the file name, and two files for one locale.
 */
export async function loadLocaleFiles(registry: ParsedYaml, raw: RawRegistry, cwd: string): Promise<LocaleFiles> {
  const diagnostics: Diagnostic[] = [];
  const files: LocaleFile[] = [];
  const registryName = path.basename(registry.source.path);
  for (const [tag, paths] of await findLocaleFiles(registry.source.path)) {
    const parsedFiles: ParsedYaml[] = [];
    for (const file of paths) {
      const read = await readSourceFile(file, cwd);
      const parse = read.ok ? parseYaml(read.source) : read;
      if (!parse.ok) diagnostics.push(...parse.diagnostics);
      else parsedFiles.push(parse.parsed);
    }
    const [parsed, duplicate] = parsedFiles;
    if (parsed === undefined) continue;
    const at = (target: ParsedYaml, code: DiagnosticCode, message: string): void => {
      diagnostics.push({ file: target.source.file, ...locate(target, ["locale"]), code, message });
    };
    if (duplicate !== undefined) {
      at(duplicate, "duplicate-locale-file", `a second locale file for "${tag}" (the first is ${parsed.source.file}); keep one`);
    }
    if (!raw.locales.includes(tag)) {
      const listed = raw.locales.find((locale) => locale.toLowerCase() === tag.replace(/_/g, "-").toLowerCase());
      at(
        parsed,
        "unlisted-locale",
        listed === undefined
          ? `locale file for "${tag}", which is not listed in \`locales\` of ${registryName} (${raw.locales.join(", ")}); add it there or remove this file`
          : `locale file for "${tag}": name it for the listed tag "${listed}" instead`,
      );
      continue;
    }
    const schemaDiagnostics = await validateAgainstSchema(parsed, "locale");
    if (schemaDiagnostics.length > 0) {
      diagnostics.push(...schemaDiagnostics);
      continue;
    }
    const data = parsed.data as RawLocaleFile;
    if (data.locale !== tag) {
      at(parsed, "locale-mismatch", `locale "${data.locale}" does not match the file name, which is for "${tag}"`);
      continue;
    }
    files.push({ locale: tag, parsed, entries: flattenEntries(data) });
  }
  return { files, diagnostics };
}
