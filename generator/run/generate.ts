import path from "node:path";
import { DEFAULTS, resolveCwd } from "../config/defaults.js";
import { type Result, throwIfInvalid } from "../diagnostics/index.js";
import type { SyncReport } from "../write/output-folder.js";
import type { OutputSink } from "../write/output-sink.js";
import type { RunOptions } from "./options.js";
import type { OutputPlan } from "./output-plan.js";
import type { RenderedEverything } from "./render.js";
import { findUpToDate } from "./up-to-date.js";

/** The outcome of `generate`. */
export interface GenerateResult {
  /** The (first) output folder. */
  readonly outDir: string;
  /** Every output folder, in the order the config (or options) lists them. */
  readonly outDirs: readonly string[];
  /** Absolute paths of files created or changed. */
  readonly written: readonly string[];
  /** Absolute paths of files already current (not touched: their mtime stays). */
  readonly unchanged: readonly string[];
  /** Absolute paths of files codebook had generated and removed because no registry produces them any more. */
  readonly removed: readonly string[];
  /** Files no longer produced but left in place because they were edited after codebook wrote them. */
  readonly kept: readonly string[];
  /** Files rewritten although they were edited after codebook wrote them (those `check` calls hand-edited). */
  readonly overwritten: readonly string[];
  /** Output folders found current from their manifest, without loading or rendering anything. */
  readonly upToDate: readonly string[];
  /** Every input the output depends on (config, registries, the registries they extend, locale files): what to watch. */
  readonly inputs: readonly string[];
}

/**
 * The no-op `generate`: its result when every folder's manifest and every injected file prove the output current
 * (see {@link generate}), without loading or rendering anything; `undefined` when anything differs.
 */
export async function generateIfCurrent(options: RunOptions): Promise<GenerateResult | undefined> {
  const current = await findUpToDate(options);
  if (current === undefined) return undefined;
  const { outDirs } = current;
  return {
    outDir: outDirs[0]!,
    outDirs,
    written: [],
    unchanged: [...current.injected, ...current.files],
    removed: [],
    kept: [],
    overwritten: [],
    upToDate: outDirs,
    inputs: current.inputs,
  };
}

/**
 * Generates every target of the given registries (or of a config's entries) into their output folders.
 * Nothing is written unless every registry is valid. Files whose contents did not change are not touched; files
 * codebook generated before and no longer produces are removed (see the manifest). When every folder's manifest
 * shows the same generator, options and inputs, and every injected file still holds what the last run wrote into
 * it (the first folder's manifest records it), nothing is loaded or rendered at all.
 * @throws {DiagnosticError} when the config or any registry is invalid.
 * @example await generate({ registries: ["codes.yaml"], outDir: "src/generated" });
 * @example await generate({ config: true }); // like `codebook generate` with no arguments
 */
export async function generate(options: RunOptions = {}): Promise<GenerateResult> {
  const result = await generateFolders(options);
  throwIfInvalid(result);
  return result.generated;
}

/**
 * Renders every folder into `sink`, plans the outputs and, when every registry and every output is valid,
 * renames the staged files into place (then the injected files): the work of {@link generateFolders} between
 * loading its modules and reporting, whose failures the caller answers by abandoning the sink.
 */
async function renderAndCommit(
  options: RunOptions,
  sink: OutputSink,
): Promise<Result<{ readonly rendered: RenderedEverything; readonly plan: OutputPlan; readonly report: SyncReport }>> {
  const { renderEverything } = await import("./render.js");
  const everything = await renderEverything(options, sink);
  if (!everything.ok) return everything;
  options.signal?.throwIfAborted();
  const [{ planOutputs }, { commitPlans }, { removeStaleTemporaryFiles }] = await Promise.all([
    import("./output-plan.js"),
    import("../write/output-folder.js"),
    import("../write/staged-writes.js"),
  ]);
  const plan = await planOutputs(everything.rendered, everything.injected, resolveCwd(options.cwd));
  if (!plan.ok) return plan;
  const injectedWrites = plan.injected.flatMap((file) => (file.write === undefined ? [] : [file.write]));
  // Only the temporary files of the injected files themselves: their folder (often the project's root) is the user's.
  for (const { target } of injectedWrites)
    await removeStaleTemporaryFiles({ folder: path.dirname(target), names: new Set([path.basename(target)]) });
  const report = await sink.commit(() => commitPlans(plan.folders, [{ writes: injectedWrites, removals: [] }], { signal: options.signal }));
  return { ok: true, rendered: everything, plan, report };
}

/** {@link generate}, with the problems of invalid input as its result: what a watch runs, to report them and go on. */
export async function generateFolders(options: RunOptions): Promise<Result<{ readonly generated: GenerateResult }>> {
  if (!(options.force ?? DEFAULTS.force)) {
    const current = await generateIfCurrent(options);
    if (current !== undefined) return { ok: true, generated: current };
  }
  options.signal?.throwIfAborted();
  // Loaded only when there is work to do: the no-op above needs none of rendering and writing.
  const { createOutputSink } = await import("../write/output-sink.js");
  // Each target's files are staged as it renders; whatever stops the run before the renames removes them again.
  const sink = createOutputSink({ stage: true, control: { signal: options.signal, whileWriting: options.whileWriting } });
  let written: Result<{ readonly rendered: RenderedEverything; readonly plan: OutputPlan; readonly report: SyncReport }>;
  try {
    written = await renderAndCommit(options, sink);
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  if (!written.ok) {
    await sink.abandon();
    return written;
  }
  const { rendered, plan, report } = written;
  const outDirs = rendered.plans.map((folder) => folder.outDir);
  const generated: GenerateResult = {
    outDir: outDirs[0]!,
    outDirs,
    written: [...plan.injected.filter((file) => file.write !== undefined).map((file) => file.path), ...report.written],
    unchanged: [...plan.injected.filter((file) => file.write === undefined).map((file) => file.path), ...report.unchanged],
    removed: report.removed,
    kept: report.kept,
    overwritten: report.overwritten,
    upToDate: [],
    inputs: report.inputs,
  };
  return { ok: true, generated };
}
