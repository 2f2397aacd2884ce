/**
 * The rules `codebook diff` classifies changes by, in the manner of `buf breaking`: each rule has a stable id and
 * one level. A change that breaks code or data written against the old registry (a name or number that no longer
 * means what it meant, a guard that now answers `false`) is major; one that only adds is minor; one that only
 * changes texts is patch.
 */

/** How much a change matters to the users of a registry, as semver levels. */
export type ChangeLevel = "major" | "minor" | "patch";

/** The verdict of a comparison: the highest level of its changes, or `none`. */
export type Verdict = ChangeLevel | "none";

/** The levels from the highest down: the order of a report. */
export const CHANGE_LEVELS: readonly ChangeLevel[] = ["major", "minor", "patch"];

/** One rule: its level and what it detects, as the README's table lists it. */
export interface ChangeRule {
  readonly level: ChangeLevel;
  readonly summary: string;
}

/** Every rule, by id. */
export const CHANGE_RULES = {
  "code-removed": { level: "major", summary: "a code removed without being retired (its number may be reused by mistake)" },
  "code-renumbered": { level: "major", summary: "a name given another number" },
  "code-renamed": { level: "major", summary: "a number given another name (the enum member is renamed)" },
  "code-retired": { level: "major", summary: "a code retired (its member, name export and guard answer go)" },
  "alias-removed": { level: "major", summary: "an alias removed" },
  "set-removed": { level: "major", summary: "a set removed (its guard goes)" },
  "set-member-removed": { level: "major", summary: "a code or span removed from a set (its guard's answer turns from true to false)" },
  "guard-renamed": { level: "major", summary: "a set's guard renamed" },
  "range-removed": { level: "major", summary: "a range removed" },
  "range-changed": { level: "major", summary: "a range's bounds changed so that a registered code's range changes" },
  "locale-removed": { level: "major", summary: "a locale removed" },
  "type-renamed": { level: "major", summary: "the registry's type renamed (every generated name changes)" },
  "id-changed": { level: "major", summary: "the registry's id changed (every generated file is renamed)" },
  "field-removed": { level: "major", summary: "a field removed (its lookup and its property of the record go)" },
  "field-type-changed": {
    level: "major",
    summary: "a field's type changed: another type, a one-of that lost a value, a code field of another registry",
  },
  "field-value-changed": {
    level: "major",
    summary: "a code's value of a field changed (its lookup answers otherwise); text fields excepted",
  },
  "code-added": { level: "minor", summary: "a code added" },
  "code-deprecated": { level: "minor", summary: "a code deprecated" },
  "code-undeprecated": { level: "minor", summary: "a deprecated code made active again" },
  "alias-added": { level: "minor", summary: "an alias added" },
  "set-added": { level: "minor", summary: "a set added" },
  "set-member-added": { level: "minor", summary: "a code or span added to a set" },
  "range-added": { level: "minor", summary: "a range added" },
  "range-resized": { level: "minor", summary: "a range's bounds changed without changing any registered code's range" },
  "locale-added": { level: "minor", summary: "a locale added" },
  "field-added": { level: "minor", summary: "a field added" },
  "field-values-added": { level: "minor", summary: "a one-of field allows more values" },
  "retired-added": { level: "patch", summary: "a number reserved as retired that was not a code before" },
  "text-changed": { level: "patch", summary: "a text of the source locale changed (description, title, label, note)" },
  "reference-changed": { level: "patch", summary: "a reference or URL changed" },
  "status-history-changed": { level: "patch", summary: "a status note, replacement or since version changed" },
  "translation-added": { level: "patch", summary: "a translation added" },
  "translation-changed": { level: "patch", summary: "a translation changed" },
} as const satisfies Record<string, ChangeRule>;

/** The id of a rule: `code-renamed`. */
export type ChangeRuleId = keyof typeof CHANGE_RULES;

/** The rank of a verdict, to compare two of them: none 0, patch 1, minor 2, major 3. */
export function verdictRank(verdict: Verdict): number {
  return verdict === "none" ? 0 : 3 - CHANGE_LEVELS.indexOf(verdict);
}

/** The highest of the levels, or `none` without any. */
export function verdictOf(levels: readonly ChangeLevel[]): Verdict {
  return CHANGE_LEVELS.find((level) => levels.includes(level)) ?? "none";
}
