import type { DiagnosticCode } from "./codes.js";

/** A position in a source file: 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A position in a named file: where a config entry is, for a diagnostic about what it generates. */
export interface SourceLocation extends SourcePosition {
  /** The file as the user named it (or relative to the working directory). */
  readonly file: string;
}

/**
 * Another place a diagnostic points at, such as the first definition of a duplicate: the shape of TypeScript's and
 * LSP's `relatedInformation`, so an editor integration can link to it.
 */
export interface RelatedLocation extends SourceLocation {
  /** What is at that place, e.g. `first defined here`. */
  readonly message: string;
}

/** One problem found in an input file, located at the node that caused it. */
export interface Diagnostic extends SourceLocation {
  /** A stable, machine-readable kind, e.g. `duplicate-code`. */
  readonly code: DiagnosticCode;
  /** The whole text printed after `error:`, related locations cited in it (`first defined at 8:5`). */
  readonly message: string;
  /** The other places the message cites, in the order it cites them. */
  readonly related?: readonly RelatedLocation[];
}
