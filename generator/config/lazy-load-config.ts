import type { CodebookConfig } from "./load-config.js";

/**
 * Reads and validates a config file (`codebook.config.json`, `.yaml` or `.yml`) against
 * schema/config.schema.json; paths in it resolve against its folder. The YAML parser and the schema validator
 * are loaded on the first call.
 * @param options.cwd diagnostics name files relative to it. @default process.cwd()
 * @throws {DiagnosticError} with every problem found, each located in the config file.
 * @example const { entries } = await loadConfig("codebook.config.json");
 */
export async function loadConfig(file: string, options: { readonly cwd?: string } = {}): Promise<CodebookConfig> {
  const { loadConfig: load } = await import("./load-config.js");
  return load(file, options);
}
