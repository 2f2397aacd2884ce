import { resolveCwd } from "../config/defaults.js";
import { throwIfInvalid } from "../diagnostics/index.js";
import type { RunOptions } from "./options.js";
import { renderEverything } from "./render.js";

/** Every file a run reads and writes: what a build cache (Nx, Turborepo) must hash and restore. */
export interface RunFiles {
  /**
   * Absolute paths of every input, exactly as the output folders' manifests record them: the config, the
   * registries and the registries they extend, their locale files, the user's templates (a templates folder ends
   * with a separator: its listing is an input), the places where a nearer package would change an `extends`,
   * and the files injected into. Sorted.
   */
  readonly inputs: readonly string[];
  /** Absolute paths of every generated file and each folder's manifest, then the files injected into. Sorted. */
  readonly outputs: readonly string[];
}

/**
 * Lists every input and output file of a run without writing anything: what the manifests record after
 * `generate`, worked out by rendering in memory as `check` does. Config-driven like `generate`.
 * @throws {DiagnosticError} when the config or any registry is invalid.
 * @example const { inputs, outputs } = await listInputs({ config: true });
 */
export async function listInputs(options: RunOptions = {}): Promise<RunFiles> {
  const everything = await renderEverything(options);
  throwIfInvalid(everything);
  const { planOutputs } = await import("./output-plan.js");
  const plan = await planOutputs(everything.rendered, everything.injected, resolveCwd(options.cwd));
  throwIfInvalid(plan);
  const injectedFiles = plan.injected.map((file) => file.path);
  const sorted = (files: Iterable<string>) => [...new Set(files)].sort();
  return {
    inputs: sorted([...plan.folders.flatMap((folder) => folder.inputs), ...injectedFiles]),
    outputs: sorted([...plan.folders.flatMap((folder) => folder.files.map((file) => file.path)), ...injectedFiles]),
  };
}
