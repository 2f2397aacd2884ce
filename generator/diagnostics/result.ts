import type { Diagnostic } from "./diagnostic.js";

/** A stage that found problems: every one of them, located. */
export interface Failure {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What every stage returns: its named outputs (`{ ok: true, source }`, `{ ok: true, registry, files }`), or every
 * problem it found. Problems travel inside the stages this way; only the public API throws them, as a
 * `DiagnosticError`.
 */
export type Result<T extends object = object> = ({ readonly ok: true } & T) | Failure;

/**
 * What a stage returns that reports problems yet keeps what it could read (the well-formed locale files, the
 * well-formed regions), so that the checks after it still run and a run reports every problem at once.
 */
export type WithProblems<T extends object> = T & { readonly diagnostics: readonly Diagnostic[] };

/** The successful form of a result type. */
export type Success<R> = Extract<R, { readonly ok: true }>;

/** A failed result with these problems. */
export function failure(diagnostics: readonly Diagnostic[]): Failure {
  return { ok: false, diagnostics };
}

/**
 * Every result's outputs, in order, when all succeeded; otherwise one failure with the problems of all of them, so
 * that a run reports its registries', templates' and markers' problems together.
 */
export function collect<const R extends readonly Result[]>(
  results: R,
): Result<{ readonly values: { -readonly [K in keyof R]: Success<R[K]> } }> {
  const diagnostics = results.flatMap((result) => (result.ok ? [] : result.diagnostics));
  if (diagnostics.length > 0) return failure(diagnostics);
  return { ok: true, values: results as unknown as { -readonly [K in keyof R]: Success<R[K]> } };
}

/**
 * Like {@link collect}, for results still to come: waits for every one, so that each stage's problems are in. A
 * promise that rejects is a crash, not a problem in the input, and is thrown as it is.
 */
export async function collectSettled<const R extends readonly Result[]>(
  results: { readonly [K in keyof R]: Promise<R[K]> },
): Promise<Result<{ readonly values: { -readonly [K in keyof R]: Success<R[K]> } }>> {
  const settled = await Promise.allSettled(results);
  const crash = settled.find((result) => result.status === "rejected");
  if (crash !== undefined) throw crash.reason;
  return collect(settled.map((result) => (result as PromiseFulfilledResult<Result>).value) as unknown as R);
}

/** A stage's outputs, or its problems when it found any: a {@link WithProblems} once nothing more needs checking. */
export function settle<T extends object>(value: WithProblems<T>): Result<Omit<T, "diagnostics">> {
  const { diagnostics, ...outputs } = value;
  return diagnostics.length > 0 ? failure(diagnostics) : { ok: true, ...(outputs as Omit<T, "diagnostics">) };
}
