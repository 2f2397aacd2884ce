import type { Field, FieldValue, Registry } from "../registry.js";
import type { ChangeList } from "./changes.js";

/** `one-of (info, warning, error)`, `code of http-status`, `boolean`: a field's type as a change names it. */
function typeOf(field: Field): string {
  if (field.type === "one-of") return `one-of (${field.values.join(", ")})`;
  if (field.type === "code") return `code of ${field.target?.id ?? "another registry"}`;
  return field.type;
}

/** `true`, `503`, `"error"`: a value as a change quotes it. */
function show(value: FieldValue | undefined): string {
  return value === undefined ? "none" : JSON.stringify(value);
}

/**
 * Compares the declared fields by name: a field removed or its type changed breaks the code that reads it (its
 * lookup goes, or answers another type); a one-of that only gains values, or a field added, adds. Each code's
 * value (its own, its range's or the default) is compared too, except a `text` field's, which is a text.
 */
export function compareFields(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry): void {
  const newByName = new Map(newRegistry.fields.map((field) => [field.name, field]));
  const oldNames = new Set(oldRegistry.fields.map((field) => field.name));
  for (const before of oldRegistry.fields) {
    const after = newByName.get(before.name);
    const oldKey = `fields.${before.name}`;
    if (after === undefined) {
      changes.add("field-removed", `field ${before.name} removed (its lookup and its property of the record go)`, undefined, oldKey);
      continue;
    }
    const newKey = `fields.${after.name}`;
    const widened = before.type === "one-of" && after.type === "one-of" && before.values.every((value) => after.values.includes(value));
    if (typeOf(before) !== typeOf(after) && !widened) {
      changes.add(
        "field-type-changed",
        `field ${after.name} changed from ${typeOf(before)} to ${typeOf(after)}`,
        `${newKey}.type`,
        `${oldKey}.type`,
      );
      continue;
    }
    const added = after.values.filter((value) => !before.values.includes(value));
    if (widened && added.length > 0)
      changes.add("field-values-added", `field ${after.name} now allows ${added.join(", ")}`, `${newKey}.values`, `${oldKey}.values`);
    compareValues(changes, oldRegistry, newRegistry, after);
  }
  for (const after of newRegistry.fields) {
    if (!oldNames.has(after.name))
      changes.add("field-added", `field ${after.name} (${typeOf(after)}) added`, `fields.${after.name}`, undefined);
  }
}

/** Each code in both registries whose value of `field` (not a text) is not what it was: its lookup answers otherwise. */
function compareValues(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry, field: Field): void {
  if (field.type === "text") return;
  const oldByNumber = new Map(oldRegistry.codes.map((entry) => [entry.code, entry]));
  for (const after of newRegistry.codes) {
    const before = oldByNumber.get(after.code);
    if (before === undefined) continue;
    const [was, is] = [before.fields[field.name], after.fields[field.name]];
    if (show(was) === show(is)) continue;
    const key = `codes.${after.name}.fields.${field.name}`;
    changes.add(
      "field-value-changed",
      `code ${after.code} (${after.name}): field ${field.name} changed from ${show(was)} to ${show(is)}`,
      key,
      `codes.${before.name}.fields.${field.name}`,
    );
  }
}
