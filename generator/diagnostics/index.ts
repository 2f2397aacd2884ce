export type { DiagnosticCode } from "./codes.js";
export type { Diagnostic, RelatedLocation, SourceLocation, SourcePosition } from "./diagnostic.js";
export { DiagnosticError, throwIfInvalid } from "./diagnostic-error.js";
export {
  type CitingMessage,
  citeLocation,
  escapeControls,
  formatDiagnostic,
  formatLocation,
  sortDiagnostics,
  withRelated,
} from "./format.js";
export { collect, collectSettled, type Failure, failure, type Result, type Success, settle, type WithProblems } from "./result.js";
