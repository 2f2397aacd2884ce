import type { Result } from "../diagnostics/index.js";
import { nextFreeCodes } from "../model/free-codes.js";
import { tryLoadRegistry } from "../model/load-model.js";

/** The next free numbers of a named range, or why there are none. */
export type NextCodesOutcome =
  | Result<{ readonly registry: string; readonly range: string; readonly numbers: readonly number[] }>
  | { readonly ok: false; readonly problem: string };

/**
 * The first `count` free numbers of the range named `rangeName` in the first of `registries` that declares it:
 * numbers that are no code (in use or retired) and lie in no range nested inside it.
 */
export async function nextCodes(registries: readonly string[], rangeName: string, count: number, cwd: string): Promise<NextCodesOutcome> {
  const known: string[] = [];
  for (const file of registries) {
    const loaded = await tryLoadRegistry(file, { cwd });
    if (!loaded.ok) return loaded;
    const range = loaded.registry.ranges.find((each) => each.name === rangeName);
    known.push(...loaded.registry.ranges.map((each) => each.name));
    if (range === undefined) continue;
    return { ok: true, registry: loaded.registry.id, range: range.name, numbers: nextFreeCodes(loaded.registry, range, count) };
  }
  const listed = known.length === 0 ? "the registries declare no ranges" : `the ranges are ${[...new Set(known)].join(", ")}`;
  return { ok: false, problem: `no range is named "${rangeName}"; ${listed}` };
}
