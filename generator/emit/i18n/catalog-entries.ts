import type { CodeEntry, LocalizedText, Registry } from "../../model/registry.js";

/** One message of a catalog: its key, its text in every locale, and a note for translators. */
export interface CatalogEntry {
  /**
   * `title`, `description`, `unknown`, `codes.<Name>`, `ranges.<Name>`, `sets.<Name>.description`, `sets.<Name>.label`,
   * `fields.<field>.label`, and a text field's `fields.<field>.default`, `fields.<field>.ranges.<Name>`, `fields.<field>.codes.<Name>`.
   */
  readonly key: string;
  readonly texts: LocalizedText;
  /** What the text is for, shown to translators (FormatJS `description`, a gettext `#.` comment). */
  readonly note: string;
}

function rangeNote(from: number, to: number, name: string): string {
  return from === to
    ? `Describes code ${from} (range ${name}).`
    : `Describes a code in ${from}–${to} (range ${name}) that has no text of its own.`;
}

function withReference(note: string, reference: string | undefined): string {
  return reference === undefined ? note : `${note} (${reference})`;
}

/** A deprecated code's note says so, so that translators know the text is on its way out and what replaces it. */
function withStatus(note: string, entry: CodeEntry): string {
  const { status, note: why, replacement, deprecatedSince } = entry.lifecycle;
  if (status !== "deprecated") return note;
  const since = deprecatedSince === undefined ? "" : ` since ${deprecatedSince}`;
  const use = replacement === undefined ? "" : ` Replaced by ${replacement}.`;
  return `${note} Deprecated${since}: ${why ?? ""}${use}`;
}

/**
 * Every text of the registry as catalog entries, in a fixed order: the registry's title, description and
 * unknown text, then ranges, codes and sets in declaration order. The keys are the same in every format.
 */
export function catalogEntries(registry: Registry): CatalogEntry[] {
  const placeholder = registry.messageFormat === "icu" ? " {code} is the code." : "";
  const entries: CatalogEntry[] = [{ key: "title", texts: registry.title, note: "The title of the code registry." }];
  if (registry.description !== undefined) {
    entries.push({ key: "description", texts: registry.description, note: "What the codes of the registry are." });
  }
  entries.push({
    key: "unknown",
    texts: registry.unknown,
    note: `Describes a code that is neither registered nor inside a declared range.${placeholder}`,
  });
  for (const range of registry.ranges) {
    const note = `${rangeNote(range.from, range.to, range.name)}${placeholder}`;
    entries.push({ key: `ranges.${range.name}`, texts: range.description, note: withReference(note, range.reference) });
  }
  for (const entry of registry.codes) {
    const note = `Describes code ${entry.code} (${entry.name}).${placeholder}`;
    entries.push({ key: `codes.${entry.name}`, texts: entry.description, note: withStatus(withReference(note, entry.reference), entry) });
  }
  for (const set of registry.sets) {
    if (set.description !== undefined) {
      entries.push({
        key: `sets.${set.name}.description`,
        texts: set.description,
        note: `What the codes of the set ${set.name} have in common.`,
      });
    }
    if (set.label !== undefined) {
      entries.push({
        key: `sets.${set.name}.label`,
        texts: set.label,
        note: `A short column header: whether a code is in the set ${set.name}.`,
      });
    }
  }
  entries.push(...fieldEntries(registry));
  return entries;
}

/**
 * The texts of the fields, where the registry writes them: each label, and a text field's default and the
 * values ranges and codes give (a code that inherits its value has no entry of its own).
 */
function fieldEntries(registry: Registry): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const field of registry.fields) {
    const key = (...rest: string[]) => ["fields", field.name, ...rest].join(".");
    if (field.label !== undefined)
      entries.push({ key: key("label"), texts: field.label, note: `A short column header: the field ${field.name} of a code.` });
    if (field.type !== "text") continue;
    const what = field.description === undefined ? "" : ` (${field.description})`;
    if (field.default !== undefined) {
      entries.push({
        key: key("default"),
        texts: field.default as LocalizedText,
        note: `The field ${field.name}${what} of a code that gives none and whose ranges give none.`,
      });
    }
    for (const range of registry.ranges) {
      const value = range.fields[field.name];
      if (value !== undefined)
        entries.push({
          key: key("ranges", range.name),
          texts: value as LocalizedText,
          note: `The field ${field.name}${what} of the codes in ${range.from}–${range.to} (range ${range.name}).`,
        });
    }
    for (const entry of registry.codes) {
      if (entry.ownFields.includes(field.name)) {
        entries.push({
          key: key("codes", entry.name),
          texts: entry.fields[field.name] as LocalizedText,
          note: `The field ${field.name}${what} of code ${entry.code} (${entry.name}).`,
        });
      }
    }
  }
  return entries;
}

/** The file of one format for one locale: `<format>/<locale>/<id>.<extension>`. */
export function catalogPath(format: string, locale: string, registry: Registry, extension: string): string {
  return `${format}/${locale}/${registry.id}.${extension}`;
}
