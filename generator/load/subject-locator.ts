import type { SourceLocation } from "../diagnostics/index.js";
import { readSourceFile } from "./source-file.js";
import { type DataPath, locate, type ParsedYaml, parseYaml } from "./yaml-document.js";

/**
 * Finds where a subject of a registry (`codes.NormalClosure.aliases.CLOSE_NORMAL`, `sets.Valid.include`,
 * `codes.NormalClosure.description.de`) is written; a subject it cannot place is placed at its nearest parent.
 */
export type SubjectLocator = (key: string) => SourceLocation | undefined;

/** The lists whose items are named, and the subject prefix of each (`retired` is the `<id>.json` list of retired codes). */
const NAMED_LISTS: Readonly<Record<string, string>> = {
  codes: "codes",
  retired: "codes",
  ranges: "ranges",
  sets: "sets",
  fields: "fields",
};

type Index = Map<string, { readonly parsed: ParsedYaml; readonly path: DataPath }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Indexes a value and everything inside it: maps by key, aliases by name, other lists as a whole. */
function indexValue(index: Index, parsed: ParsedYaml, value: unknown, path: DataPath, key: string): void {
  if (!index.has(key)) index.set(key, { parsed, path });
  if (Array.isArray(value) && path.at(-1) === "aliases") {
    for (const [position, alias] of value.entries()) {
      const name = typeof alias === "string" ? alias : isRecord(alias) ? alias.name : undefined;
      if (typeof name === "string") index.set(`${key}.${name}`, { parsed, path: [...path, position] });
    }
  } else if (isRecord(value)) {
    for (const [child, inner] of Object.entries(value)) indexValue(index, parsed, inner, [...path, child], `${key}.${child}`);
  }
}

/** Indexes a registry file (YAML) or a `<id>.json`: its named lists by name, its locales by tag, its other keys. */
function indexRegistry(index: Index, parsed: ParsedYaml, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    const prefix = NAMED_LISTS[key];
    if (prefix !== undefined && Array.isArray(value)) {
      if (!index.has(prefix)) index.set(prefix, { parsed, path: [key] });
      for (const [position, item] of value.entries()) {
        if (!isRecord(item) || typeof item.name !== "string") continue;
        indexValue(index, parsed, item, [key, position], `${prefix}.${item.name}`);
        // `<id>.json` writes a set's resolved `members` where the registry has `include`.
        if ("members" in item && !("include" in item))
          index.set(`${prefix}.${item.name}.include`, { parsed, path: [key, position, "members"] });
      }
    } else if (key === "locales" && Array.isArray(value)) {
      index.set("locales", { parsed, path: [key] });
      for (const [position, tag] of value.entries())
        if (typeof tag === "string") index.set(`locales.${tag}`, { parsed, path: [key, position] });
    } else {
      indexValue(index, parsed, value, [key], key);
    }
  }
}

/** Indexes a locale file: each translation under the subject of the text it translates (`codes.X.description.de`). */
function indexLocaleFile(index: Index, parsed: ParsedYaml, data: Record<string, unknown>, locale: string): void {
  for (const key of ["title", "description", "unknown"]) if (key in data) index.set(`${key}.${locale}`, { parsed, path: [key] });
  for (const group of ["codes", "ranges"]) {
    const entries = data[group];
    if (isRecord(entries))
      for (const name of Object.keys(entries)) index.set(`${group}.${name}.description.${locale}`, { parsed, path: [group, name] });
  }
  const sets = data.sets;
  if (!isRecord(sets)) return;
  for (const [name, texts] of Object.entries(sets)) {
    if (!isRecord(texts)) continue;
    for (const field of Object.keys(texts)) index.set(`sets.${name}.${field}.${locale}`, { parsed, path: ["sets", name, field] });
  }
}

/**
 * A locator over the files a registry was loaded from (its chain of registries and their locale files), or over
 * a `<id>.json`. Exact subjects are looked for in every file first, so a locale file's translation is found
 * before the registry text it translates. `rename` gives the file name to print (`HEAD:schema/codes.yaml`).
 */
export async function locateSubjects(
  files: readonly string[],
  cwd: string,
  rename: (file: string) => string = (file) => file,
): Promise<SubjectLocator> {
  const indexes: Index[] = [];
  for (const file of files) {
    const read = await readSourceFile(file, cwd);
    const parse = read.ok ? parseYaml(read.source) : undefined;
    if (parse === undefined || !parse.ok || !isRecord(parse.parsed.data)) continue;
    const index: Index = new Map();
    const data = parse.parsed.data;
    if (typeof data.locale === "string" && data.id === undefined) indexLocaleFile(index, parse.parsed, data, data.locale);
    else indexRegistry(index, parse.parsed, data);
    indexes.push(index);
  }
  return (key) => {
    for (let parts = key.split("."); parts.length > 0; parts = parts.slice(0, -1)) {
      const wanted = parts.join(".");
      for (const index of indexes) {
        const found = index.get(wanted);
        if (found !== undefined) return { file: rename(found.parsed.source.file), ...locate(found.parsed, found.path) };
      }
    }
    return undefined;
  };
}
