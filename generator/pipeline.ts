import path from "node:path";
import { DiagnosticError, type Diagnostic } from "./diagnostics.js";
import type { EmitContext, GeneratedFile } from "./emit/header.js";
import { loadTargets, TARGET_NAMES, type EmitOptions, type TargetName } from "./emit/targets.js";
import { tryLoadRegistry } from "./load/load-registry.js";
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
}

interface ResolvedOptions extends EmitOptions {
  readonly registries: readonly string[];
  readonly outDir: string;
  readonly cwd: string;
  readonly targets: readonly TargetName[];
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

/**
 * Every file generated for one registry, in memory: the pure heart of codebook.
 * @param options.outDir the output folder the files' headers are relative to
 */
export async function renderRegistry(
  registry: Registry,
  options: { readonly outDir: string; readonly enums?: boolean; readonly targets?: readonly TargetName[] },
): Promise<GeneratedFile[]> {
  const targets = await loadTargets(options.targets ?? TARGET_NAMES);
  const context: EmitContext = { outDir: options.outDir };
  return targets.flatMap((target) => target.emit(registry, context, { enums: options.enums ?? true }));
}

async function renderAll(options: ResolvedOptions): Promise<GeneratedFile[]> {
  const registries = await loadAll(options);
  const files = await Promise.all(registries.map((registry) => renderRegistry(registry, options)));
  return files.flat();
}

/** The outcome of `generate`. */
export interface GenerateResult {
  readonly outDir: string;
  /** Absolute paths of files created or changed. */
  readonly written: readonly string[];
  /** Absolute paths of files already current. */
  readonly unchanged: readonly string[];
}

/**
 * Generates every target of the given registries into the output folder. Nothing is written unless every
 * registry is valid; files whose contents did not change are not touched.
 * @throws {DiagnosticError} when any registry is invalid.
 * @example await generate({ registries: ["codes.yaml"], outDir: "src/generated" });
 */
export async function generate(options: RunOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const files = await renderAll(resolved);
  const report = await writeFiles(resolved.outDir, files);
  return { outDir: resolved.outDir, ...report };
}

/** The outcome of `check`. */
export interface CheckResult {
  /** True when every generated file is current. */
  readonly ok: boolean;
  readonly files: readonly { readonly path: string; readonly state: FileState }[];
}

/**
 * Checks that the generated files on disk are what `generate` would write, without writing anything: the
 * CI guard against a stale or hand-edited `generated/`.
 * @throws {DiagnosticError} when any registry is invalid.
 */
export async function check(options: RunOptions = {}): Promise<CheckResult> {
  const resolved = resolveOptions(options);
  const files = await compareFiles(resolved.outDir, await renderAll(resolved));
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
