// Synchronous file-system calls: these run on the no-op fast path, where a few small reads are faster without
// the thread pool (whose start alone costs more than the reads).
import { readdirSync } from "node:fs";
import path from "node:path";
import { readInputBytes } from "../load/checked-read.js";
import { hashContents } from "./hash.js";
import { manifestPath } from "./manifest.js";

/** A locale tag as registry.schema.json allows it (en, pt-BR, zh-Hant-TW, es-419). */
const LOCALE_TAG = "[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function listFolder(folder: string): Promise<string[]> {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * The locale files beside a registry: `<name>.<locale>.yaml` (or `.yml`) next to `<name>.yaml`.
 * @param listing the folder's entries, when the caller has already read them
 */
export async function localeFilesBeside(registryFile: string, listing?: readonly string[]): Promise<string[]> {
  const folder = path.dirname(registryFile);
  const stem = path.basename(registryFile).replace(/\.ya?ml$/, "");
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.${LOCALE_TAG}\\.ya?ml$`);
  return (listing ?? (await listFolder(folder))).filter((name) => pattern.test(name)).map((name) => path.join(folder, name));
}

/** Every file below `folder`, recursively (an absent folder has none). */
export async function filesUnder(folder: string): Promise<string[]> {
  try {
    const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** What a run reads besides its registries' own text. */
export interface InputSources {
  /** Files read: registries, the registries they extend, the config file. Locale files beside each YAML file are added. */
  readonly files: readonly string[];
  /** Folders whose every file is an input (templates). */
  readonly folders?: readonly string[];
}

/** Every input file of a run, absolute, sorted, without duplicates. */
export async function collectInputs(sources: InputSources): Promise<string[]> {
  const found = new Set(sources.files.map((file) => path.resolve(file)));
  const listings = new Map<string, string[]>();
  for (const file of [...found]) {
    if (!/\.ya?ml$/.test(file)) continue;
    const folder = path.dirname(file);
    if (!listings.has(folder)) listings.set(folder, await listFolder(folder));
    for (const locale of await localeFilesBeside(file, listings.get(folder))) found.add(locale);
  }
  for (const folder of sources.folders ?? []) for (const file of await filesUnder(folder)) found.add(file);
  return [...found].sort();
}

/**
 * The hash of each input, keyed by its path relative to the output folder; a file the checked reader refuses (absent,
 * a FIFO, a device, too large) hashes as `missing`, so the run renders and the load reports it.
 */
export async function hashInputs(outDir: string, files: readonly string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const read = readInputBytes(file);
      return [manifestPath(outDir, file), read.ok ? hashContents(read.bytes) : "missing"] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** For a locale file `<name>.<locale>.yaml`, the registry path without extension (`<folder>/<name>`); else `undefined`. */
export function localeFileStem(file: string): string | undefined {
  const match = new RegExp(`^(.+)\\.${LOCALE_TAG}\\.ya?ml$`).exec(file);
  return match?.[1];
}
