import path from "node:path";
import { resolveCwd, resolveEmitChoices } from "../config/defaults.js";
import { collectSettled, type Result, settle, throwIfInvalid } from "../diagnostics/index.js";
import type { InjectedFile } from "../emit/markdown/render-injections.js";
import { loadTargets } from "../emit/targets.js";
import type { EmitContext, GeneratedFile, Target } from "../emit/types.js";
import type { LoadedTemplates } from "../load/load-templates.js";
import type { Registry } from "../model/registry.js";
import type { SettledFile } from "../write/folder-sources.js";
import type { OutputSink } from "../write/output-sink.js";
import { type FolderPlan, planFolders } from "./folder-plan.js";
import { loadAll } from "./load-registries.js";
import type { ResolvedOptions, RunOptions } from "./options.js";
import { type RenderedFolder, type RenderedRun, renderFolders } from "./render-folders.js";

/** The templates, with the user's template files read. */
async function loadTemplates(folder: string | undefined, cwd: string): Promise<Result<LoadedTemplates>> {
  const { loadMarkdownTemplates } = await import("../load/load-templates.js");
  return loadMarkdownTemplates(folder, cwd);
}

/** The options of {@link renderRegistry}: those of a run that shape the files, and the folder they are for. */
export type RenderOptions = Pick<RunOptions, "enums" | "targets" | "module" | "emit" | "codeMap" | "templates" | "cwd"> & {
  /** The output folder the files' headers are relative to. */
  readonly outDir: string;
};

/** Every file generated for one registry, in memory: the pure heart of codebook. */
export async function renderRegistry(registry: Registry, options: RenderOptions): Promise<GeneratedFile[]> {
  const cwd = resolveCwd(options.cwd);
  const { targets: names, ...choices } = resolveEmitChoices(options);
  const [targets, loaded] = await Promise.all([
    loadTargets(names),
    loadTemplates(options.templates === undefined ? undefined : path.resolve(cwd, options.templates), cwd),
  ]);
  throwIfInvalid(loaded);
  return emitRegistry(registry, targets, { outDir: options.outDir, ...choices, templates: loaded.templates });
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
 * (rendering a large registry takes a while), and stops when `signal` has aborted. With a sink, each target's
 * files go to it as soon as they render (see `OutputSink`), and only what it settled them as is kept.
 */
async function renderRun(
  run: ResolvedOptions,
  signal: AbortSignal | undefined,
  templatesOf: TemplatesLoader,
  sink: OutputSink | undefined,
): Promise<Result<RenderedRun>> {
  // The targets import ts-morph, which takes a while: it loads while the registries and templates are read.
  const [targets, inputs] = await Promise.all([
    loadTargets(run.targets),
    collectSettled([loadAll(run), templatesOf(run.templates, run.cwd)] as const),
  ]);
  if (!inputs.ok) return inputs;
  const [loaded, templates] = inputs.values;
  const outputs: { sourcePath: string; chain: readonly string[]; files: (GeneratedFile | SettledFile)[] }[] = [];
  const context: EmitContext = {
    outDir: run.outDir,
    enums: run.enums,
    module: run.module,
    emit: run.emit,
    codeMap: run.codeMap,
    templates: templates.templates,
  };
  for (const registry of loaded.registries) {
    const files: (GeneratedFile | SettledFile)[] = [];
    for (const target of targets) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const rendered = emitRegistry(registry, [target], context);
      files.push(...(sink === undefined ? rendered : await sink.settle(run.outDir, rendered)));
    }
    outputs.push({ sourcePath: registry.sourcePath, chain: loaded.chains.get(registry.sourcePath) ?? [registry.sourcePath], files });
  }
  return { ok: true, outputs, inputs: templates.files, registries: loaded.registries, templates: templates.templates };
}

/** The Markdown files to inject into, read and their markers parsed; or every problem of their markers. */
async function readInjected(inject: readonly string[], cwd: string) {
  const { readInjectTargets } = await import("./inject.js");
  return settle(await readInjectTargets(inject, cwd));
}

/** What a run renders before anything is planned on disk. */
export interface RenderedEverything {
  readonly plans: readonly FolderPlan[];
  readonly rendered: readonly RenderedFolder[];
  readonly injected: readonly InjectedFile[];
}

/**
 * Every folder's files and the injected files, rendered: in memory, or each target's files settled by `sink` as
 * they render. The registries and the injected files' markers are read together, so that a run reports the
 * problems of both at once.
 */
export async function renderEverything(options: RunOptions, sink?: OutputSink): Promise<Result<RenderedEverything>> {
  const cwd = resolveCwd(options.cwd);
  const { plans, inject, problems } = await planFolders(options);
  const templatesOf = sharedTemplates();
  const inputs = await collectSettled([
    renderFolders(plans, (run) => renderRun(run, options.signal, templatesOf, sink)),
    readInjected(inject, cwd),
    Promise.resolve(settle({ diagnostics: problems })),
  ] as const);
  if (!inputs.ok) return inputs;
  const [{ folders: rendered }, { targets }] = inputs.values;
  options.signal?.throwIfAborted();
  if (inject.length === 0) return { ok: true, plans, rendered, injected: [] };
  const { renderInjections } = await import("../emit/markdown/render-injections.js");
  const registries = rendered.flatMap((folder) => folder.registries);
  const first = rendered[0]?.templates;
  const loaded = first === undefined ? await loadTemplates(undefined, cwd) : { ok: true as const, templates: first };
  if (!loaded.ok) return loaded;
  const injection = settle(renderInjections(targets, registries, loaded.templates));
  if (!injection.ok) return injection;
  return { ok: true, plans, rendered, injected: injection.files };
}
