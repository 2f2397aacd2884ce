import { createHash } from "node:crypto";
import type { RawRegistry, RawText } from "../load/raw-registry.js";
import type { DataPath } from "../load/yaml-document.js";

/**
 * One translatable text of a registry. Its `key` is the one key scheme every catalog uses: `title`,
 * `description`, `unknown`, `codes.<Name>`, `ranges.<Name>`, `sets.<Name>.description`, `sets.<Name>.label`,
 * and for fields `fields.<field>.label`, and for a `text` field `fields.<field>.default`,
 * `fields.<field>.ranges.<Name>` and `fields.<field>.codes.<Name>`.
 */
export interface TextSlot {
  readonly key: string;
  /** Where the text is in the registry: `["codes", 3, "description"]`. */
  readonly registryPath: DataPath;
  /** Where its translation is in a locale file: `["codes", "NormalClosure"]`. */
  readonly localePath: DataPath;
  /** The placeholders an ICU text may use here: `code` where `describe<Type>` knows the code. */
  readonly placeholders: readonly string[];
  /** The text as written in the registry. */
  readonly value: RawText;
}

/** Placeholders of texts that `describe<Type>(code)` returns; other texts are shown without a code. */
const CODE_PLACEHOLDERS = ["code"] as const;

/** Every text the registry has, in a fixed order (registry texts, ranges, codes, sets, fields). */
export function registryTextSlots(raw: RawRegistry): TextSlot[] {
  const slots: TextSlot[] = [];
  const add = (
    key: string,
    registryPath: DataPath,
    localePath: DataPath,
    value: RawText | undefined,
    placeholders: readonly string[] = [],
  ): void => {
    if (value !== undefined) slots.push({ key, registryPath, localePath, placeholders, value });
  };
  add("title", ["title"], ["title"], raw.title);
  add("description", ["description"], ["description"], raw.description);
  add("unknown", ["unknown"], ["unknown"], raw.unknown, CODE_PLACEHOLDERS);
  for (const [index, range] of (raw.ranges ?? []).entries()) {
    add(`ranges.${range.name}`, ["ranges", index, "description"], ["ranges", range.name], range.description, CODE_PLACEHOLDERS);
  }
  for (const [index, entry] of raw.codes.entries()) {
    add(`codes.${entry.name}`, ["codes", index, "description"], ["codes", entry.name], entry.description, CODE_PLACEHOLDERS);
  }
  (raw.sets ?? []).forEach((set, index) => {
    add(`sets.${set.name}.description`, ["sets", index, "description"], ["sets", set.name, "description"], set.description);
    add(`sets.${set.name}.label`, ["sets", index, "label"], ["sets", set.name, "label"], set.label);
  });
  for (const slot of fieldTextSlots(raw)) slots.push(slot);
  return slots;
}

/**
 * The texts of the fields: each label, and every value of a `text` field (its default, and what ranges and codes
 * give). A value that is not a text is the model's error to report, so it has no slot.
 */
function fieldTextSlots(raw: RawRegistry): TextSlot[] {
  const slots: TextSlot[] = [];
  const add = (registryPath: DataPath, localePath: readonly string[], value: unknown): void => {
    if (isText(value)) slots.push({ key: localePath.join("."), registryPath, localePath, placeholders: [], value });
  };
  (raw.fields ?? []).forEach((field, index) => {
    add(["fields", index, "label"], ["fields", field.name, "label"], field.label);
    if (field.type !== "text") return;
    add(["fields", index, "default"], ["fields", field.name, "default"], field.default);
    for (const group of ["ranges", "codes"] as const) {
      (raw[group] ?? []).forEach((item, position) => {
        if (item.fields !== undefined && Object.hasOwn(item.fields, field.name)) {
          add([group, position, "fields", field.name], ["fields", field.name, group, item.name], item.fields[field.name]);
        }
      });
    }
  });
  return slots;
}

function isText(value: unknown): value is RawText {
  if (typeof value === "string") return true;
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((text) => typeof text === "string")
  );
}

/** The registry's own text for `locale`: its map entry, or the shorthand string for the source locale. */
export function inlineText(raw: RawRegistry, value: RawText, locale: string): string | undefined {
  if (typeof value === "string") return locale === raw.locales[0] ? value : undefined;
  return Object.hasOwn(value, locale) ? value[locale] : undefined;
}

/**
 * The fingerprint of a source text that a translation records, to tell when the source changed after it
 * was translated: the first 8 hex digits of the SHA-256 of its UTF-8 bytes.
 */
export function sourceFingerprint(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}
