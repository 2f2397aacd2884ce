import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DataPath, ParsedYaml } from "./yaml-document.js";

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

type RawEntry = string | { readonly text: string; readonly source?: string };
/** A locale file as `locale.schema.json` allows it. */
export interface RawLocaleFile {
  readonly locale: string;
  readonly title?: RawEntry;
  readonly description?: RawEntry;
  readonly unknown?: RawEntry;
  readonly ranges?: Readonly<Record<string, RawEntry>>;
  readonly codes?: Readonly<Record<string, RawEntry>>;
  readonly sets?: Readonly<Record<string, { readonly description?: RawEntry; readonly label?: RawEntry }>>;
  readonly fields?: Readonly<Record<string, RawFieldTexts>>;
}

/** A field's texts in a locale file: its label, and for a `text` field its default and the values of ranges and codes. */
interface RawFieldTexts {
  readonly label?: RawEntry;
  readonly default?: RawEntry;
  readonly ranges?: Readonly<Record<string, RawEntry>>;
  readonly codes?: Readonly<Record<string, RawEntry>>;
}

/** A file name's locale part: loose on purpose, so that a badly cased tag is found and reported. */
const TAG_IN_NAME = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
const EXTENSIONS = [".yaml", ".yml"];

/** The locale files that sit beside a registry, by the tag in their name: `close-codes.pt-BR.yaml` → `pt-BR`. */
export async function findLocaleFiles(registryPath: string): Promise<Map<string, string[]>> {
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

/** The entries of a schema-valid locale file, in file order, each with its key and where it is. */
export function flattenEntries(data: RawLocaleFile): LocaleEntry[] {
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
  for (const [name, field] of Object.entries(data.fields ?? {})) {
    add(["fields", name, "label"], field.label);
    add(["fields", name, "default"], field.default);
    for (const group of ["ranges", "codes"] as const) {
      for (const [member, entry] of Object.entries(field[group] ?? {})) add(["fields", name, group, member], entry);
    }
  }
  return entries;
}
