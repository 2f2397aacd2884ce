import path from "node:path";
import type { SourceLocation } from "../diagnostics/index.js";
import { DEFAULTS } from "./defaults.js";

/** One entry of `registries` in a config file, as its JSON Schema allows it. */
export interface RawConfigEntry {
  readonly registry: string;
  readonly outDir?: string;
  readonly targets?: readonly string[];
  readonly enums?: boolean;
  readonly module?: "esm" | "cjs";
  readonly emit?: "ts" | "js";
  readonly codeMap?: boolean;
  readonly templates?: string;
}

/** A config file's data, as its JSON Schema allows it. */
export interface RawConfig {
  readonly registries: readonly RawConfigEntry[];
  readonly inject?: readonly string[];
}

/** The options of one config entry, with paths made absolute (relative to the config file's folder). */
export interface ConfigEntryOptions {
  readonly registries: readonly string[];
  readonly outDir: string;
  readonly targets?: readonly string[];
  readonly enums?: boolean;
  readonly module?: "esm" | "cjs";
  readonly emit?: "ts" | "js";
  readonly codeMap?: boolean;
  readonly templates?: string;
  /** Where the config file holds this entry (set by `loadConfig`), for diagnostics about its output. */
  readonly location?: SourceLocation;
}

/**
 * A config entry as a run reads it: where the config holds it is worked out only when a diagnostic about its output
 * asks (`locate`). Locating any entry builds the `yaml` document of the whole config, with every position, which a
 * run with nothing to report never reads (a config of 50 entries spent about 25 ms on it).
 */
export interface ConfigEntry extends Omit<ConfigEntryOptions, "location"> {
  readonly locate?: () => SourceLocation;
}

/** Maps a config's entries to run options. Paths resolve against the config file's folder. */
export function entriesFromConfig(config: RawConfig, configFile: string): ConfigEntryOptions[] {
  const base = path.dirname(configFile);
  return config.registries.map((entry) => ({
    registries: [path.resolve(base, entry.registry)],
    outDir: path.resolve(base, entry.outDir ?? DEFAULTS.outDir),
    ...(entry.targets === undefined ? {} : { targets: entry.targets }),
    ...(entry.enums === undefined ? {} : { enums: entry.enums }),
    ...(entry.module === undefined ? {} : { module: entry.module }),
    ...(entry.emit === undefined ? {} : { emit: entry.emit }),
    ...(entry.codeMap === undefined ? {} : { codeMap: entry.codeMap }),
    ...(entry.templates === undefined ? {} : { templates: path.resolve(base, entry.templates) }),
  }));
}

/** The config's Markdown files to inject into, as absolute paths. */
export function injectFromConfig(config: RawConfig, configFile: string): string[] {
  return (config.inject ?? []).map((file) => path.resolve(path.dirname(configFile), file));
}

/** The type each key of an entry must have for the quick reader (and the salvage of an invalid config) to accept it. */
export const ENTRY_KEYS: Readonly<Record<string, (value: unknown) => boolean>> = {
  registry: (value) => typeof value === "string",
  outDir: (value) => typeof value === "string",
  targets: (value) => Array.isArray(value) && value.every((item) => typeof item === "string"),
  enums: (value) => typeof value === "boolean",
  module: (value) => value === "esm" || value === "cjs",
  emit: (value) => value === "ts" || value === "js",
  codeMap: (value) => typeof value === "boolean",
  templates: (value) => typeof value === "string",
};

/** The top-level keys the quick reader accepts besides `registries`. */
const TOP_LEVEL_KEYS: Readonly<Record<string, (value: unknown) => boolean>> = {
  $schema: (value) => typeof value === "string",
  registries: Array.isArray,
  inject: (value) => Array.isArray(value) && value.every((item) => typeof item === "string"),
};

/**
 * Whether `key` is one of the table's own keys and its check accepts `value`. The key comes from the input: an
 * inherited property (`__proto__`, `constructor`, `__defineGetter__`) is no key of the table.
 */
function accepts(table: Readonly<Record<string, (value: unknown) => boolean>>, key: string, value: unknown): boolean {
  return Object.hasOwn(table, key) && table[key]!(value) === true;
}

/**
 * Reads a JSON config without loading the YAML parser or the schema validator, for the no-op fast path. Returns
 * `undefined` for anything but a plain, well-shaped JSON config: the full loader then reports the problems. The
 * result is only trusted when the manifest of every output folder recorded this very config file's hash, i.e.
 * when the same text was fully validated by the run that wrote the output.
 */
export function quickParseConfig(text: string): RawConfig | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const entries = (data as { registries?: unknown }).registries;
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  if (!Object.entries(data).every(([key, value]) => accepts(TOP_LEVEL_KEYS, key, value))) return undefined;
  const wellShaped = entries.every(
    (entry: unknown) =>
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as { registry?: unknown }).registry === "string" &&
      Object.entries(entry).every(([key, value]) => accepts(ENTRY_KEYS, key, value)),
  );
  return wellShaped ? (data as RawConfig) : undefined;
}

/**
 * The part of a config that failed its schema which can still be run, so that the run reports its registries'
 * and injected files' problems along with the config's: each entry with a `registry` path keeps its well-typed
 * keys (the others were reported); `undefined` items stand for entries that cannot be run, keeping the indices.
 */
export function salvageConfig(
  data: unknown,
): { readonly registries: readonly (RawConfigEntry | undefined)[]; readonly inject?: readonly string[] } | undefined {
  if (typeof data !== "object" || data === null || !Array.isArray((data as { registries?: unknown }).registries)) return undefined;
  const { registries, inject } = data as { registries: unknown[]; inject?: unknown };
  const entries = registries.map((item): RawConfigEntry | undefined => {
    if (typeof item !== "object" || item === null) return undefined;
    const registry = (item as { registry?: unknown }).registry;
    if (typeof registry !== "string" || registry === "") return undefined;
    const kept = Object.entries(item).filter(([key, value]) => accepts(ENTRY_KEYS, key, value));
    return Object.fromEntries(kept) as unknown as RawConfigEntry;
  });
  const injectFiles = Array.isArray(inject) ? inject.filter((file): file is string => typeof file === "string" && file !== "") : undefined;
  return { registries: entries, ...(injectFiles === undefined ? {} : { inject: injectFiles }) };
}
