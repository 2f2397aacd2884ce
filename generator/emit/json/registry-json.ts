import { intervalsContain } from "../../model/intervals.js";
import type { CodeEntry, Field, FieldValue, Registry } from "../../model/registry.js";
import { registryPathFrom } from "../header.js";
import type { EmitContext, GeneratedFile } from "../types.js";

/** A code as data: its number, names, sets and texts, and its status with the history the registry gives. */
function codeData(registry: Registry, entry: CodeEntry) {
  const { status, note, replacement, since, deprecatedSince, retiredSince } = entry.lifecycle;
  return {
    code: entry.code,
    name: entry.name,
    status,
    ...(note === undefined ? {} : { note }),
    ...(replacement === undefined ? {} : { replacement }),
    ...(since === undefined ? {} : { since }),
    ...(deprecatedSince === undefined ? {} : { deprecatedSince }),
    ...(retiredSince === undefined ? {} : { retiredSince }),
    ...(entry.range === undefined ? {} : { range: entry.range }),
    sets: registry.sets.filter((set) => intervalsContain(set.intervals, entry.code)).map((set) => set.name),
    description: entry.description,
    ...(entry.reference === undefined ? {} : { reference: entry.reference }),
    ...(entry.url === undefined ? {} : { url: entry.url }),
    ...(entry.docUrl === undefined ? {} : { docUrl: entry.docUrl }),
    ...(entry.aliases.length === 0 ? {} : { aliases: entry.aliases.map((alias) => alias.name) }),
    ...(registry.fields.length === 0 ? {} : { fields: orderedValues(registry.fields, entry.fields) }),
  };
}

/**
 * `<id>.json`: the resolved registry as data, for consumers in other languages. Keys are written in a fixed
 * order and optional fields are omitted when absent, so the file is stable.
 */
export function emitRegistryJson(registry: Registry, context: EmitContext): GeneratedFile[] {
  const data = {
    generatedFrom: registryPathFrom(registry, context),
    id: registry.id,
    ...(registry.version === undefined ? {} : { version: registry.version }),
    type: registry.type,
    title: registry.title,
    ...(registry.description === undefined ? {} : { description: registry.description }),
    unknown: registry.unknown,
    locales: registry.locales,
    sourceLocale: registry.sourceLocale,
    messageFormat: registry.messageFormat,
    bounds: { min: registry.bounds.from, max: registry.bounds.to },
    ...(registry.fields.length === 0 ? {} : { fields: registry.fields.map(fieldJson) }),
    ranges: registry.ranges.map((range) => ({
      name: range.name,
      from: range.from,
      to: range.to,
      ...(range.parent === undefined ? {} : { parent: range.parent }),
      description: range.description,
      ...(range.reference === undefined ? {} : { reference: range.reference }),
      ...(range.url === undefined ? {} : { url: range.url }),
      ...(range.aliases.length === 0 ? {} : { aliases: range.aliases.map((alias) => alias.name) }),
      ...(Object.keys(range.fields).length === 0 ? {} : { fields: orderedValues(registry.fields, range.fields) }),
    })),
    codes: registry.codes.map((entry) => codeData(registry, entry)),
    ...(registry.retired.length === 0 ? {} : { retired: registry.retired.map((entry) => codeData(registry, entry)) }),
    sets: registry.sets.map((set) => ({
      name: set.name,
      ...(set.description === undefined ? {} : { description: set.description }),
      ...(set.label === undefined ? {} : { label: set.label }),
      members: set.intervals.map((interval) => [interval.from, interval.to]),
    })),
  };
  return [{ path: `${registry.id}.json`, contents: `${JSON.stringify(data, null, 2)}\n` }];
}

/** A field declaration as data: a code field names its registry by `id`. */
function fieldJson(field: Field) {
  return {
    name: field.name,
    type: field.type,
    ...(field.type === "one-of" ? { values: field.values } : {}),
    ...(field.target === undefined ? {} : { registry: field.target.id }),
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(field.description === undefined ? {} : { description: field.description }),
    ...(field.label === undefined ? {} : { label: field.label }),
  };
}

/** Field values in the order the fields are declared (a text field's value is its text in every locale). */
function orderedValues(fields: readonly Field[], values: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  return Object.fromEntries(fields.filter((field) => Object.hasOwn(values, field.name)).map((field) => [field.name, values[field.name]!]));
}
