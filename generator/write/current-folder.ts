// The no-op fast path: synchronous reads where they are faster without the thread pool (see write/input-hashes.ts).
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { MAX_SOURCE_BYTES } from "../load/checked-read.js";
import { type FolderSources, isGone, type RegistrySources } from "./folder-sources.js";
import { newestGeneratorFileTime } from "./generator-stamp.js";
import { hashContents } from "./hash.js";
import { collectInputs, hashInputs, resolveInput } from "./input-hashes.js";
import { type InjectedSection, MANIFEST_FILE, manifestPath, type ReadManifest, readManifest } from "./manifest.js";
import { ownedTarget, realFolder } from "./real-target.js";

/** Read-only, never blocking on a FIFO, never taking a terminal, never through a link as the last component. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Files below this size are read into one buffer, allocated once: a pass reads and hashes one file at a time. */
const SCRATCH_BYTES = 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * The hash of a file the manifest lists, when it is one codebook may have written (`ownedTarget`: below the real
 * output folder through real folders only, each checked once per pass, and a regular file), at most as large as
 * the checked reader reads; `undefined` for anything else. The file is opened without following a link and must
 * still be the file `lstat` saw (same device and inode, regular), so that it cannot be swapped for a link, a FIFO
 * or a device between the two. One `lstat`, `open`, `fstat`, `read` and `close` per file.
 * @param folders the folders found real so far in this pass (absolute), added to
 */
function ownedFileHash(realOut: string, relative: string, folders: Set<string>): { target: string; hash: string } | undefined {
  const owned = ownedTarget(realOut, relative, folders);
  if (owned === undefined || owned.existing.size > MAX_SOURCE_BYTES) return undefined;
  const { target, existing: info } = owned;
  let descriptor: number;
  try {
    descriptor = openSync(target, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const opened = fstatSync(descriptor);
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev || opened.size > MAX_SOURCE_BYTES) return undefined;
    // Room for more than its size, so that a file that grew since is read to its end (and then hashes otherwise).
    scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
    let buffer = opened.size < SCRATCH_BYTES ? scratch : Buffer.allocUnsafe(opened.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(2 * buffer.length);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length > MAX_SOURCE_BYTES) return undefined;
      if (length === opened.size && length < buffer.length) break;
    }
    return { target, hash: hashContents(buffer.subarray(0, length)) };
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}

/** What the fast path found: the folder's inputs and files, all current. */
export interface CurrentFolder {
  /** Absolute paths of every input the manifest records. */
  readonly inputs: readonly string[];
  /** Absolute paths of the generated files and the manifest. */
  readonly files: readonly string[];
  /** The manifest's record of the files the run injected into, if it has one (see `findCurrentInjected`). */
  readonly injected: InjectedSection | undefined;
}

/** The manifest section a registry's files are recorded in, with its inputs recomputed. */
async function currentSection(
  outDir: string,
  realOut: string,
  manifest: ReadManifest,
  config: string | undefined,
  sources: RegistrySources,
  folders: Set<string>,
  known: Map<string, string>,
) {
  const key = manifestPath(outDir, sources.registry);
  const section = Object.hasOwn(manifest.registries, key) ? manifest.registries[key]! : undefined;
  if (section === undefined || section.config !== config || JSON.stringify(section.options) !== JSON.stringify(sources.options))
    return undefined;
  const recorded = Object.keys(section.inputs).map((file) => resolveInput(outDir, file));
  const inputs = collectInputs({ files: [...recorded, ...sources.inputs.files], folders: sources.inputs.folders ?? [] });
  if (!sameRecord(hashInputs(outDir, inputs, known), section.inputs)) return undefined;
  const files: string[] = [];
  for (const [file, hash] of Object.entries(section.files)) {
    // An output recorded on an input's path has overwritten that input: never current.
    if (Object.hasOwn(section.inputs, file)) return undefined;
    const owned = ownedFileHash(realOut, file, folders);
    if (owned === undefined || owned.hash !== hash) return undefined;
    files.push(owned.target);
  }
  return { inputs, files };
}

/**
 * The no-op fast path: the folder is current when its manifest was written by this generator and records, for
 * every registry of the run, these options and inputs that are byte-for-byte the same as now (and the same places
 * still empty), and every file it lists still has the contents codebook wrote. Reads and hashes a few files; loads
 * neither the YAML parser, nor the schema validator, nor ts-morph.
 * @param generatorTime the newest time of codebook's own files (see `newestGeneratorFileTime`), found once for a run
 * @param known the inputs' hashes found so far in this pass (see `hashInputs`), shared by the folders of a run
 * @returns `undefined` when anything differs (or cannot be told): the caller then renders.
 */
export async function isFolderCurrent(
  sources: FolderSources,
  generatorTime: number = newestGeneratorFileTime(),
  known: Map<string, string> = new Map(),
): Promise<CurrentFolder | undefined> {
  const { outDir } = sources;
  const manifest = readManifest(outDir);
  if (manifest === undefined || manifest.legacy !== undefined || manifest.generator !== sources.generator) return undefined;
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  const written = statSync(manifestFile, { throwIfNoEntry: false });
  if (written === undefined || generatorTime > written.mtimeMs) return undefined;
  const realOut = await realFolder(outDir).catch(() => undefined);
  if (realOut === undefined) return undefined;
  const config = sources.config === undefined ? undefined : manifestPath(outDir, sources.config);
  // Another registry's files left behind by a registry that is gone are for this run to clean up: render.
  const own = new Set(sources.registries.map((registry) => manifestPath(outDir, registry.registry)));
  for (const key of Object.keys(manifest.registries)) if (!own.has(key) && (await isGone(outDir, key))) return undefined;
  const inputs = new Set<string>();
  const files: string[] = [];
  const folders = new Set<string>();
  for (const registry of sources.registries) {
    const current = await currentSection(outDir, realOut, manifest, config, registry, folders, known);
    if (current === undefined) return undefined;
    for (const input of current.inputs) inputs.add(input);
    files.push(...current.files);
  }
  return { inputs: [...inputs].sort(), files: [...files, path.join(realOut, MANIFEST_FILE)], injected: manifest.injected };
}
