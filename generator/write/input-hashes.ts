// Synchronous file-system calls: these run on the no-op fast path, where a few small reads are faster without
// the thread pool (whose start alone costs more than the reads).
import { readdirSync } from "node:fs";
import path from "node:path";
import { readInputBytes } from "../load/checked-read.js";
import { hashContents } from "./hash.js";
import { manifestPath } from "./manifest.js";

/** A locale tag as registry.schema.json allows it (en, pt-BR, zh-Hant-TW, es-419). */
const LOCALE_TAG = "[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?";

/**
 * A locale file's name or path, `<stem>.<locale>.yaml` (or `.yml`), with the stem captured. A locale tag holds no
 * dot, so the stem is unique: one pattern, compiled once, answers for every registry, where a pattern per registry
 * was compiled (and run) for each YAML file of every no-op proof. `s`: a stem may hold a line break, as a file name may.
 */
const LOCALE_FILE = new RegExp(`^(.+)\\.${LOCALE_TAG}\\.ya?ml$`, "s");

function listFolder(folder: string): string[] {
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
export function localeFilesBeside(registryFile: string, listing?: readonly string[]): string[] {
  const folder = path.dirname(registryFile);
  const stem = path.basename(registryFile).replace(/\.ya?ml$/, "");
  return (listing ?? listFolder(folder)).filter((name) => localeFileStem(name) === stem).map((name) => path.join(folder, name));
}

/** What a run reads besides its registries' own text. */
export interface InputSources {
  /**
   * Files read or looked for: registries, the registries they extend, the config file, templates, and the places
   * a nearer package could appear. Locale files beside each YAML file are added.
   */
  readonly files: readonly string[];
  /** Folders whose listing is an input: a file appearing there changes the output (a templates folder). */
  readonly folders?: readonly string[];
}

/** How a folder input is named: its path with a trailing separator, so that it never reads as a file. */
export function folderInput(folder: string): string {
  return `${path.resolve(folder)}${path.sep}`;
}

/**
 * Every input of a run, absolute, sorted, without duplicates; a folder input ends with a separator.
 * @param listings the folders listed so far, by path, read first and added to: the registries of one output
 *   folder mostly sit in one folder, which is then listed once rather than once per registry
 */
export function collectInputs(sources: InputSources, listings = new Map<string, string[]>()): string[] {
  const found = new Set(sources.files.map((file) => (file.endsWith(path.sep) ? folderInput(file) : path.resolve(file))));
  for (const file of [...found]) {
    if (!/\.ya?ml$/.test(file)) continue;
    const folder = path.dirname(file);
    if (!listings.has(folder)) listings.set(folder, listFolder(folder));
    for (const locale of localeFilesBeside(file, listings.get(folder))) found.add(locale);
  }
  for (const folder of sources.folders ?? []) found.add(folderInput(folder));
  return [...found].sort();
}

/**
 * The hash of a file's bytes, of a folder's sorted listing (`folder/`), or `missing` when there is none: a file the
 * checked reader refuses (absent, a FIFO, a device, too large) hashes as `missing`, so the run renders and the load
 * reports it.
 */
function hashInput(file: string): string {
  if (file.endsWith(path.sep)) return hashContents(`${listFolder(file).sort().join("\n")}\n`);
  const read = readInputBytes(file);
  return read.ok ? hashContents(read.bytes) : "missing";
}

/**
 * The hash of each input, keyed by its path relative to the output folder (see {@link hashInput}).
 * @param known the hashes found so far in this pass, by absolute path, read first and added to: a run whose
 *   folders share inputs (one registry, several outputs) reads and hashes each input once
 */
export function hashInputs(outDir: string, files: readonly string[], known?: Map<string, string>): Record<string, string> {
  const hashOf = (file: string): string => {
    let hash = known?.get(file);
    if (hash === undefined) {
      hash = hashInput(file);
      known?.set(file, hash);
    }
    return hash;
  };
  return Object.fromEntries(files.map((file) => [`${manifestPath(outDir, file)}${file.endsWith(path.sep) ? "/" : ""}`, hashOf(file)]));
}

/** The absolute path of an input the manifest records (a folder input keeps its trailing separator). */
export function resolveInput(outDir: string, recorded: string): string {
  return recorded.endsWith("/") ? folderInput(path.resolve(outDir, recorded)) : path.resolve(outDir, recorded);
}

/**
 * The places where a nearer copy of a package would change what an `extends` resolves to: for each base found in
 * a `node_modules` folder, `node_modules/<package>/package.json` in every folder from the extending file's up to
 * the one where it was found. They are inputs that are looked for: one appearing changes the output.
 * @param chain the registry and the registries it extends, nearest first
 */
export function packageCandidates(chain: readonly string[]): string[] {
  const candidates: string[] = [];
  for (const [index, base] of chain.slice(1).entries()) {
    const segments = base.split(path.sep);
    const at = segments.lastIndexOf("node_modules");
    if (at < 0) continue;
    const name = segments.slice(at + 1, segments[at + 1]?.startsWith("@") ? at + 3 : at + 2).join(path.sep);
    const found = segments.slice(0, at).join(path.sep) || path.sep;
    for (let folder = path.dirname(chain[index]!); folder !== found && path.dirname(folder) !== folder; folder = path.dirname(folder)) {
      candidates.push(path.join(folder, "node_modules", name, "package.json"));
    }
  }
  return candidates;
}

/** For a locale file `<name>.<locale>.yaml`, the registry path without extension (`<folder>/<name>`); else `undefined`. */
export function localeFileStem(file: string): string | undefined {
  return LOCALE_FILE.exec(file)?.[1];
}
