import { DiagnosticError, type Diagnostic } from "../diagnostics.js";
import { buildModel } from "../model/build-model.js";
import type { Registry } from "../model/registry.js";
import { loadMergedRegistry, MergedReporter } from "./extends.js";

export type LoadResult =
  | { readonly ok: true; readonly registry: Registry; /** Absolute paths of every file read. */ readonly files: readonly string[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options for loading a registry. */
export interface LoadOptions {
  /** Relative paths resolve against this folder, and diagnostics print paths relative to it. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * Reads, parses, validates and resolves one registry file (merged with the registries it extends), collecting
 * every diagnostic on the way.
 */
export async function tryLoadRegistry(registryPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const loaded = await loadMergedRegistry(registryPath, options.cwd);
  if (!loaded.ok) return loaded;
  const { merged } = loaded;
  const built = buildModel({
    raw: merged.raw,
    reporter: new MergedReporter(merged),
    supplement: () => undefined,
  });
  return built.ok ? { ...built, files: merged.files } : built;
}

/**
 * Loads one registry into the resolved model that every emitter reads.
 * @throws {DiagnosticError} with every problem found, each located in its file.
 * @example const registry = await loadRegistry("schema/close-codes.yaml");
 */
export async function loadRegistry(registryPath: string, options: LoadOptions = {}): Promise<Registry> {
  const result = await tryLoadRegistry(registryPath, options);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result.registry;
}
