import type { PageTexts } from "../../load/templates/page-texts.js";
import type { CodeEntry } from "../../model/registry.js";
import { escapeCell, renderCode } from "./escape.js";

/** The words of the Status column, in one locale. */
export type StatusTexts = Pick<PageTexts, "active" | "deprecated" | "retired" | "since">;

/** `since 1.4.0` in the page's language, or nothing without a version. */
function sinceText(texts: StatusTexts, version: string | undefined): string {
  return version === undefined ? "" : ` (${escapeCell(texts.since.replaceAll("{version}", version))})`;
}

/**
 * A code's Status cell: the localized status word with the version it took effect in, then (for a deprecated or
 * retired code) the note, written in the registry's source language, and the replacement's name.
 */
export function renderStatusCell(entry: CodeEntry, texts: StatusTexts): string {
  const { status, note, replacement, since, deprecatedSince, retiredSince } = entry.lifecycle;
  const version = status === "active" ? since : status === "deprecated" ? deprecatedSince : retiredSince;
  const word = `${escapeCell(texts[status])}${sinceText(texts, version)}`;
  const details = [note === undefined ? "" : escapeCell(note), replacement === undefined ? "" : `→ ${renderCode(replacement)}`].filter(
    (part) => part !== "",
  );
  return details.length === 0 ? word : `${word}: ${details.join(" ")}`;
}
