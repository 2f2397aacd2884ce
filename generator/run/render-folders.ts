import path from "node:path";
import { collectSettled, type Diagnostic, failure, type Result } from "../diagnostics/index.js";
import type { GeneratedFile } from "../emit/types.js";
import type { MarkdownTemplates } from "../load/templates/template-set.js";
import type { Registry } from "../model/registry.js";
import type { FolderOutput, RegistryOutput, SettledFile } from "../write/folder-sources.js";
import { type FolderPlan, registrySources, sourcesOf } from "./folder-plan.js";
import type { ResolvedOptions } from "./options.js";

/** What rendering one run gives: each registry's files, and every file that was read. */
export interface RenderedRun {
  /** Each registry's files, and the registry with the registries it extends (nearest first). */
  readonly outputs: readonly {
    readonly sourcePath: string;
    readonly chain: readonly string[];
    readonly files: readonly (GeneratedFile | SettledFile)[];
  }[];
  /** The other files read: the user's templates. */
  readonly inputs: readonly string[];
  /** The registries the run loaded, and its templates: what injected regions are rendered from. */
  readonly registries: readonly Registry[];
  readonly templates: MarkdownTemplates;
}

/** Renders one run, or gives the problems of its invalid input. */
export type RunRenderer = (run: ResolvedOptions) => Promise<Result<RenderedRun>>;

/** Every file of one folder (in memory, or as a sink settled them), with what they were generated from. */
export interface RenderedFolder {
  readonly plan: FolderPlan;
  readonly output: FolderOutput;
  /** The run each registry's files come from, in the order of `output.registries`. */
  readonly runs: readonly ResolvedOptions[];
  readonly registries: readonly Registry[];
  /** The templates of the folder's first run. */
  readonly templates: MarkdownTemplates | undefined;
}

function shown(run: ResolvedOptions, file: string): string {
  return path.relative(run.cwd, file).split(path.sep).join("/") || ".";
}

async function renderFolder(plan: FolderPlan, render: RunRenderer): Promise<Result<RenderedFolder>> {
  const outputs: RegistryOutput[] = [];
  const runs: ResolvedOptions[] = [];
  const registries: Registry[] = [];
  let templates: MarkdownTemplates | undefined;
  const diagnostics: Diagnostic[] = [];
  const producedBy = new Map<string, string>();
  for (const run of plan.runs) {
    const rendered = await render(run);
    if (!rendered.ok) {
      diagnostics.push(...rendered.diagnostics);
      continue;
    }
    registries.push(...rendered.registries);
    templates ??= rendered.templates;
    for (const { sourcePath, chain, files: produced } of rendered.outputs) {
      const files: (GeneratedFile | SettledFile)[] = [];
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
      outputs.push({ ...registrySources(plan, run, sourcePath, chain, rendered.inputs), files });
      runs.push(run);
    }
  }
  if (diagnostics.length > 0) return failure(diagnostics);
  return { ok: true, plan, output: { ...sourcesOf({ ...plan, runs: [] }), registries: outputs }, runs, registries, templates };
}

/** Renders every folder, or gives the diagnostics of all of them: nothing is written unless all are valid. */
export async function renderFolders(
  plans: readonly FolderPlan[],
  render: RunRenderer,
): Promise<Result<{ readonly folders: RenderedFolder[] }>> {
  const results = await collectSettled(plans.map((plan) => renderFolder(plan, render)));
  return results.ok ? { ok: true, folders: results.values } : results;
}
