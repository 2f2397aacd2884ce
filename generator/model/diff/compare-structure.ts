import { indexInnermost, subtractIntervals } from "../intervals.js";
import type { Interval, Registry } from "../registry.js";
import type { ChangeList } from "./changes.js";
import { compareAliases } from "./compare-codes.js";
import { compareReference, compareText } from "./compare-texts.js";

function spans(intervals: readonly Interval[]): string {
  const shown = intervals
    .slice(0, 6)
    .map((interval) => (interval.from === interval.to ? `${interval.from}` : `${interval.from}–${interval.to}`));
  return intervals.length > 6 ? `${shown.join(", ")}, … (${intervals.length} spans)` : shown.join(", ");
}

/** The registered codes whose innermost range is not the same in the two registries. */
function codesWithOtherRange(oldRegistry: Registry, newRegistry: Registry): number[] {
  const before = indexInnermost(oldRegistry.ranges);
  const after = indexInnermost(newRegistry.ranges);
  const oldNumbers = new Set(oldRegistry.codes.map((entry) => entry.code));
  return newRegistry.codes
    .filter((entry) => oldNumbers.has(entry.code) && before(entry.code)?.name !== after(entry.code)?.name)
    .map((entry) => entry.code);
}

/** Compares the ranges by name: removed and added, bounds that move a code to another range, aliases and texts. */
export function compareRanges(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry): void {
  const newByName = new Map(newRegistry.ranges.map((range) => [range.name, range]));
  const oldNames = new Set(oldRegistry.ranges.map((range) => range.name));
  const moved = codesWithOtherRange(oldRegistry, newRegistry);
  for (const before of oldRegistry.ranges) {
    const after = newByName.get(before.name);
    const oldKey = `ranges.${before.name}`;
    if (after === undefined) {
      changes.add("range-removed", `range ${before.name} (${spans([before])}) removed`, undefined, oldKey);
      continue;
    }
    const keys = { newKey: `ranges.${after.name}`, oldKey };
    if (before.from !== after.from || before.to !== after.to) {
      const span = `range ${after.name} changed from ${spans([before])} to ${spans([after])}`;
      const affected = moved.filter((code) => (code >= before.from && code <= before.to) || (code >= after.from && code <= after.to));
      if (affected.length > 0)
        changes.add("range-changed", `${span}: the range of code ${affected.join(", ")} changes`, keys.newKey, oldKey);
      else changes.add("range-resized", span, keys.newKey, oldKey);
    }
    compareAliases(changes, `range ${after.name}`, before.aliases, after.aliases, keys);
    compareReference(changes, `range ${after.name}`, before, after, keys);
    const catalogKey = `ranges.${after.name}`;
    compareText(changes, oldRegistry, newRegistry, {
      what: `range ${after.name}`,
      catalogKey,
      oldText: before.description,
      newText: after.description,
      newKey: `${keys.newKey}.description`,
      oldKey: `${oldKey}.description`,
    });
  }
  for (const after of newRegistry.ranges) {
    if (!oldNames.has(after.name))
      changes.add("range-added", `range ${after.name} (${spans([after])}) added`, `ranges.${after.name}`, undefined);
  }
}

/** Compares the sets by name: removed and added, members removed (major) and added (minor), guards and texts. */
export function compareSets(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry, guardsKnown: boolean): void {
  const newByName = new Map(newRegistry.sets.map((set) => [set.name, set]));
  const oldNames = new Set(oldRegistry.sets.map((set) => set.name));
  for (const before of oldRegistry.sets) {
    const after = newByName.get(before.name);
    const oldKey = `sets.${before.name}`;
    if (after === undefined) {
      changes.add("set-removed", `set ${before.name} removed`, undefined, oldKey);
      continue;
    }
    const newKey = `sets.${after.name}`;
    if (guardsKnown && before.guard !== after.guard)
      changes.add("guard-renamed", `set ${after.name}: its guard is renamed`, `${newKey}.guard`, `${oldKey}.guard`);
    const lost = subtractIntervals(before.intervals, after.intervals);
    if (lost.length > 0)
      changes.add("set-member-removed", `set ${after.name} no longer holds ${spans(lost)}`, `${newKey}.include`, `${oldKey}.include`);
    const gained = subtractIntervals(after.intervals, before.intervals);
    if (gained.length > 0)
      changes.add("set-member-added", `set ${after.name} now holds ${spans(gained)}`, `${newKey}.include`, `${oldKey}.include`);
    for (const field of ["description", "label"] as const) {
      const catalogKey = `sets.${after.name}.${field}`;
      compareText(changes, oldRegistry, newRegistry, {
        what: `set ${after.name} ${field}`,
        catalogKey,
        oldText: before[field],
        newText: after[field],
        newKey: catalogKey,
        oldKey: `${oldKey}.${field}`,
      });
    }
  }
  for (const after of newRegistry.sets) {
    if (!oldNames.has(after.name)) changes.add("set-added", `set ${after.name} added`, `sets.${after.name}`, undefined);
  }
}

/** Compares what the whole registry is: its id, type, locales and its own texts. */
export function compareRegistryKeys(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry): void {
  if (oldRegistry.id !== newRegistry.id) changes.add("id-changed", `id changed from ${oldRegistry.id} to ${newRegistry.id}`, "id", "id");
  if (oldRegistry.type !== newRegistry.type)
    changes.add("type-renamed", `type renamed from ${oldRegistry.type} to ${newRegistry.type}`, "type", "type");
  for (const locale of oldRegistry.locales) {
    if (!newRegistry.locales.includes(locale)) changes.add("locale-removed", `locale ${locale} removed`, "locales", `locales.${locale}`);
  }
  for (const locale of newRegistry.locales) {
    if (!oldRegistry.locales.includes(locale)) changes.add("locale-added", `locale ${locale} added`, `locales.${locale}`, "locales");
  }
  for (const key of ["title", "description", "unknown"] as const) {
    compareText(changes, oldRegistry, newRegistry, {
      what: `the registry's ${key}`,
      catalogKey: key,
      oldText: oldRegistry[key],
      newText: newRegistry[key],
      newKey: key,
      oldKey: key,
    });
  }
}
