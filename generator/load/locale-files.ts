import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { RawRegistry } from "../model/raw-registry.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { readSourceFile } from "./source-file.js";
import { locate, parseYaml, type DataPath, type ParsedYaml } from "./yaml-document.js";

/** A translation as written in a locale file: `Name: text`, or `Name: { text, source }`. */
export interface LocaleEntry {
  /** The text's key (see `TextSlot.key`): `codes.NormalClosure`. */
  readonly key: string;
  readonly text: string;
  /** The fingerprint of the source text it was translated from, when one is recorded. */
  readonly source: string | undefined;
  /** Where the entry is in its file. */
  readonly path: DataPath;
}

/** `<registry>.<locale>.yaml`: one locale's texts for the registry beside it. */
export interface LocaleFile {
  readonly locale: string;
  readonly parsed: ParsedYaml;
  /** In file order. */
  readonly entries: readonly LocaleEntry[];
}

export type LocaleFilesResult = { readonly files: readonly LocaleFile[]; readonly diagnostics: readonly Diagnostic[] };

type RawEntry = string | { readonly text: string; readonly source?: string };
interface RawLocaleFile {
  readonly locale: string;
  readonly title?: RawEntry;
  readonly description?: RawEntry;
  readonly unknown?: RawEntry;
  readonly ranges?: Readonly<Record<string, RawEntry>>;
  readonly codes?: Readonly<Record<string, RawEntry>>;
  readonly sets?: Readonly<Record<string, { readonly description?: RawEntry; readonly label?: RawEntry }>>;
}

/** A file name's locale part: loose on purpose, so that a badly cased tag is found and reported. */
const TAG_IN_NAME = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
const EXTENSIONS = [".yaml", ".yml"];

/** The locale files that sit beside a registry, by the tag in their name: `close-codes.pt-BR.yaml` → `pt-BR`. */
async function findLocaleFiles(registryPath: string): Promise<Map<string, string[]>> {
  const folder = path.dirname(registryPath);
  const base = path.basename(registryPath).replace(/\.ya?ml$/i, "");
  const found = new Map<string, string[]>();
  for (const name of (await readdir(folder)).sort()) {
    const extension = EXTENSIONS.find((candidate) => name.endsWith(candidate));
    if (extension === undefined || !name.startsWith(`${base}.`)) continue;
    const tag = name.slice(base.length + 1, -extension.length);
    if (!TAG_IN_NAME.test(tag)) continue;
    found.set(tag, [...(found.get(tag) ?? []), path.join(folder, name)]);
  }
  return found;
}

/**
 * Loads the locale files beside a registry (`<basename>.<locale>.yaml`), validating each against
 * `locale.schema.json`. Reports a file for a locale the registry does not list, a `locale` that does not
 * match the file name, and two files for one locale.
 */
export async function loadLocaleFiles(registry: ParsedYaml, raw: RawRegistry, cwd: string): Promise<LocaleFilesResult> {
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
    const at = (target: ParsedYaml, code: string, message: string): void => {
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

function flattenEntries(data: RawLocaleFile): LocaleEntry[] {
  const entries: LocaleEntry[] = [];
  const add = (filePath: DataPath, entry: RawEntry | undefined): void => {
    if (entry === undefined) return;
    const key = filePath.join(".");
    if (typeof entry === "string") entries.push({ key, text: entry, source: undefined, path: filePath });
    else entries.push({ key, text: entry.text, source: entry.source, path: filePath });
  };
  add(["title"], data.title);
  add(["description"], data.description);
  add(["unknown"], data.unknown);
  for (const group of ["ranges", "codes"] as const) {
    for (const [name, entry] of Object.entries(data[group] ?? {})) add([group, name], entry);
  }
  for (const [name, set] of Object.entries(data.sets ?? {})) {
    add(["sets", name, "description"], set.description);
    add(["sets", name, "label"], set.label);
  }
  return entries;
}
