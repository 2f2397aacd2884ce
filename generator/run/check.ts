import path from "node:path";
import type { FileCheck } from "../write/folder-sources.js";
import type { RunOptions } from "./options.js";
import { renderEverything } from "./render.js";

/** The outcome of `check`. */
export interface CheckResult {
  /** True when every generated file is current. */
  readonly ok: boolean;
  /** Every generated file (and each folder's manifest) with its state; orphans are listed as `orphaned`. */
  readonly files: readonly FileCheck[];
}

/**
 * Checks that the output folders hold exactly what `generate` would write, without writing anything: the CI
 * guard against stale, missing, hand-edited or orphaned generated files. Always renders (no fast path).
 * @throws {DiagnosticError} when the config or any registry is invalid.
 * @example const { ok, files } = await check({ config: true });
 */
export async function check(options: RunOptions = {}): Promise<CheckResult> {
  const { rendered, injected } = await renderEverything(options);
  const { planOutputs } = await import("./output-plan.js");
  const plan = await planOutputs(rendered, injected, path.resolve(options.cwd ?? process.cwd()));
  const files: FileCheck[] = [
    ...plan.folders.flatMap((folder) => [
      ...folder.files.map(({ path: file, state }) => ({ path: file, state })),
      ...folder.orphans.map((orphan) => ({ path: orphan.path, state: "orphaned" as const })),
    ]),
    ...plan.injected.map(({ path: file, state }) => ({ path: file, state })),
  ];
  return { ok: files.every((file) => file.state === "current"), files };
}
