import path from "node:path";
import {
  type Diagnostic,
  type DiagnosticCode,
  DiagnosticError,
  type SourceLocation,
  type WithProblems,
  withRelated,
} from "../diagnostics/index.js";
import { TARGET_NAMES } from "../emit/targets.js";
import { describeMisplacedFile } from "../load/file-kind.js";
import { findJsonSyntaxError, positionOf } from "../load/json-syntax.js";
import { checkInputFile, readSourceFile } from "../load/source-file.js";
import { type DataPath, locate, type ParsedYaml, parseYaml } from "../load/yaml-document.js";
import { validateAgainstSchema } from "../validate/schema.js";
import {
  type ConfigEntry,
  type ConfigEntryOptions,
  entriesFromConfig,
  injectFromConfig,
  type RawConfig,
  type RawConfigEntry,
  salvageConfig,
} from "./config-entries.js";
import { resolveCwd } from "./defaults.js";

/** A validated config file. */
export interface CodebookConfig {
  /** The config file's absolute path. */
  readonly file: string;
  /** One set of run options per entry of `registries`, in order, with absolute paths. */
  readonly entries: readonly ConfigEntryOptions[];
  /** The Markdown files whose codebook regions are regenerated, with absolute paths. */
  readonly inject: readonly string[];
}

/** A config as a run reads it: {@link CodebookConfig} with its entries located only on demand (see {@link ConfigEntry}). */
export interface RunConfig extends Omit<CodebookConfig, "entries"> {
  readonly entries: readonly ConfigEntry[];
}

/** A config entry with its place in `registries`, where its problems are reported. */
interface IndexedEntry {
  readonly index: number;
  readonly entry: RawConfigEntry;
  readonly resolved: ConfigEntry;
}

/**
 * The checks the JSON Schema cannot express: known targets, existing registries, no entry written twice. Returns
 * the entries that can run: without their unknown targets, and without those that are missing or repeated.
 */
async function checkEntries(
  parsed: ParsedYaml,
  entries: readonly IndexedEntry[],
): Promise<{ diagnostics: Diagnostic[]; runnable: ConfigEntry[] }> {
  const diagnostics: Diagnostic[] = [];
  const runnable: ConfigEntry[] = [];
  const report = (where: DataPath, code: DiagnosticCode, message: string): void => {
    diagnostics.push({ file: parsed.source.file, ...locate(parsed, where), code, message });
  };
  const seen = new Map<string, number>();
  for (const { index, entry, resolved } of entries) {
    const unknown = (entry.targets ?? []).filter((target) => !(TARGET_NAMES as readonly string[]).includes(target));
    (entry.targets ?? []).forEach((target, position) => {
      if (unknown.includes(target)) {
        report(
          ["registries", index, "targets", position],
          "unknown-target",
          `unknown target "${target}" (use one of ${TARGET_NAMES.join(", ")})`,
        );
      }
    });
    const registry = resolved.registries[0]!;
    const problem = checkInputFile(registry);
    if (problem?.code === "missing") {
      report(
        ["registries", index, "registry"],
        "missing-registry",
        `registry file "${entry.registry}" does not exist (looked for ${registry})`,
      );
      continue;
    }
    if (problem !== undefined) {
      report(
        ["registries", index, "registry"],
        "missing-registry",
        `registry file "${entry.registry}" ${problem.code === "not-a-file" ? "" : "cannot be read: "}${problem.message}`,
      );
      continue;
    }
    const key = `${registry}\0${resolved.outDir}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const here = { file: parsed.source.file, ...locate(parsed, ["registries", index, "registry"]), code: "duplicate-entry" } as const;
      const earlier = [
        { file: parsed.source.file, ...locate(parsed, ["registries", first]), message: "the entry that generates it first" },
      ];
      diagnostics.push(withRelated(here, earlier, (at) => `this registry is already generated into the same folder by the entry at ${at}`));
      continue;
    }
    seen.set(key, index);
    const known = resolved.targets?.filter((target) => !unknown.includes(target));
    const { targets: _targets, ...rest } = resolved;
    runnable.push(known === undefined || known.length === 0 ? rest : { ...rest, targets: known });
  }
  return { diagnostics, runnable };
}

/** A config file as far as it could be read: every problem in it, and what of it can still run. */
export type ConfigReading = WithProblems<{
  /** The config's entries and injected files that can run; `undefined` when the file cannot be read as a config. */
  readonly config: RunConfig | undefined;
}>;

/**
 * Reads a config file and reports every problem in it, keeping what can still run (the entries whose registry
 * exists, with their well-typed keys): a run then reports its registries' problems along with the config's.
 */
export async function readConfig(file: string, options: { readonly cwd?: string } = {}): Promise<ConfigReading> {
  const cwd = resolveCwd(options.cwd);
  const read = await readSourceFile(file, cwd);
  if (!read.ok) return { config: undefined, diagnostics: read.diagnostics };
  // The YAML parser reads JSON too, but speaks of YAML and accepts what JSON does not (trailing commas, comments).
  const json = /\.json$/i.test(file) ? findJsonSyntaxError(read.source.text) : undefined;
  if (json !== undefined) {
    const diagnostic: Diagnostic = {
      file: read.source.file,
      ...positionOf(read.source.text, json.offset),
      code: "json-syntax",
      message: `JSON syntax: ${json.message}`,
    };
    return { config: undefined, diagnostics: [diagnostic] };
  }
  const parse = parseYaml(read.source);
  if (!parse.ok) return { config: undefined, diagnostics: parse.diagnostics };
  const misplaced = describeMisplacedFile(parse.parsed, "config");
  if (misplaced !== undefined) return { config: undefined, diagnostics: [misplaced] };
  const schemaDiagnostics = await validateAgainstSchema(parse.parsed, "config");
  const data = schemaDiagnostics.length === 0 ? (parse.parsed.data as RawConfig) : salvageConfig(parse.parsed.data);
  if (data === undefined) return { config: undefined, diagnostics: schemaDiagnostics };
  const absolute = path.resolve(cwd, file);
  const indexed = data.registries.flatMap((entry, index) => {
    if (entry === undefined) return [];
    // Where the entry is, for the diagnostics about what it generates (two entries producing one file).
    const where = (): SourceLocation => ({ file: parse.parsed.source.file, ...locate(parse.parsed, ["registries", index]) });
    return [{ index, entry, resolved: { ...entriesFromConfig({ registries: [entry] }, absolute)[0]!, locate: where } }];
  });
  const checked = await checkEntries(parse.parsed, indexed);
  const inject = injectFromConfig({ registries: [], ...(data.inject === undefined ? {} : { inject: data.inject }) }, absolute);
  return { config: { file: absolute, entries: checked.runnable, inject }, diagnostics: [...schemaDiagnostics, ...checked.diagnostics] };
}

/**
 * Reads and validates a config file (`codebook.config.json`, `.yaml` or `.yml`): JSON Schema
 * (schema/config.schema.json), then the checks a schema cannot express. Paths in it resolve against its folder.
 * @param options.cwd diagnostics name files relative to it. @default process.cwd()
 * @throws {DiagnosticError} with every problem found, each located in the config file.
 * @example const config = await loadConfig("codebook.config.json");
 */
export async function loadConfig(file: string, options: { readonly cwd?: string } = {}): Promise<CodebookConfig> {
  const { config, diagnostics } = await readConfig(file, options);
  if (config === undefined || diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  const entries = config.entries.map(({ locate: where, ...entry }) => (where === undefined ? entry : { ...entry, location: where() }));
  return { ...config, entries };
}
