import type { PageTexts } from "../../load/templates/page-texts.js";
import type { CodeEntry, CodeLifecycle } from "../../model/registry.js";
import { escapeCell, renderCode } from "./escape.js";

/** The words of the Status column, in one locale. */
export type StatusTexts = Pick<PageTexts, "active" | "deprecated" | "retired" | "since">;

/** `since 1.4.0` in the page's language, or nothing without a version. */
function sinceText(texts: StatusTexts, version: string | undefined): string {
  return version === undefined ? "" : ` (${escapeCell(texts.since.replaceAll("{version}", version))})`;
}

/** The version a code's status took effect in, if the registry says. */
export function statusVersion(lifecycle: CodeLifecycle): string | undefined {
  const { status, since, deprecatedSince, retiredSince } = lifecycle;
  return status === "active" ? since : status === "deprecated" ? deprecatedSince : retiredSince;
}

/** The part of a Status cell in the page's locale: the status word with the version it took effect in. */
export function renderStatusWord(lifecycle: CodeLifecycle, texts: StatusTexts): string {
  return `${escapeCell(texts[lifecycle.status])}${sinceText(texts, statusVersion(lifecycle))}`;
}

/**
 * The part of a Status cell that is the same in every locale: for a deprecated or retired code, the note, written in
 * the registry's source language, and the replacement's name; `""` when there is neither.
 */
export function renderStatusDetails(entry: CodeEntry): string {
  const { note, replacement } = entry.lifecycle;
  return [note === undefined ? "" : escapeCell(note), replacement === undefined ? "" : `→ ${renderCode(replacement)}`]
    .filter((part) => part !== "")
    .join(" ");
}

/** A code's Status cell from its two parts: the word, then the details after a colon. */
export function joinStatusCell(word: string, details: string): string {
  return details === "" ? word : `${word}: ${details}`;
}
