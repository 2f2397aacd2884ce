import path from "node:path";
import { resolveCwd } from "../config/defaults.js";
import { expandConfig, expandConfigQuickly, type QuickExpandedOptions } from "../config/expand-config.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/index.js";
import type { FolderSources, RegistrySources } from "../write/folder-sources.js";
import { generatorId } from "../write/generator-stamp.js";
import { packageCandidates } from "../write/input-hashes.js";
import { type ResolvedOptions, type RunOptions, resolveOptions } from "./options.js";

/** The runs that write into one output folder, and what they are generated from. */
export interface FolderPlan {
  readonly outDir: string;
  readonly runs: readonly ResolvedOptions[];
  /** The config file the runs come from, if any: an input of every folder it lists. */
  readonly configFile: string | undefined;
}

/** The run's registries as absolute paths. */
export function registryPaths(run: ResolvedOptions): string[] {
  return run.registries.map((file) => path.resolve(run.cwd, file));
}

/** The options of a run as the manifest records them: what shapes the output, paths relative to the folder. */
function describeRun(run: ResolvedOptions): Record<string, unknown> {
  const relative = (value: unknown): unknown => {
    if (typeof value === "string" && path.isAbsolute(value)) return path.relative(run.outDir, value).split(path.sep).join("/");
    return Array.isArray(value) ? value.map(relative) : value;
  };
  const { cwd: _cwd, outDir: _outDir, registries: _registries, locate: _locate, ...options } = run;
  return Object.fromEntries(
    Object.entries(options)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => [key, relative(value)]),
  );
}

/**
 * What one registry's files are generated from. `chain` is the registry and the registries it extends (nearest
 * first), when known; `read` the other files read (templates). The templates folder's listing is an input (a new
 * `page.<locale>.md` changes the output), and so is every place a nearer package could appear.
 */
export function registrySources(
  plan: FolderPlan,
  run: ResolvedOptions,
  registry: string,
  chain: readonly string[] = [registry],
  read: readonly string[] = [],
): RegistrySources {
  const config = plan.configFile === undefined ? [] : [plan.configFile];
  const folders = run.templates === undefined ? [] : [run.templates, path.join(run.templates, "locales")];
  return { registry, options: describeRun(run), inputs: { files: [...chain, ...packageCandidates(chain), ...read, ...config], folders } };
}

/** What a folder is generated from before rendering: its registries, options and the files they name. */
export function sourcesOf(plan: FolderPlan): FolderSources {
  return {
    outDir: plan.outDir,
    generator: generatorId(),
    config: plan.configFile,
    registries: plan.runs.flatMap((run) => registryPaths(run).map((registry) => registrySources(plan, run, registry))),
  };
}

/** The output folders a run writes, and the Markdown files it injects into. */
export interface FolderPlans {
  readonly plans: FolderPlan[];
  /** Absolute paths, each once. */
  readonly inject: string[];
}

/** Groups the expanded options' entries by output folder, every option resolved. */
function groupByFolder(options: RunOptions, cwd: string, expanded: QuickExpandedOptions<RunOptions>): FolderPlans {
  const inject = [...(options.inject ?? []).map((file) => path.resolve(cwd, file)), ...expanded.inject];
  const byFolder = new Map<string, ResolvedOptions[]>();
  for (const entry of expanded.entries) {
    const run = resolveOptions({ ...(entry as RunOptions & { readonly locate?: () => SourceLocation }), cwd });
    byFolder.set(run.outDir, [...(byFolder.get(run.outDir) ?? []), run]);
  }
  const plans = [...byFolder].map(([outDir, runs]) => ({ outDir, runs, configFile: expanded.configFile }));
  return { plans, inject: [...new Set(inject)] };
}

/**
 * Resolves the options (or the config's entries, the config validated) into one plan per output folder, with
 * the config's problems: what of it can run is planned.
 */
export async function planFolders(options: RunOptions): Promise<FolderPlans & { problems: readonly Diagnostic[] }> {
  const cwd = resolveCwd(options.cwd);
  const expanded = await expandConfig(options, cwd);
  return { ...groupByFolder(options, cwd, expanded), problems: expanded.diagnostics };
}

/**
 * The plans of {@link planFolders} for the no-op fast path: a config is read without validation (see
 * `expandConfigQuickly`), and there is no plan (`undefined`) when it cannot be read that way.
 */
export async function planFoldersQuickly(options: RunOptions): Promise<FolderPlans | undefined> {
  const cwd = resolveCwd(options.cwd);
  const expanded = await expandConfigQuickly(options, cwd);
  return expanded === undefined ? undefined : groupByFolder(options, cwd, expanded);
}
