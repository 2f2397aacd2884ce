import { collectSettled, type Diagnostic, sortDiagnostics } from "../diagnostics/index.js";
import { planFolders } from "./folder-plan.js";
import { loadAll } from "./load-registries.js";
import type { RunOptions } from "./options.js";

/**
 * Validates the config (if one is used) and the registries without generating anything.
 * @returns every diagnostic found; an empty list means all are valid.
 * @example const diagnostics = await validate({ registries: ["codes.yaml"] });
 */
export async function validate(options: RunOptions = {}): Promise<readonly Diagnostic[]> {
  const { plans, problems } = await planFolders(options);
  const loaded = await collectSettled(plans.flatMap((plan) => plan.runs.map(loadAll)));
  return sortDiagnostics([...(loaded.ok ? [] : loaded.diagnostics), ...problems]);
}
