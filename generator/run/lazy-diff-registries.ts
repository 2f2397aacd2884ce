import type { DiffOptions, DiffOutcome } from "./diff-registries.js";

/**
 * Compares registries with a git ref or a previous `<id>.json` and classifies every change (see `codebook diff`).
 * The loader and git reading are loaded on the first call, so that importing codebook's API stays cheap.
 * @example const outcome = await diffRegistries({ cwd: process.cwd(), registries: ["codes/app.yaml"], against: "origin/main" });
 */
export async function diffRegistries(options: DiffOptions): Promise<DiffOutcome> {
  const { diffRegistries: diff } = await import("./diff-registries.js");
  return diff(options);
}
