import path from "node:path";
import { DiagnosticError, type Diagnostic } from "./diagnostics.js";
import type { EmitContext, GeneratedFile } from "./emit/header.js";
import type { MarkdownTemplates } from "./emit/markdown/template-set.js";
import { loadTargets, TARGET_NAMES, type EmitOptions, type Target, type TargetName } from "./emit/targets.js";
import { readInjectTargets, renderInjections, writeInjected, compareInjected, type InjectedFile } from "./inject-files.js";
import { tryLoadRegistry } from "./load/load-registry.js";
import { loadMarkdownTemplates } from "./load/load-templates.js";
import type { Registry } from "./model/registry.js";
import { defaultRegistryPath } from "./package-root.js";
import { compareFiles, writeFiles, type FileState } from "./write/write-files.js";

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
   * A folder of templates overriding the built-in ones file by file (`page.md`, `page.<locale>.md`,
   * `locales/<locale>.yaml`), relative to `cwd`.
   * @default the built-in templates only
   */
  readonly templates?: string;
  /**
   * Markdown files, relative to `cwd`, whose `<!-- codebook:start ID TABLE -->` … `<!-- codebook:end ID -->`
   * regions `generate` rewrites and `check` checks, in addition to the output folder.
   * @default []
   */
  readonly inject?: readonly string[];
}

interface ResolvedOptions extends Omit<EmitOptions, "templates"> {
  readonly registries: readonly string[];
  readonly outDir: string;
  readonly cwd: string;
  readonly targets: readonly TargetName[];
  /** Absolute, or undefined for the built-in templates only. */
  readonly templates: string | undefined;
  readonly inject: readonly string[];
}

/** Every option default, resolved in one place. */
function resolveOptions(options: RunOptions): ResolvedOptions {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return {
    cwd,
    registries: options.registries !== undefined && options.registries.length > 0 ? options.registries : [defaultRegistryPath],
    outDir: path.resolve(cwd, options.outDir ?? "generated"),
    enums: options.enums ?? true,
    targets: options.targets ?? TARGET_NAMES,
    templates: options.templates === undefined ? undefined : path.resolve(cwd, options.templates),
    inject: options.inject ?? [],
  };
}

/** Loads every registry; throws one DiagnosticError with the problems of all of them. */
async function loadAll(options: ResolvedOptions): Promise<Registry[]> {
  const results = await Promise.all(options.registries.map((file) => tryLoadRegistry(file, { cwd: options.cwd })));
  const diagnostics: Diagnostic[] = results.flatMap((result) => (result.ok ? [] : result.diagnostics));
  const registries = results.flatMap((result) => (result.ok ? [result.registry] : []));
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
  return registries;
}

/** The templates, as a value or a DiagnosticError. */
async function loadTemplatesOrThrow(folder: string | undefined, cwd: string): Promise<MarkdownTemplates> {
  const result = await loadMarkdownTemplates(folder, cwd);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result.templates;
}

function emitRegistry(registry: Registry, targets: readonly Target[], outDir: string, options: EmitOptions): GeneratedFile[] {
  const context: EmitContext = { outDir };
  return targets.flatMap((target) => target.emit(registry, context, options));
}

/**
 * Every file generated for one registry, in memory: the pure heart of codebook.
 * @param options.outDir the output folder the files' headers are relative to
 * @param options.templates a folder of templates overriding the built-in ones (default: the built-in ones)
 */
export async function renderRegistry(
  registry: Registry,
  options: { readonly outDir: string; readonly enums?: boolean; readonly targets?: readonly TargetName[]; readonly templates?: string },
): Promise<GeneratedFile[]> {
  const targets = await loadTargets(options.targets ?? TARGET_NAMES);
  const templates = await loadTemplatesOrThrow(options.templates === undefined ? undefined : path.resolve(options.templates), process.cwd());
  return emitRegistry(registry, targets, options.outDir, { enums: options.enums ?? true, templates });
}

/**
 * Waits for every input; when any fails, throws one DiagnosticError with the problems of all of them, and with
 * the `alongside` diagnostics (found by work that goes on after the inputs, reported now so none is lost).
 */
async function settleInputs<T extends readonly unknown[]>(
  inputs: { [K in keyof T]: Promise<T[K]> },
  alongside: Promise<readonly Diagnostic[]>,
): Promise<T> {
  const results = await Promise.allSettled(inputs);
  const diagnostics = results.flatMap((result) => {
    if (result.status === "fulfilled") return [];
    if (result.reason instanceof DiagnosticError) return result.reason.diagnostics;
    throw result.reason;
  });
  if (diagnostics.length > 0) throw new DiagnosticError([...diagnostics, ...(await alongside)]);
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Everything a run produces: the output folder's files and the injected files. All diagnostics come first. */
async function renderAll(options: ResolvedOptions): Promise<{ files: GeneratedFile[]; injected: InjectedFile[] }> {
  const reading = readInjectTargets(options.inject, options.cwd);
  const [registries, templates, targets] = await settleInputs(
    [loadAll(options), loadTemplatesOrThrow(options.templates, options.cwd), loadTargets(options.targets)] as const,
    // An unexpected failure of the reading surfaces below, where `reading` is awaited.
    reading.then((read) => read.diagnostics, () => []),
  );
  const read = await reading;
  const injection = renderInjections(read.targets, registries, templates);
  const diagnostics = [...read.diagnostics, ...injection.diagnostics];
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  const files = registries.flatMap((registry) => emitRegistry(registry, targets, options.outDir, { ...options, templates }));
  return { files, injected: injection.files };
}

/** The outcome of `generate`. */
export interface GenerateResult {
  readonly outDir: string;
  /** Absolute paths of files created or changed (injected files included). */
  readonly written: readonly string[];
  /** Absolute paths of files already current (injected files included). */
  readonly unchanged: readonly string[];
}

/**
 * Generates every target of the given registries into the output folder, and rewrites the regions of the
 * `inject` files. Nothing is written unless every registry, template and marker is valid; files whose contents
 * did not change are not touched.
 * @throws {DiagnosticError} when any registry, template or marker is invalid.
 * @example await generate({ registries: ["codes.yaml"], outDir: "src/generated" });
 */
export async function generate(options: RunOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const { files, injected } = await renderAll(resolved);
  const report = await writeFiles(resolved.outDir, files);
  const injectReport = await writeInjected(injected);
  return {
    outDir: resolved.outDir,
    written: [...report.written, ...injectReport.written],
    unchanged: [...report.unchanged, ...injectReport.unchanged],
  };
}

/** The outcome of `check`. */
export interface CheckResult {
  /** True when every generated file is current. */
  readonly ok: boolean;
  readonly files: readonly { readonly path: string; readonly state: FileState }[];
}

/**
 * Checks that the generated files on disk, and the regions of the `inject` files, are what `generate` would
 * write, without writing anything: the CI guard against a stale or hand-edited `generated/` or docs table.
 * @throws {DiagnosticError} when any registry, template or marker is invalid.
 */
export async function check(options: RunOptions = {}): Promise<CheckResult> {
  const resolved = resolveOptions(options);
  const rendered = await renderAll(resolved);
  const files = [...(await compareFiles(resolved.outDir, rendered.files)), ...(await compareInjected(rendered.injected))];
  return { ok: files.every((file) => file.state === "current"), files };
}

/**
 * Validates registries without generating anything.
 * @returns every diagnostic found; an empty list means all are valid.
 */
export async function validate(options: RunOptions = {}): Promise<readonly Diagnostic[]> {
  try {
    await loadAll(resolveOptions(options));
    return [];
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
}
