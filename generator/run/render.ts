import path from "node:path";
import { resolveCwd, resolveEmitChoices } from "../config/defaults.js";
import { DiagnosticError } from "../diagnostics/index.js";
import { loadTargets } from "../emit/targets.js";
import type { EmitContext, GeneratedFile, Target } from "../emit/types.js";
import type { MarkdownTemplates } from "../load/templates/template-set.js";
import type { Registry } from "../model/registry.js";
import { planFolders } from "./folder-plan.js";
import { loadAll } from "./load-registries.js";
import type { ResolvedOptions, RunOptions } from "./options.js";
import { type RenderedRun, renderFolders } from "./render-folders.js";
import { configProblems, settleInputs } from "./settle-inputs.js";

/** The templates, as a value or a DiagnosticError, with the user's template files read. */
async function loadTemplates(folder: string | undefined, cwd: string): Promise<{ templates: MarkdownTemplates; files: readonly string[] }> {
  const { loadMarkdownTemplates } = await import("../load/load-templates.js");
  const result = await loadMarkdownTemplates(folder, cwd);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result;
}

/** The options of {@link renderRegistry}: those of a run that shape the files, and the folder they are for. */
export type RenderOptions = Pick<RunOptions, "enums" | "targets" | "module" | "emit" | "templates" | "cwd"> & {
  /** The output folder the files' headers are relative to. */
  readonly outDir: string;
};

/** Every file generated for one registry, in memory: the pure heart of codebook. */
export async function renderRegistry(registry: Registry, options: RenderOptions): Promise<GeneratedFile[]> {
  const cwd = resolveCwd(options.cwd);
  const { targets: names, ...choices } = resolveEmitChoices(options);
  const [targets, { templates }] = await settleInputs([
    loadTargets(names),
    loadTemplates(options.templates === undefined ? undefined : path.resolve(cwd, options.templates), cwd),
  ] as const);
  return emitRegistry(registry, targets, { outDir: options.outDir, ...choices, templates });
}

function emitRegistry(registry: Registry, targets: readonly Target[], context: EmitContext): GeneratedFile[] {
  return targets.flatMap((target) => target.emit(registry, context));
}

type TemplatesLoader = typeof loadTemplates;

/**
 * {@link loadTemplates} once per folder for the whole invocation: a config's entries mostly share their templates
 * (the built-in ones), and 50 registries read and parsed them 50 times.
 */
function sharedTemplates(): TemplatesLoader {
  const loaded = new Map<string, ReturnType<TemplatesLoader>>();
  return (folder, cwd) => {
    const key = `${folder ?? ""}\0${cwd}`;
    const templates = loaded.get(key) ?? loadTemplates(folder, cwd);
    loaded.set(key, templates);
    return templates;
  };
}

/**
 * Loads and renders one run: each registry's files, and every file read. Between targets it lets a signal in
 * (rendering a large registry takes a while), and stops when `signal` has aborted.
 */
async function renderRun(run: ResolvedOptions, signal: AbortSignal | undefined, templatesOf: TemplatesLoader): Promise<RenderedRun> {
  const [loaded, templates, targets] = await settleInputs([
    loadAll(run),
    templatesOf(run.templates, run.cwd),
    loadTargets(run.targets),
  ] as const);
  const outputs: { sourcePath: string; chain: readonly string[]; files: GeneratedFile[] }[] = [];
  for (const registry of loaded.registries) {
    const files: GeneratedFile[] = [];
    for (const target of targets) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      files.push(
        ...emitRegistry(registry, [target], {
          outDir: run.outDir,
          enums: run.enums,
          module: run.module,
          emit: run.emit,
          templates: templates.templates,
        }),
      );
    }
    outputs.push({ sourcePath: registry.sourcePath, chain: loaded.chains.get(registry.sourcePath) ?? [registry.sourcePath], files });
  }
  return { outputs, inputs: templates.files, registries: loaded.registries, templates: templates.templates };
}

/** The Markdown files to inject into, read and their markers parsed; a DiagnosticError for any marker problem. */
async function readInjected(inject: readonly string[], cwd: string) {
  const { readInjectTargets } = await import("./inject.js");
  const read = await readInjectTargets(inject, cwd);
  if (read.diagnostics.length > 0) throw new DiagnosticError(read.diagnostics);
  return read.targets;
}

/**
 * Every folder's files and the injected files, rendered in memory. The registries and the injected files'
 * markers are read together, so that a run reports the problems of both at once.
 */
export async function renderEverything(options: RunOptions) {
  const cwd = resolveCwd(options.cwd);
  const { plans, inject, problems } = await planFolders(options);
  const templatesOf = sharedTemplates();
  const [rendered, targets] = await settleInputs([
    renderFolders(plans, (run) => renderRun(run, options.signal, templatesOf)),
    readInjected(inject, cwd),
    configProblems(problems),
  ] as const);
  options.signal?.throwIfAborted();
  if (inject.length === 0) return { plans, rendered, injected: [] };
  const { renderInjections } = await import("../emit/markdown/render-injections.js");
  const registries = rendered.flatMap((folder) => folder.registries);
  const templates = rendered[0]?.templates ?? (await loadTemplates(undefined, cwd)).templates;
  const injection = renderInjections(targets, registries, templates);
  if (injection.diagnostics.length > 0) throw new DiagnosticError(injection.diagnostics);
  return { plans, rendered, injected: injection.files };
}
