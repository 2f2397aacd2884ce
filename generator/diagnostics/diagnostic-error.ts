import type { Diagnostic } from "./diagnostic.js";
import { formatDiagnostic, sortDiagnostics } from "./format.js";
import type { Result, Success } from "./result.js";

/**
 * Thrown by the public API when input is invalid, and only there: inside the stages problems travel as a
 * {@link Result}. Carries every diagnostic of the run; the CLI prints them and exits 1 without a stack trace.
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

/** Throws the problems of a failed result as a {@link DiagnosticError}: what the public API does, and only it. */
export function throwIfInvalid<R extends Result>(result: R): asserts result is Success<R> {
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
}
