import path from "node:path";
import { DiagnosticError, sortDiagnostics, type Diagnostic, type SourceLocation } from "../diagnostics.js";
import type { EmitContext, GeneratedFile } from "../emit/header.js";
import type { MarkdownTemplates } from "../emit/markdown/template-set.js";
import { loadTargets, TARGET_NAMES, type Target, type EmitForm, type EmitOptions, type ModuleFormat, type TargetName } from "../emit/targets.js";
import type { Registry } from "../model/registry.js";
import { defaultRegistryPath } from "../package/package-root.js";
import { chooseConfigFile, expandConfig } from "../config/expand-config.js";
import { findCurrentFolders, registryPaths, renderFolders, type FolderPlan, type RenderedRun } from "./folder-plan.js";
import { commitPlans, type FileCheck } from "../write/output-folder.js";
import { localeFileStem } from "../write/inputs.js";
import { removeStaleTemporaryFiles, type WritingSection } from "../write/staged-writes.js";

/** Options shared by `generate`, `check` and `validate`. */
export interface RunOptions {
  /**
   * Registry files to process.
   * @default the embedded WebSocket close-code registry
   */
  readonly registries?: readonly string[];
  /**
   * The output folder, relative to `cwd`.
   * @default "generated"
   */
  readonly outDir?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
  /**
   * Emit a TypeScript `enum`; off gives an erasable as-const object and type instead.
   * @default true
   */
  readonly enums?: boolean;
  /**
   * The kinds of output to generate.
   * @default every target
   */
  readonly targets?: readonly TargetName[];
  /**
   * The module format of emitted JavaScript (with `emit: "js"`): `esm` or `cjs`. Generated TypeScript uses
   * ES module syntax whatever this says; the consumer's compiler decides its format.
   * @default "esm"
   */
  readonly module?: ModuleFormat;
  /**
   * `ts` writes `<id>.ts`; `js` writes `<id>.js` (in the `module` format) and `<id>.d.ts`, for a package that
   * ships JavaScript.
   * @default "ts"
   */
  readonly emit?: EmitForm;
  /**
   * Take the registries and their options from a config file: its path (relative to `cwd`), or `true` to use
   * the first `codebook.config.json`, `.yaml` or `.yml` found in `cwd` or a folder above it (and the options
   * given here when there is none). Ignored when `registries` is given; otherwise the config's entries replace
   * every option here but `cwd` and `force`.
   * @default false
   * @example await generate({ config: true });
   */
  readonly config?: string | boolean;
  /**
   * Render every registry even when the output folder's manifest shows that nothing changed.
   * @default false
   */
  readonly force?: boolean;
  /**
   * A folder of templates overriding the built-in ones file by file (`page.md`, `page.<locale>.md`,
   * `locales/<locale>.yaml`), relative to `cwd`.
   * @default the built-in templates only
   */
  readonly templates?: string;
  /**
   * Markdown files, relative to `cwd`, whose `<!-- codebook:start ID TABLE -->` … `<!-- codebook:end ID -->`
   * regions `generate` rewrites and `check` checks, in addition to the output folders. A run that injects always
   * renders: a region can only be known current by rendering its table.
   * @default []
   */
  readonly inject?: readonly string[];
  /**
   * Stops `generate` when aborted: before any file changes (then none has), or once every renamed file is in
   * place. A run never stops half way through a file.
   */
  readonly signal?: AbortSignal;
  /**
   * Wraps the part of `generate` that changes files (staging its temporary files and renaming them into place),
   * the only part a process must not be stopped in. The CLI catches SIGINT and SIGTERM only there (they abort
   * `signal`), and lets them end the process at once everywhere else.
   * @default runs it as it is
   */
  readonly whileWriting?: WritingSection;
}

/** Run options with every default resolved: what shapes one output folder's files (the manifest records it). */
export interface ResolvedOptions extends Omit<EmitOptions, "templates"> {
  readonly registries: readonly string[];
  readonly outDir: string;
  readonly cwd: string;
  readonly targets: readonly TargetName[];
  /** The user's templates folder (absolute), over the built-in one. */
  readonly templates: string | undefined;
  /** Where the config file names this run, for diagnostics about its output; not an option. */
  readonly location?: SourceLocation;
}

/** Every option default, resolved in one place. */
function resolveOptions(options: RunOptions & { readonly location?: SourceLocation }): ResolvedOptions {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return {
    ...(options.location === undefined ? {} : { location: options.location }),
    cwd,
    registries: options.registries !== undefined && options.registries.length > 0 ? options.registries : [defaultRegistryPath],
    outDir: path.resolve(cwd, options.outDir ?? "generated"),
    enums: options.enums ?? true,
    targets: options.targets ?? TARGET_NAMES,
    module: options.module ?? "esm",
    emit: options.emit ?? "ts",
    templates: options.templates === undefined ? undefined : path.resolve(cwd, options.templates),
  };
}

/** The templates, as a value or a DiagnosticError, with the user's template files read. */
async function loadTemplates(folder: string | undefined, cwd: string): Promise<{ templates: MarkdownTemplates; files: readonly string[] }> {
  const { loadMarkdownTemplates } = await import("../load/load-templates.js");
  const result = await loadMarkdownTemplates(folder, cwd);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result;
}

/**
 * Waits for every input; when any fails, throws one DiagnosticError with the problems of all of them, so that
 * a run reports its registries', templates' and markers' problems together.
 */
async function settleInputs<T extends readonly unknown[]>(inputs: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(inputs);
  const diagnostics = results.flatMap((result) => {
    if (result.status === "fulfilled") return [];
    if (result.reason instanceof DiagnosticError) return result.reason.diagnostics;
    throw result.reason;
  });
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Loads every registry; throws one DiagnosticError with the problems of all of them. */
async function loadAll(options: ResolvedOptions): Promise<{ registries: Registry[]; files: string[]; chains: Map<string, string[]> }> {
  const { tryLoadRegistry } = await import("../load/load-registry.js");
  const results = await Promise.all(options.registries.map((file) => tryLoadRegistry(file, { cwd: options.cwd })));
  const files = results.flatMap((result) => (result.ok ? result.files : []));
  const diagnostics: Diagnostic[] = results.flatMap((result) => (result.ok ? [] : result.diagnostics));
  const registries = results.flatMap((result) => (result.ok ? [result.registry] : []));
  const chains = new Map(results.flatMap((result) => (result.ok ? [[result.registry.sourcePath, registryChain(result.files)] as const] : [])));
  const byId = new Map<string, Registry>();
  for (const registry of registries) {
    const other = byId.get(registry.id);
    if (other !== undefined) {
      diagnostics.push({
        file: path.relative(options.cwd, registry.sourcePath).split(path.sep).join("/"),
        line: 1,
        column: 1,
        code: "duplicate-id",
        message: `registry id "${registry.id}" is also used by ${path.relative(options.cwd, other.sourcePath)}; both would write the same files`,
      });
    }
    byId.set(registry.id, registry);
  }
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return { registries, files, chains };
}

/** The registry and the registries it extends, out of every file loading it read (the locale files left out). */
function registryChain(files: readonly string[]): string[] {
  const read = new Set(files);
  return files.filter((file) => {
    const stem = localeFileStem(file);
    return stem === undefined || !(read.has(`${stem}.yaml`) || read.has(`${stem}.yml`));
  });
}

/**
 * Every file generated for one registry, in memory: the pure heart of codebook.
 * @param options.outDir the output folder the files' headers are relative to
 */
export async function renderRegistry(
  registry: Registry,
  options: {
    readonly outDir: string;
    readonly enums?: boolean;
    readonly targets?: readonly TargetName[];
    readonly module?: ModuleFormat;
    readonly emit?: EmitForm;
    /** A folder of templates overriding the built-in ones (absolute, or relative to the working directory). */
    readonly templates?: string;
  },
): Promise<GeneratedFile[]> {
  const [targets, { templates }] = await settleInputs([
    loadTargets(options.targets ?? TARGET_NAMES),
    loadTemplates(options.templates === undefined ? undefined : path.resolve(options.templates), process.cwd()),
  ] as const);
  return emitRegistry(registry, targets, options.outDir, { enums: options.enums ?? true, module: options.module ?? "esm", emit: options.emit ?? "ts", templates });
}

function emitRegistry(registry: Registry, targets: readonly Target[], outDir: string, options: EmitOptions): GeneratedFile[] {
  const context: EmitContext = { outDir };
  return targets.flatMap((target) => target.emit(registry, context, options));
}

/**
 * Resolves the options (or the config's entries) into one plan per output folder. With `quick`, a config is read
 * without validation (see `expandConfig`), or the plan is `undefined` when that is not possible.
 */
async function planFolders(options: RunOptions, quick: boolean): Promise<{ plans: FolderPlan[]; inject: string[]; problems: readonly Diagnostic[] } | undefined> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const expanded = await expandConfig(options, cwd, quick);
  if (expanded === undefined) return undefined;
  const inject = [...(options.inject ?? []).map((file) => path.resolve(cwd, file)), ...expanded.inject];
  const byFolder = new Map<string, ResolvedOptions[]>();
  for (const entry of expanded.entries) {
    const run = resolveOptions({ ...(entry as RunOptions & { readonly location?: SourceLocation }), cwd });
    byFolder.set(run.outDir, [...(byFolder.get(run.outDir) ?? []), run]);
  }
  const plans = [...byFolder].map(([outDir, runs]) => ({ outDir, runs, configFile: expanded.configFile }));
  return { plans, inject: [...new Set(inject)], problems: expanded.diagnostics };
}

/** The config's problems as a settled input: the run goes on with what of the config can run, and reports them with the rest. */
async function configProblems(problems: readonly Diagnostic[]): Promise<void> {
  if (problems.length > 0) throw new DiagnosticError(problems);
}

/**
 * Loads and renders one run: each registry's files, and every file read. Between targets it lets a signal in
 * (rendering a large registry takes a while), and stops when `signal` has aborted.
 */
async function renderRun(run: ResolvedOptions, signal: AbortSignal | undefined): Promise<RenderedRun> {
  const [loaded, templates, targets] = await settleInputs([loadAll(run), loadTemplates(run.templates, run.cwd), loadTargets(run.targets)] as const);
  const outputs: { sourcePath: string; chain: readonly string[]; files: GeneratedFile[] }[] = [];
  for (const registry of loaded.registries) {
    const files: GeneratedFile[] = [];
    for (const target of targets) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      files.push(...emitRegistry(registry, [target], run.outDir, { ...run, templates: templates.templates }));
    }
    outputs.push({ sourcePath: registry.sourcePath, chain: loaded.chains.get(registry.sourcePath) ?? [registry.sourcePath], files });
  }
  return { outputs, inputs: templates.files, registries: loaded.registries, templates: templates.templates };
}

/** The Markdown files to inject into, read and their markers parsed; a DiagnosticError for any marker problem. */
async function readInjected(inject: readonly string[], cwd: string) {
  const { readInjectTargets } = await import("../load/inject-targets.js");
  const read = await readInjectTargets(inject, cwd);
  if (read.diagnostics.length > 0) throw new DiagnosticError(read.diagnostics);
  return read.targets;
}

/**
 * Every folder's files and the injected files, rendered in memory. The registries and the injected files'
 * markers are read together, so that a run reports the problems of both at once.
 */
async function renderEverything(options: RunOptions) {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { plans, inject, problems } = (await planFolders(options, false))!;
  const [rendered, targets] = await settleInputs([renderFolders(plans, (run) => renderRun(run, options.signal)), readInjected(inject, cwd), configProblems(problems)] as const);
  options.signal?.throwIfAborted();
  if (inject.length === 0) return { plans, rendered, injected: [] };
  const { renderInjections } = await import("../load/inject-targets.js");
  const registries = rendered.flatMap((folder) => folder.registries);
  const templates = rendered[0]?.templates ?? (await loadTemplates(undefined, cwd)).templates;
  const injection = renderInjections(targets, registries, templates);
  if (injection.diagnostics.length > 0) throw new DiagnosticError(injection.diagnostics);
  return { plans, rendered, injected: injection.files };
}

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
 * Generates every target of the given registries (or of a config's entries) into their output folders.
 * Nothing is written unless every registry is valid. Files whose contents did not change are not touched; files
 * codebook generated before and no longer produces are removed (see the manifest). When every folder's manifest
 * shows the same generator, options and inputs, nothing is loaded or rendered at all.
 * @throws {DiagnosticError} when the config or any registry is invalid.
 * @example await generate({ registries: ["codes.yaml"], outDir: "src/generated" });
 * @example await generate({ config: true }); // like `codebook generate` with no arguments
 */
export async function generate(options: RunOptions = {}): Promise<GenerateResult> {
  if (options.force !== true) {
    const quick = await planFolders(options, true);
    // A Markdown region can only be known current by rendering its table: a run that injects always renders.
    const current = quick === undefined || quick.inject.length > 0 ? undefined : await findCurrentFolders(quick.plans);
    if (quick !== undefined && current !== undefined) {
      const outDirs = quick.plans.map((plan) => plan.outDir);
      return { outDir: outDirs[0]!, outDirs, written: [], unchanged: current.files, removed: [], kept: [], overwritten: [], upToDate: outDirs, inputs: current.inputs };
    }
  }
  options.signal?.throwIfAborted();
  const { plans, rendered, injected } = await renderEverything(options);
  options.signal?.throwIfAborted();
  const { planOutputs } = await import("./output-plan.js");
  const plan = await planOutputs(rendered, injected, path.resolve(options.cwd ?? process.cwd()));
  const injectedWrites = plan.injected.flatMap((file) => (file.write === undefined ? [] : [file.write]));
  // Only the temporary files of the injected files themselves: their folder (often the project's root) is the user's.
  for (const { target } of injectedWrites) await removeStaleTemporaryFiles({ folder: path.dirname(target), names: new Set([path.basename(target)]) });
  const report = await commitPlans(plan.folders, [{ writes: injectedWrites, removals: [] }], { signal: options.signal, whileWriting: options.whileWriting });
  const outDirs = plans.map((plan) => plan.outDir);
  return {
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
}

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

/**
 * Validates the config (if one is used) and the registries without generating anything.
 * @returns every diagnostic found; an empty list means all are valid.
 * @example const diagnostics = await validate({ registries: ["codes.yaml"] });
 */
export async function validate(options: RunOptions = {}): Promise<readonly Diagnostic[]> {
  try {
    const { plans, problems } = (await planFolders(options, false))!;
    const results = await Promise.allSettled([...plans.flatMap((plan) => plan.runs.map(loadAll)), configProblems(problems)]);
    const diagnostics = results.flatMap((result) => {
      if (result.status === "fulfilled") return [];
      if (result.reason instanceof DiagnosticError) return result.reason.diagnostics;
      throw result.reason;
    });
    return sortDiagnostics(diagnostics);
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
}

/**
 * The inputs that can be named without loading anything: the config file the options use (if any) and the
 * registries they (or the config's entries, read without validation) name. What a watcher starts from.
 */
export async function namedInputs(options: RunOptions = {}): Promise<string[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const configFile = await chooseConfigFile(options, cwd);
  const plans = await planFolders(options, true).catch(() => undefined);
  const registries = (plans?.plans ?? []).flatMap((plan) => plan.runs.flatMap(registryPaths));
  return [...new Set([...registries, ...(configFile === undefined ? [] : [configFile])])].sort();
}
