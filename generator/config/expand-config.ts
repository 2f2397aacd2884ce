import path from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { readInputBytes } from "../load/checked-read.js";
import { type ConfigEntry, type ConfigEntryOptions, entriesFromConfig, injectFromConfig, quickParseConfig } from "./config-entries.js";
import { findConfigFile } from "./find-config.js";

/** What a run's options expand to, read quickly: one entry per registry group, and the config file they came from. */
export interface QuickExpandedOptions<T> {
  readonly entries: readonly (T | ConfigEntry)[];
  readonly configFile: string | undefined;
  /** The config's Markdown files to inject into (absolute paths); none without a config. */
  readonly inject: readonly string[];
}

/** What a run's options expand to, the config validated. */
export interface ExpandedOptions<T> extends QuickExpandedOptions<T> {
  /**
   * The config's problems: the entries and files above are then what of it can still run, so that the run
   * reports its registries' and injected files' problems too.
   */
  readonly diagnostics: readonly Diagnostic[];
}

interface ConfigChoice {
  readonly registries?: readonly string[];
  readonly config?: string | boolean;
  readonly force?: boolean;
}

/** The config file the options ask for: none when they name registries. */
export async function chooseConfigFile(options: ConfigChoice, cwd: string): Promise<string | undefined> {
  if (options.registries !== undefined && options.registries.length > 0) return undefined;
  if (typeof options.config === "string") return path.resolve(cwd, options.config);
  if (options.config === true) return findConfigFile(cwd);
  return undefined;
}

/** Reads a config without validating it (YAML needs the parser, not the validator); `undefined` if it cannot. */
async function quickEntries(configFile: string): Promise<{ entries: ConfigEntryOptions[]; inject: string[] } | undefined> {
  // Through the checked reader: a FIFO or a device given as --config must not hang the fast path. When it cannot
  // be read, the full load reports why.
  const read = readInputBytes(configFile);
  if (!read.ok) return undefined;
  const text = read.bytes.toString("utf8");
  let json = text;
  if (!configFile.endsWith(".json")) {
    try {
      const { parse } = await import("yaml");
      json = JSON.stringify(parse(text));
    } catch {
      return undefined;
    }
  }
  const config = quickParseConfig(json);
  return config === undefined
    ? undefined
    : { entries: entriesFromConfig(config, configFile), inject: injectFromConfig(config, configFile) };
}

/**
 * Replaces the options with the entries of the config file they ask for (if any), the config read without
 * validation: for the no-op fast path only. `undefined` means it could not be read that way.
 */
export async function expandConfigQuickly<T extends ConfigChoice>(options: T, cwd: string): Promise<QuickExpandedOptions<T> | undefined> {
  const configFile = await chooseConfigFile(options, cwd);
  if (configFile === undefined) return { entries: [options], configFile, inject: [] };
  const read = await quickEntries(configFile);
  return read === undefined ? undefined : { ...read, configFile };
}

/**
 * Replaces the options with the entries of the config file they ask for (if any), the config fully validated:
 * its problems are returned with what of it can still run.
 */
export async function expandConfig<T extends ConfigChoice>(options: T, cwd: string): Promise<ExpandedOptions<T>> {
  const configFile = await chooseConfigFile(options, cwd);
  if (configFile === undefined) return { entries: [options], configFile, inject: [], diagnostics: [] };
  const { readConfig } = await import("./load-config.js");
  const { config, diagnostics } = await readConfig(configFile, { cwd });
  return { entries: config?.entries ?? [], configFile, inject: config?.inject ?? [], diagnostics };
}
