/** A position in a source file: 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A position in a named file: where a config entry is, for a diagnostic about what it generates. */
export interface SourceLocation extends SourcePosition {
  readonly file: string;
}

/** One problem found in an input file, located at the node that caused it. */
export interface Diagnostic extends SourcePosition {
  /** The file as the user named it (or relative to the working directory). */
  readonly file: string;
  /** A stable, machine-readable kind, e.g. `duplicate-code`. */
  readonly code: string;
  readonly message: string;
}

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

/**
 * Formats a diagnostic the way compilers do: `FILE:LINE:COL: error: MESSAGE`, on one line, with every control
 * character of the file name and message (which quote the input) escaped.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${escapeControls(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}: error: ${escapeControls(diagnostic.message)}`;
}

/** Orders diagnostics by file, then position, so output is stable whatever order the checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/**
 * Thrown by the API when input is invalid. Carries every diagnostic of the run; the CLI prints them
 * and exits 1 without a stack trace.
 */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = sorted;
  }
}
