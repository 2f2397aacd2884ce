import { DEFAULTS, resolveCwd } from "../config/defaults.js";
import { throwIfInvalid } from "../diagnostics/index.js";
import type { FileCheck } from "../write/folder-sources.js";
import type { RunOptions } from "./options.js";
import { findUpToDate } from "./up-to-date.js";

/** The outcome of `check`. */
export interface CheckResult {
  /** True when every generated file is current. */
  readonly ok: boolean;
  /** Every generated file (and each folder's manifest) with its state; orphans are listed as `orphaned`. */
  readonly files: readonly FileCheck[];
}

/**
 * The `check` of a current tree: every file current when the manifests prove it (see {@link check}), without
 * loading or rendering anything; `undefined` when they prove nothing (then only rendering can tell).
 */
export async function checkIfCurrent(options: RunOptions): Promise<CheckResult | undefined> {
  const current = await findUpToDate(options);
  if (current === undefined) return undefined;
  return { ok: true, files: [...current.files, ...current.injected].map((file) => ({ path: file, state: "current" as const })) };
}

/**
 * Checks that the output folders hold exactly what `generate` would write, without writing anything: the CI
 * guard against stale, missing, hand-edited or orphaned generated files. Takes the no-op generate's proof first:
 * when every folder's manifest was written by this generator with these options, every input hashes as the
 * manifest records, every generated and injected file hashes as codebook wrote it, the tree is current without
 * loading the registries or rendering (see "What check trusts" in the README). Otherwise, and with `force`, it
 * renders everything and compares.
 * @throws {DiagnosticError} when the config or any registry is invalid (found only when it renders).
 * @example const { ok, files } = await check({ config: true });
 */
export async function check(options: RunOptions = {}): Promise<CheckResult> {
  if (!(options.force ?? DEFAULTS.force)) {
    const current = await checkIfCurrent(options);
    if (current !== undefined) return current;
  }
  // Loaded only when the manifests prove nothing: a current tree needs none of rendering.
  const [{ renderEverything }, { createOutputSink }] = await Promise.all([import("./render.js"), import("../write/output-sink.js")]);
  // Each target's files are compared with disk as it renders, and let go: only their states and hashes are kept.
  const everything = await renderEverything(options, createOutputSink({ stage: false }));
  throwIfInvalid(everything);
  const { planOutputs } = await import("./output-plan.js");
  const plan = await planOutputs(everything.rendered, everything.injected, resolveCwd(options.cwd));
  throwIfInvalid(plan);
  const files: FileCheck[] = [
    ...plan.folders.flatMap((folder) => [
      ...folder.files.map(({ path: file, state }) => ({ path: file, state })),
      ...folder.orphans.map((orphan) => ({ path: orphan.path, state: "orphaned" as const })),
    ]),
    ...plan.injected.map(({ path: file, state }) => ({ path: file, state })),
  ];
  return { ok: files.every((file) => file.state === "current"), files };
}
