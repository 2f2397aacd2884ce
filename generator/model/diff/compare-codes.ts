import type { Alias, CodeEntry, Registry } from "../registry.js";
import type { ChangeList } from "./changes.js";
import { compareReference, compareText } from "./compare-texts.js";

/** Every code of a registry, retired ones included. */
function allCodes(registry: Registry): CodeEntry[] {
  return [...registry.codes, ...registry.retired];
}

function label(entry: CodeEntry): string {
  return `code ${entry.code} (${entry.name})`;
}

/** Pairs each old code with its new state: by name first, then, for a name that is gone, by number. */
function pairCodes(
  oldRegistry: Registry,
  newRegistry: Registry,
): { pairs: [CodeEntry, CodeEntry][]; removed: CodeEntry[]; added: CodeEntry[] } {
  const newCodes = allCodes(newRegistry);
  const byName = new Map(newCodes.map((entry) => [entry.name, entry]));
  const byNumber = new Map(newCodes.map((entry) => [entry.code, entry]));
  const matched = new Set<CodeEntry>();
  const pairs: [CodeEntry, CodeEntry][] = [];
  const removed: CodeEntry[] = [];
  for (const before of allCodes(oldRegistry)) {
    const after = byName.get(before.name) ?? byNumber.get(before.code);
    if (after === undefined || matched.has(after)) removed.push(before);
    else {
      matched.add(after);
      pairs.push([before, after]);
    }
  }
  return { pairs, removed, added: newCodes.filter((entry) => !matched.has(entry)) };
}

/** Compares the codes: added, removed, renamed, renumbered, their status, aliases and texts. */
export function compareCodes(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry): void {
  const { pairs, removed, added } = pairCodes(oldRegistry, newRegistry);
  for (const before of removed) {
    const what =
      before.lifecycle.status === "retired"
        ? `retired ${label(before)} removed: its number and name are no longer reserved`
        : `${label(before)} removed without being retired; set \`status: retired\` to keep its number reserved`;
    changes.add("code-removed", what, undefined, `codes.${before.name}`);
  }
  for (const after of added) {
    if (after.lifecycle.status === "retired")
      changes.add("retired-added", `${label(after)} recorded as retired`, `codes.${after.name}`, undefined);
    else changes.add("code-added", `${label(after)} added`, `codes.${after.name}`, undefined);
  }
  for (const [before, after] of pairs) compareCode(changes, oldRegistry, newRegistry, before, after);
}

function compareCode(changes: ChangeList, oldRegistry: Registry, newRegistry: Registry, before: CodeEntry, after: CodeEntry): void {
  const keys = { newKey: `codes.${after.name}`, oldKey: `codes.${before.name}` };
  if (before.code !== after.code) {
    changes.add(
      "code-renumbered",
      `${before.name} renumbered from ${before.code} to ${after.code}`,
      `${keys.newKey}.code`,
      `${keys.oldKey}.code`,
    );
  }
  if (before.name !== after.name) {
    changes.add(
      "code-renamed",
      `code ${after.code} renamed from ${before.name} to ${after.name}`,
      `${keys.newKey}.name`,
      `${keys.oldKey}.name`,
    );
  }
  compareStatus(changes, before, after, keys);
  compareAliases(changes, label(after), before.aliases, after.aliases, keys);
  compareReference(changes, label(after), before, after, keys);
  compareText(changes, oldRegistry, newRegistry, {
    what: label(after),
    catalogKey: `codes.${after.name}`,
    oldText: before.description,
    newText: after.description,
    newKey: `${keys.newKey}.description`,
    oldKey: `${keys.oldKey}.description`,
  });
}

/** A status change is major (retired), minor (deprecated, or back in use) or, for its note and history, patch. */
function compareStatus(changes: ChangeList, before: CodeEntry, after: CodeEntry, keys: { newKey: string; oldKey: string }): void {
  const from = before.lifecycle.status;
  const to = after.lifecycle.status;
  const at = [`${keys.newKey}.status`, `${keys.oldKey}.status`] as const;
  if (from !== to && to === "retired") changes.add("code-retired", `${label(after)} retired`, ...at);
  else if (from !== to && to === "deprecated") changes.add("code-deprecated", `${label(after)} deprecated`, ...at);
  else if (from !== to && from === "retired") changes.add("code-added", `${label(after)} in use again after being retired`, ...at);
  else if (from !== to) changes.add("code-undeprecated", `${label(after)} no longer deprecated`, ...at);
  // A new status comes with its own note and history: they are part of that change.
  if (from !== to) return;
  for (const field of ["note", "replacement", "since", "deprecatedSince", "retiredSince"] as const) {
    if (before.lifecycle[field] === after.lifecycle[field]) continue;
    changes.add("status-history-changed", `${label(after)}: ${field} changed`, `${keys.newKey}.${field}`, `${keys.oldKey}.${field}`);
  }
}

/** Aliases compared by name: one gone is major, one new minor, a changed note patch. */
export function compareAliases(
  changes: ChangeList,
  what: string,
  before: readonly Alias[],
  after: readonly Alias[],
  keys: { readonly newKey: string; readonly oldKey: string },
): void {
  const newNames = new Map(after.map((alias) => [alias.name, alias]));
  const oldNames = new Map(before.map((alias) => [alias.name, alias]));
  for (const alias of before) {
    if (!newNames.has(alias.name))
      changes.add(
        "alias-removed",
        `${what}: alias ${alias.name} removed`,
        `${keys.newKey}.aliases`,
        `${keys.oldKey}.aliases.${alias.name}`,
      );
  }
  for (const alias of after) {
    const old = oldNames.get(alias.name);
    if (old === undefined)
      changes.add("alias-added", `${what}: alias ${alias.name} added`, `${keys.newKey}.aliases.${alias.name}`, `${keys.oldKey}.aliases`);
    // A baseline read from `<id>.json` has alias names only: a note it does not know is not a change.
    else if (old.note !== undefined && old.note !== alias.note) {
      changes.add(
        "text-changed",
        `${what}: the note of alias ${alias.name} changed`,
        `${keys.newKey}.aliases.${alias.name}`,
        `${keys.oldKey}.aliases.${alias.name}`,
      );
    }
  }
}
