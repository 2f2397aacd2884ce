import type { CodeEntry } from "../../model/registry.js";
import type { ModuleNames } from "./names.js";

/** The `@deprecated` text of a deprecated code: its note, then its replacement as a member of the type. */
export function deprecationText(entry: CodeEntry, names: ModuleNames, codes: readonly CodeEntry[]): string | undefined {
  const { status, note, replacement, deprecatedSince } = entry.lifecycle;
  if (status !== "deprecated") return undefined;
  const target = replacement === undefined ? undefined : codes.find((code) => code.name === replacement);
  const since = deprecatedSince === undefined ? "" : `Since ${deprecatedSince}. `;
  const use = target === undefined ? "" : ` Use {@link ${names.type}.${target.name}} (${target.code}) instead.`;
  return `${since}${note ?? ""}${use}`.trim();
}

/** The JSDoc tags a code's status and history give: `@since`, and `@deprecated` for a deprecated code. */
export function statusTags(entry: CodeEntry, names: ModuleNames, codes: readonly CodeEntry[]): [string, string][] {
  const deprecated = deprecationText(entry, names, codes);
  return [
    ...(entry.lifecycle.since === undefined ? [] : [["since", entry.lifecycle.since] as [string, string]]),
    ...(deprecated === undefined ? [] : [["deprecated", deprecated] as [string, string]]),
  ];
}
