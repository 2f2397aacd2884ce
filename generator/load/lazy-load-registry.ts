import type { Registry } from "../model/registry.js";
import type { LoadOptions } from "./load-registry.js";

/**
 * Loads one registry into the resolved model that every emitter reads. The YAML parser and the schema
 * validator are loaded on the first call, so that importing codebook's API stays cheap.
 * @throws {DiagnosticError} with every problem found, each located in its file.
 * @example const registry = await loadRegistry("schema/close-codes.yaml");
 */
export async function loadRegistry(registryPath: string, options: LoadOptions = {}): Promise<Registry> {
  const { loadRegistry: load } = await import("./load-registry.js");
  return load(registryPath, options);
}
