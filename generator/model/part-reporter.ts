import type { CitingMessage, DiagnosticCode } from "../diagnostics/index.js";
import type { DataPath } from "../load/yaml-document.js";

/** Another place a problem points at, by its path in the registry: `first defined here`. */
export interface RelatedPath {
  readonly path: DataPath;
  readonly message: string;
}

/**
 * The model's reporter as the checks of one part of a registry (its codes' lifecycle, its fields) use it: declared
 * apart from `Reporter` in build-model.ts, which imports those checks.
 */
export interface PartReporter {
  /** Reports a problem at the value (or key) found at `path`. */
  error(path: DataPath, code: DiagnosticCode, message: string, target?: "value" | "key"): void;
  /** Reports a problem at `path` that points at other places too; `message` cites each. */
  errorWithRelated(path: DataPath, code: DiagnosticCode, related: readonly RelatedPath[], message: CitingMessage): void;
}
