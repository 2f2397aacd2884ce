import type { Diagnostic, RelatedLocation, SourceLocation } from "./diagnostic.js";

/**
 * Characters a terminal acts on instead of showing (C0 and C1 controls, DEL) and the bidirectional controls that
 * reorder what it shows: text echoed from an input file could otherwise move the cursor, retitle the window or
 * hide part of a line.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from an input file made safe to print: each control character as a `\u001b`-style escape. */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `base.yaml:8:5`: a location with its file, for a message that names another entry wherever it is. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** `8:5` for a location in `file`, `base.yaml:8:5` for one in another file: how a message cites a related place. */
export function citeLocation(location: SourceLocation, file: string): string {
  return location.file === file ? `${location.line}:${location.column}` : formatLocation(location);
}

/** A message that cites related locations: given each one as {@link citeLocation} shows it, returns the text. */
export type CitingMessage = (...cited: string[]) => string;

/**
 * A diagnostic that points at other places too: `message` receives each related location as cited from the
 * diagnostic's own file, so the text says `first defined at 8:5`, or `at base.yaml:8:5` across files.
 */
export function withRelated(
  at: Omit<Diagnostic, "message" | "related">,
  related: readonly RelatedLocation[],
  message: CitingMessage,
): Diagnostic {
  return { ...at, message: message(...related.map((location) => citeLocation(location, at.file))), related };
}

/**
 * Formats a diagnostic the way compilers do: `FILE:LINE:COL: error: MESSAGE`, on one line, with every control
 * character of the file name and message (which quote the input) escaped. Related locations are cited in the
 * message already; they stay data for a reader that links to them.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${escapeControls(formatLocation(diagnostic))}: error: ${escapeControls(diagnostic.message)}`;
}

/** Orders diagnostics by file, then position, so output is stable whatever order the checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}
