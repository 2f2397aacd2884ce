export type { DiagnosticCode } from "./codes.js";
export type { Diagnostic, RelatedLocation, SourceLocation, SourcePosition } from "./diagnostic.js";
export { DiagnosticError, unwrap } from "./diagnostic-error.js";
export { citeLocation, escapeControls, formatDiagnostic, formatLocation, sortDiagnostics, withRelated, type CitingMessage } from "./format.js";
export { collect, failure, type Failure, type Result, type Success } from "./result.js";
