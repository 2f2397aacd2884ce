import { isFolderCurrent } from "../write/current-folder.js";
import { newestGeneratorFileTime } from "../write/generator-stamp.js";
import { findCurrentInjected } from "../write/injected-current.js";
import type { InjectedSection } from "../write/manifest.js";
import { type FolderPlan, planFoldersQuickly, registryPaths, sourcesOf } from "./folder-plan.js";
import type { RunOptions } from "./options.js";

/**
 * The no-op fast path over several folders and the files the run injects into: their inputs and files when every
 * one is current, else `undefined` (one folder or injected file that needs rendering is enough to render).
 * @param inject the files the run injects tables into, absolute
 */
export async function findCurrentFolders(
  plans: readonly FolderPlan[],
  inject: readonly string[] = [],
): Promise<{ inputs: string[]; files: string[]; injected: string[] } | undefined> {
  const inputs = new Set<string>();
  const files: string[] = [];
  const generatorTime = newestGeneratorFileTime();
  // The folders of one config often share their inputs (one registry, several outputs): each is hashed once.
  const known = new Map<string, string>();
  let recorded: InjectedSection | undefined;
  for (const [index, plan] of plans.entries()) {
    const current = await isFolderCurrent(sourcesOf(plan), generatorTime, known);
    if (current === undefined) return undefined;
    for (const input of current.inputs) inputs.add(input);
    files.push(...current.files);
    if (index === 0) recorded = current.injected;
  }
  let injected: string[] = [];
  if (inject.length > 0) {
    const registries = plans.flatMap((plan) => plan.runs.flatMap(registryPaths));
    const current = plans[0] === undefined ? undefined : await findCurrentInjected(recorded, plans[0].outDir, registries, inject);
    if (current === undefined) return undefined;
    injected = current;
  }
  return { inputs: [...inputs].sort(), files, injected };
}

/** What a run found current without loading or rendering anything: every output folder, its files and inputs. */
export interface UpToDate {
  readonly outDirs: string[];
  readonly files: string[];
  /** The files the run injects tables into, each current. */
  readonly injected: string[];
  readonly inputs: string[];
}

/**
 * The no-op fast path of `generate` and `check`: the output folders when the config (read without validation),
 * every folder's manifest and the injected files show that nothing changed, else `undefined` (then the run loads
 * and renders).
 */
export async function findUpToDate(options: RunOptions): Promise<UpToDate | undefined> {
  const quick = await planFoldersQuickly(options);
  const current = quick === undefined ? undefined : await findCurrentFolders(quick.plans, quick.inject);
  return quick === undefined || current === undefined ? undefined : { outDirs: quick.plans.map((plan) => plan.outDir), ...current };
}
