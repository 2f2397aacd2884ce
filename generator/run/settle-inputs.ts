import { type Diagnostic, DiagnosticError } from "../diagnostics/index.js";

/**
 * Waits for every input; when any fails, throws one DiagnosticError with the problems of all of them, so that
 * a run reports its registries', templates' and markers' problems together.
 */
export async function settleInputs<T extends readonly unknown[]>(inputs: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(inputs);
  const diagnostics = results.flatMap((result) => {
    if (result.status === "fulfilled") return [];
    if (result.reason instanceof DiagnosticError) return result.reason.diagnostics;
    throw result.reason;
  });
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The config's problems as a settled input: the run goes on with what of the config can run, and reports them with the rest. */
export async function configProblems(problems: readonly Diagnostic[]): Promise<void> {
  if (problems.length > 0) throw new DiagnosticError(problems);
}
