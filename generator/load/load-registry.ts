import { DiagnosticError, type Diagnostic } from "../diagnostics.js";
import { buildModel, Reporter } from "../model/build-model.js";
import type { RawRegistry } from "../model/raw-registry.js";
import type { Registry } from "../model/registry.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { readSourceFile } from "./source-file.js";
import { parseYaml } from "./yaml-document.js";

export type LoadResult =
  | { readonly ok: true; readonly registry: Registry; /** Absolute paths of every file read. */ readonly files: readonly string[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options for loading a registry. */
export interface LoadOptions {
  /** Relative paths resolve against this folder, and diagnostics print paths relative to it. @default process.cwd() */
  readonly cwd?: string;
}

/** Reads, parses, validates and resolves one registry file, collecting every diagnostic on the way. */
export async function tryLoadRegistry(registryPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readSourceFile(registryPath, options.cwd);
  if (!read.ok) return read;
  const parse = parseYaml(read.source);
  if (!parse.ok) return parse;
  const schemaDiagnostics = await validateAgainstSchema(parse.parsed, "registry");
  if (schemaDiagnostics.length > 0) return { ok: false, diagnostics: schemaDiagnostics };
  const built = buildModel({
    raw: parse.parsed.data as RawRegistry,
    reporter: new Reporter(parse.parsed),
    supplement: () => undefined,
  });
  return built.ok ? { ...built, files: [read.source.path] } : built;
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
