export type { DiagnosticCode } from "./codes.js";
export type { Diagnostic, RelatedLocation, SourceLocation, SourcePosition } from "./diagnostic.js";
export { DiagnosticError, unwrap } from "./diagnostic-error.js";
export {
  type CitingMessage,
  citeLocation,
  escapeControls,
  formatDiagnostic,
  formatLocation,
  sortDiagnostics,
  withRelated,
} from "./format.js";
export { collect, type Failure, failure, type Result, type Success, type WithProblems } from "./result.js";
