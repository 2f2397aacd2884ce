import path from "node:path";
import { DiagnosticError, type Diagnostic } from "./diagnostics.js";
import type { GeneratedFile } from "./emit/header.js";
import type { MarkdownTemplates } from "./emit/markdown/template-set.js";
import type { Registry } from "./model/registry.js";
import type { ResolvedOptions } from "./pipeline.js";
import { generatorId } from "./write/generator-stamp.js";
import { isFolderCurrent, type FolderSources } from "./write/output-folder.js";

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
  const { cwd: _cwd, outDir: _outDir, ...options } = run;
  const shaping = { ...options, registries: registryPaths(run) };
  return Object.fromEntries(Object.entries(shaping).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => [key, relative(value)]));
}

/** What a folder is generated from, for its manifest: `files` are the registries (and bases) read. */
export function sourcesOf(plan: FolderPlan, files: readonly string[]): FolderSources {
  return {
    outDir: plan.outDir,
    generator: generatorId(),
    options: plan.runs.map(describeRun),
    inputs: { files: [...files, ...(plan.configFile === undefined ? [] : [plan.configFile])] },
  };
}

/**
 * The no-op fast path over several folders: their inputs and files when every one is current, else `undefined`
 * (one folder that needs rendering is enough to render).
 */
export async function findCurrentFolders(plans: readonly FolderPlan[]): Promise<{ inputs: string[]; files: string[] } | undefined> {
  const inputs = new Set<string>();
  const files: string[] = [];
  for (const plan of plans) {
    const current = await isFolderCurrent(sourcesOf(plan, plan.runs.flatMap(registryPaths)));
    if (current === undefined) return undefined;
    for (const input of current.inputs) inputs.add(input);
    files.push(...current.files);
  }
  return { inputs: [...inputs].sort(), files };
}

/** What rendering one run gives: each registry's files, and every file that was read. */
export interface RenderedRun {
  readonly outputs: readonly { readonly sourcePath: string; readonly files: readonly GeneratedFile[] }[];
  readonly inputs: readonly string[];
  /** The registries the run loaded, and its templates: what injected regions are rendered from. */
  readonly registries: readonly Registry[];
  readonly templates: MarkdownTemplates;
}

/** Renders one run in memory; throws a DiagnosticError for invalid input. */
export type RunRenderer = (run: ResolvedOptions) => Promise<RenderedRun>;

/** Every file of one folder, in memory, with what they were generated from. */
export interface RenderedFolder {
  readonly plan: FolderPlan;
  readonly files: readonly GeneratedFile[];
  readonly sources: FolderSources;
  readonly registries: readonly Registry[];
  /** The templates of the folder's first run. */
  readonly templates: MarkdownTemplates | undefined;
}

function shown(run: ResolvedOptions, file: string): string {
  return path.relative(run.cwd, file).split(path.sep).join("/") || ".";
}

async function renderFolder(plan: FolderPlan, render: RunRenderer): Promise<RenderedFolder> {
  const files: GeneratedFile[] = [];
  const inputs: string[] = [];
  const registries: Registry[] = [];
  let templates: MarkdownTemplates | undefined;
  const diagnostics: Diagnostic[] = [];
  const producedBy = new Map<string, string>();
  for (const run of plan.runs) {
    let rendered: RenderedRun;
    try {
      rendered = await render(run);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      diagnostics.push(...error.diagnostics);
      continue;
    }
    inputs.push(...rendered.inputs);
    registries.push(...rendered.registries);
    templates ??= rendered.templates;
    for (const { sourcePath, files: produced } of rendered.outputs) {
      for (const file of produced) {
        const other = producedBy.get(file.path);
        if (other !== undefined && other !== sourcePath) {
          diagnostics.push({
            file: shown(run, sourcePath),
            line: 1,
            column: 1,
            code: "duplicate-output",
            message: `${file.path} in ${shown(run, plan.outDir)} is also generated from ${shown(run, other)}; give the registries different ids or output folders`,
          });
          continue;
        }
        producedBy.set(file.path, sourcePath);
        files.push(file);
      }
    }
  }
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return { plan, files, sources: sourcesOf(plan, inputs), registries, templates };
}

/** Renders every folder, collecting the diagnostics of all of them before throwing: nothing is written unless all are valid. */
export async function renderFolders(plans: readonly FolderPlan[], render: RunRenderer): Promise<RenderedFolder[]> {
  const results = await Promise.allSettled(plans.map((plan) => renderFolder(plan, render)));
  const diagnostics = results.flatMap((result) =>
    result.status === "rejected" && result.reason instanceof DiagnosticError ? result.reason.diagnostics : [],
  );
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return results.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
}
