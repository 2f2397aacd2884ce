import type { Registry } from "../registry.js";
import { ChangeList, type RegistryChange } from "./changes.js";
import { compareCodes } from "./compare-codes.js";
import { compareFields } from "./compare-fields.js";
import { compareRanges, compareRegistryKeys, compareSets } from "./compare-structure.js";
import { CHANGE_LEVELS, type Verdict, verdictOf } from "./rules.js";

/** What one side of a comparison knows: a baseline read from `<id>.json` has no guard names. */
export interface CompareOptions {
  /** @default true */
  readonly guardsKnown?: boolean;
}

/** The changes from one state of a registry to another, highest level first, and their verdict. */
export interface RegistryComparison {
  readonly changes: readonly RegistryChange[];
  readonly verdict: Verdict;
}

/**
 * Compares two states of a registry, model to model, and classifies every change by the rules of
 * {@link CHANGE_RULES}: what a generated module, catalog or data file loses (major), gains (minor) or only
 * words differently (patch).
 */
export function compareRegistries(oldRegistry: Registry, newRegistry: Registry, options: CompareOptions = {}): RegistryComparison {
  const changes = new ChangeList();
  compareRegistryKeys(changes, oldRegistry, newRegistry);
  compareRanges(changes, oldRegistry, newRegistry);
  compareCodes(changes, oldRegistry, newRegistry);
  compareSets(changes, oldRegistry, newRegistry, options.guardsKnown ?? true);
  compareFields(changes, oldRegistry, newRegistry);
  // Stable: by level, then in the order the comparison found them (registry, ranges, codes, sets, fields).
  const ordered = CHANGE_LEVELS.flatMap((level) => changes.changes.filter((change) => change.level === level));
  return { changes: ordered, verdict: verdictOf(ordered.map((change) => change.level)) };
}
