import type { Result } from "../diagnostics/index.js";
import { readSourceFile } from "../load/source-file.js";
import { locate, type ParsedYaml, parseYaml } from "../load/yaml-document.js";
import type { CodeEntry, CodeLifecycle, CodeRange, CodeSet, Field, FieldValue, LocalizedText, Registry } from "./registry.js";

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): LocalizedText => (isRecord(value) ? (value as LocalizedText) : {});
const optional = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const list = (value: unknown): Data[] => (Array.isArray(value) ? value.filter(isRecord) : []);
/** Field values as `<id>.json` writes them. */
const fieldValues = (value: unknown): Readonly<Record<string, FieldValue>> =>
  isRecord(value) ? (value as Record<string, FieldValue>) : {};
const names = (value: unknown) => (Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : []);

function lifecycle(item: Data): CodeLifecycle {
  const status = item.status === "deprecated" || item.status === "retired" ? item.status : "active";
  return {
    status,
    note: optional(item.note),
    replacement: optional(item.replacement),
    since: optional(item.since),
    deprecatedSince: optional(item.deprecatedSince),
    retiredSince: optional(item.retiredSince),
  };
}

function code(item: Data): CodeEntry {
  return {
    code: Number(item.code),
    name: String(item.name),
    description: text(item.description),
    reference: optional(item.reference),
    url: optional(item.url),
    aliases: names(item.aliases).map((name) => ({ name, note: undefined, deprecated: true })),
    range: optional(item.range),
    lifecycle: lifecycle(item),
    fields: fieldValues(item.fields),
    ownFields: [],
  };
}

function range(item: Data): CodeRange {
  return {
    from: Number(item.from),
    to: Number(item.to),
    name: String(item.name),
    description: text(item.description),
    reference: optional(item.reference),
    url: optional(item.url),
    aliases: names(item.aliases).map((name) => ({ name, note: undefined, deprecated: true })),
    parent: optional(item.parent),
    fields: fieldValues(item.fields),
  };
}

function set(item: Data): CodeSet {
  const members = Array.isArray(item.members) ? item.members : [];
  return {
    name: String(item.name),
    guard: undefined,
    description: isRecord(item.description) ? text(item.description) : undefined,
    label: isRecord(item.label) ? text(item.label) : undefined,
    intervals: members
      .filter((pair): pair is [number, number] => Array.isArray(pair) && pair.length === 2)
      .map(([from, to]) => ({ from, to })),
  };
}

const FIELD_TYPES: readonly Field["type"][] = ["boolean", "integer", "number", "string", "one-of", "text", "code"];

/**
 * A field's declaration as `<id>.json` writes it; a code field's registry is known by its id alone (all a
 * comparison of declarations needs).
 */
function field(item: Data): Field {
  const type = FIELD_TYPES.find((known) => known === item.type) ?? "string";
  return {
    name: String(item.name),
    type,
    values: names(item.values),
    target: typeof item.registry === "string" ? { id: item.registry, type: "", file: "", codes: [] } : undefined,
    default: item.default as FieldValue | undefined,
    description: optional(item.description),
    label: isRecord(item.label) ? text(item.label) : undefined,
  };
}

/** The shape every `<id>.json` has; a file without it is some other JSON. */
function looksGenerated(data: unknown): data is Data {
  return (
    isRecord(data) &&
    typeof data.id === "string" &&
    typeof data.type === "string" &&
    Array.isArray(data.locales) &&
    Array.isArray(data.codes)
  );
}

function toRegistry(parsed: ParsedYaml, data: Data): Registry {
  const locales = names(data.locales);
  return {
    id: String(data.id),
    version: optional(data.version),
    type: String(data.type),
    title: text(data.title),
    description: isRecord(data.description) ? text(data.description) : undefined,
    unknown: text(data.unknown),
    locales,
    sourceLocale: optional(data.sourceLocale) ?? locales[0] ?? "en",
    messageFormat: data.messageFormat === "icu" ? "icu" : "plain",
    messages: new Map(),
    bounds: isRecord(data.bounds)
      ? { from: Number(data.bounds.min), to: Number(data.bounds.max) }
      : { from: 0, to: Number.MAX_SAFE_INTEGER },
    fields: list(data.fields).map(field),
    ranges: list(data.ranges).map(range),
    codes: list(data.codes).map(code),
    retired: list(data.retired).map(code),
    sets: list(data.sets).map(set),
    fallbacks: new Map(),
    sourcePath: parsed.source.path,
  };
}

/**
 * Reads a `<id>.json` that codebook generated (what an installed package ships) back into a model to compare
 * with: everything the JSON keeps (codes, names, aliases, ranges, set members, statuses, texts, fields); a set's guard
 * name and an alias's note are not in it.
 */
export async function loadJsonBaseline(file: string, cwd: string): Promise<Result<{ readonly registry: Registry }>> {
  const read = await readSourceFile(file, cwd);
  if (!read.ok) return read;
  const parse = parseYaml(read.source);
  if (!parse.ok) return parse;
  const { parsed } = parse;
  if (!looksGenerated(parsed.data)) {
    const message = "not a registry's JSON data as codebook generates it (<id>.json with id, type, locales and codes)";
    return { ok: false, diagnostics: [{ file: parsed.source.file, ...locate(parsed, []), code: "not-registry-json", message }] };
  }
  return { ok: true, registry: toRegistry(parsed, parsed.data) };
}
