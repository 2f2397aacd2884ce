import { type Diagnostic, DiagnosticError, sortDiagnostics } from "../diagnostics/index.js";
import { planFolders } from "./folder-plan.js";
import { loadAll } from "./load-registries.js";
import type { RunOptions } from "./options.js";
import { configProblems } from "./settle-inputs.js";

/**
 * Validates the config (if one is used) and the registries without generating anything.
 * @returns every diagnostic found; an empty list means all are valid.
 * @example const diagnostics = await validate({ registries: ["codes.yaml"] });
 */
export async function validate(options: RunOptions = {}): Promise<readonly Diagnostic[]> {
  try {
    const { plans, problems } = await planFolders(options);
    const results = await Promise.allSettled([...plans.flatMap((plan) => plan.runs.map(loadAll)), configProblems(problems)]);
    const diagnostics = results.flatMap((result) => {
      if (result.status === "fulfilled") return [];
      if (result.reason instanceof DiagnosticError) return result.reason.diagnostics;
      throw result.reason;
    });
    return sortDiagnostics(diagnostics);
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
}
