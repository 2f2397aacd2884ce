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

/** Formats a diagnostic the way compilers do: `FILE:LINE:COL: error: MESSAGE`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: error: ${diagnostic.message}`;
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
