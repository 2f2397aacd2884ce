import path from "node:path";
import { DiagnosticError, type Diagnostic } from "../diagnostics.js";
import { TARGET_NAMES } from "../emit/targets.js";
import { checkInputFile, readSourceFile } from "../load/source-file.js";
import { locate, parseYaml, type DataPath, type ParsedYaml } from "../load/yaml-document.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { entriesFromConfig, injectFromConfig, type ConfigEntryOptions, type RawConfig } from "./config-entries.js";

/** A validated config file. */
export interface CodebookConfig {
  /** The config file's absolute path. */
  readonly file: string;
  /** One set of run options per entry of `registries`, in order, with absolute paths. */
  readonly entries: readonly ConfigEntryOptions[];
  /** The Markdown files whose codebook regions are regenerated, with absolute paths. */
  readonly inject: readonly string[];
}

/** The checks the JSON Schema cannot express: known targets, existing registries, no entry written twice. */
async function checkEntries(parsed: ParsedYaml, config: RawConfig, entries: readonly ConfigEntryOptions[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const report = (where: DataPath, code: string, message: string): void => {
    diagnostics.push({ file: parsed.source.file, ...locate(parsed, where), code, message });
  };
  const seen = new Map<string, number>();
  for (const [index, entry] of config.registries.entries()) {
    const resolved = entries[index]!;
    (entry.targets ?? []).forEach((target, position) => {
      if (!(TARGET_NAMES as readonly string[]).includes(target)) {
        report(["registries", index, "targets", position], "unknown-target", `unknown target "${target}" (use one of ${TARGET_NAMES.join(", ")})`);
      }
    });
    const registry = resolved.registries[0]!;
    const problem = checkInputFile(registry);
    if (problem?.code === "missing") {
      report(["registries", index, "registry"], "missing-registry", `registry file "${entry.registry}" does not exist (looked for ${registry})`);
    } else if (problem !== undefined) {
      report(["registries", index, "registry"], "missing-registry", `registry file "${entry.registry}" ${problem.code === "not-a-file" ? "" : "cannot be read: "}${problem.message}`);
    }
    const key = `${registry}\0${resolved.outDir}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const { line, column } = locate(parsed, ["registries", first]);
      report(["registries", index, "registry"], "duplicate-entry", `this registry is already generated into the same folder by the entry at ${line}:${column}`);
    } else {
      seen.set(key, index);
    }
  }
  return diagnostics;
}

/**
 * Reads and validates a config file (`codebook.config.json`, `.yaml` or `.yml`): JSON Schema
 * (schema/config.schema.json), then the checks a schema cannot express. Paths in it resolve against its folder.
 * @param options.cwd diagnostics name files relative to it. @default process.cwd()
 * @throws {DiagnosticError} with every problem found, each located in the config file.
 * @example const config = await loadConfig("codebook.config.json");
 */
export async function loadConfig(file: string, options: { readonly cwd?: string } = {}): Promise<CodebookConfig> {
  const cwd = options.cwd ?? process.cwd();
  const read = await readSourceFile(file, cwd);
  if (!read.ok) throw new DiagnosticError(read.diagnostics);
  const parse = parseYaml(read.source);
  if (!parse.ok) throw new DiagnosticError(parse.diagnostics);
  const schemaDiagnostics = await validateAgainstSchema(parse.parsed, "config");
  if (schemaDiagnostics.length > 0) throw new DiagnosticError(schemaDiagnostics);
  const config = parse.parsed.data as RawConfig;
  const absolute = path.resolve(cwd, file);
  const entries = entriesFromConfig(config, absolute);
  const diagnostics = await checkEntries(parse.parsed, config, entries);
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  return { file: absolute, entries, inject: injectFromConfig(config, absolute) };
}
