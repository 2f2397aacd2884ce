import { readFileSync, statSync } from "node:fs";
import { rm, rmdir, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/header.js";
import { hashContents } from "./hash.js";
import { collectInputs, hashInputs, type InputSources } from "./inputs.js";
import { MANIFEST_FILE, MANIFEST_FORMAT, readManifest, renderManifest, type Manifest } from "./manifest.js";
import { newestGeneratorFileTime } from "./generator-stamp.js";
import { resolveOutputPath, writeFiles } from "./write-files.js";

/** What one output folder is generated from: the manifest's `generator`, `options` and inputs. */
export interface FolderSources {
  readonly outDir: string;
  readonly generator: string;
  readonly options: readonly unknown[];
  readonly inputs: InputSources;
}

/** Reads a file, synchronously: see write/inputs.ts. */
async function readBytes(file: string): Promise<Buffer | undefined> {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The absolute path of a file the manifest lists, or `undefined` when it would leave the folder. */
function insideFolder(outDir: string, file: string): string | undefined {
  try {
    return resolveOutputPath(outDir, { path: file, contents: "" });
  } catch {
    return undefined;
  }
}

function sameKeys(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

/** What the fast path found: the folder's inputs and files, all current. */
export interface CurrentFolder {
  /** Absolute paths of every input the manifest records. */
  readonly inputs: readonly string[];
  /** Absolute paths of the generated files and the manifest. */
  readonly files: readonly string[];
}

/**
 * The no-op fast path: the folder is current when its manifest was written by this generator with these options
 * from inputs that are byte-for-byte the same as now, and every file it lists still has the contents codebook
 * wrote. Reads and hashes a few files; loads neither the YAML parser, nor the schema validator, nor ts-morph.
 * @returns `undefined` when anything differs (or cannot be told): the caller then renders.
 */
export async function isFolderCurrent(sources: FolderSources): Promise<CurrentFolder | undefined> {
  const { outDir } = sources;
  const manifest = await readManifest(outDir);
  if (manifest === undefined || manifest.generator !== sources.generator) return undefined;
  if (JSON.stringify(manifest.options) !== JSON.stringify(sources.options)) return undefined;
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  const written = statSync(manifestFile, { throwIfNoEntry: false });
  if (written === undefined || newestGeneratorFileTime() > written.mtimeMs) return undefined;
  const recorded = Object.keys(manifest.inputs).map((file) => path.resolve(outDir, file));
  const inputs = await collectInputs({ files: [...recorded, ...sources.inputs.files], folders: sources.inputs.folders ?? [] });
  if (!sameKeys(await hashInputs(outDir, inputs), manifest.inputs)) return undefined;
  const files: string[] = [];
  for (const [file, hash] of Object.entries(manifest.files)) {
    const target = insideFolder(outDir, file);
    const bytes = target === undefined ? undefined : await readBytes(target);
    if (target === undefined || bytes === undefined || hashContents(bytes) !== hash) return undefined;
    files.push(target);
  }
  return { inputs, files: [...files, manifestFile] };
}

/** The manifest describing `files` generated into a folder from `sources`. */
export async function buildManifest(sources: FolderSources, files: readonly GeneratedFile[], inputFiles?: readonly string[]): Promise<GeneratedFile> {
  const inputs = await hashInputs(sources.outDir, inputFiles ?? (await collectInputs(sources.inputs)));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    generator: sources.generator,
    options: sources.options,
    inputs,
    files: Object.fromEntries(files.map((file) => [file.path, hashContents(file.contents)])),
  };
  return renderManifest(manifest);
}

/** What syncing an output folder did. */
export interface SyncReport {
  /** Absolute paths of files created or changed. */
  readonly written: readonly string[];
  /** Absolute paths of files already current (not touched, so their mtime stays). */
  readonly unchanged: readonly string[];
  /** Absolute paths of files codebook had generated, no longer produces, and removed. */
  readonly removed: readonly string[];
  /** Absolute paths of files codebook had generated and no longer produces, left in place because they were edited since. */
  readonly kept: readonly string[];
  /** Absolute paths of files rewritten although they were edited since codebook wrote them (what `check` calls hand-edited). */
  readonly overwritten: readonly string[];
  /** Absolute paths of every input, as the manifest now records them. */
  readonly inputs: readonly string[];
}

/**
 * After a full run that found the manifest current, makes sure the fast path is taken next time: when codebook's
 * own files are newer than the manifest (a development build of codebook), the manifest's mtime is set to now.
 * Its contents stay; no generated file is touched. An installed codebook is never newer, so this never happens there.
 */
async function markVerified(manifestFile: string, unchanged: boolean): Promise<void> {
  if (!unchanged) return;
  if (newestGeneratorFileTime() <= (await stat(manifestFile)).mtimeMs) return;
  const now = new Date();
  await utimes(manifestFile, now, now);
}

/** Removes folders left empty by removing `file`, up to (not including) `outDir`. */
async function removeEmptyParents(outDir: string, file: string): Promise<void> {
  for (let folder = path.dirname(file); folder !== outDir && folder.startsWith(`${outDir}${path.sep}`); folder = path.dirname(folder)) {
    try {
      await rmdir(folder);
    } catch {
      return;
    }
  }
}

/** The files the previous manifest lists that are no longer produced and still exist, split by whether they were edited. */
async function findOrphans(outDir: string, previous: Manifest | undefined, produced: ReadonlySet<string>) {
  const orphans: { path: string; edited: boolean }[] = [];
  for (const [file, hash] of Object.entries(previous?.files ?? {})) {
    if (produced.has(file) || file === MANIFEST_FILE) continue;
    // A manifest entry naming a path outside the folder was not written by codebook: ignore it.
    const target = insideFolder(outDir, file);
    if (target === undefined) continue;
    const bytes = await readBytes(target);
    if (bytes !== undefined) orphans.push({ path: target, edited: hashContents(bytes) !== hash });
  }
  return orphans;
}

/** The files about to be rewritten whose contents differ from what codebook wrote there (the manifest's hash). */
async function findHandEdited(outDir: string, previous: Manifest | undefined, files: readonly GeneratedFile[]): Promise<string[]> {
  const edited: string[] = [];
  for (const file of files) {
    const recorded = previous?.files[file.path];
    if (recorded === undefined) continue;
    const target = resolveOutputPath(outDir, file);
    const bytes = await readBytes(target);
    if (bytes !== undefined && bytes.toString("utf8") !== file.contents && hashContents(bytes) !== recorded) edited.push(target);
  }
  return edited;
}

/**
 * Brings an output folder up to date: writes the files whose contents changed (atomically), removes the files the
 * previous manifest lists that are no longer produced and still hold what codebook wrote, and writes the manifest.
 * Files codebook never listed are never removed.
 */
export async function syncFolder(sources: FolderSources, files: readonly GeneratedFile[]): Promise<SyncReport> {
  const { outDir } = sources;
  const previous = await readManifest(outDir);
  const overwritten = await findHandEdited(outDir, previous, files);
  const report = await writeFiles(outDir, files);
  const orphans = await findOrphans(outDir, previous, new Set(files.map((file) => file.path)));
  const removed: string[] = [];
  for (const orphan of orphans.filter((candidate) => !candidate.edited)) {
    await rm(orphan.path);
    await removeEmptyParents(outDir, orphan.path);
    removed.push(orphan.path);
  }
  const inputs = await collectInputs(sources.inputs);
  const manifest = await writeFiles(outDir, [await buildManifest(sources, files, inputs)]);
  await markVerified(path.join(outDir, MANIFEST_FILE), manifest.unchanged.length > 0);
  return {
    written: [...report.written, ...manifest.written],
    unchanged: [...report.unchanged, ...manifest.unchanged],
    removed,
    kept: orphans.filter((orphan) => orphan.edited).map((orphan) => orphan.path),
    overwritten,
    inputs,
  };
}

/** How a file in an output folder compares with what `generate` would write. */
export type FileState = "current" | "stale" | "missing" | "hand-edited" | "orphaned";

/** One file's state, by absolute path. */
export interface FileCheck {
  readonly path: string;
  readonly state: FileState;
}

/**
 * Compares an output folder with what `generate` would write, without writing anything. A file that differs is
 * `hand-edited` when it also differs from what codebook wrote (the manifest's hash), else `stale`; a file the
 * manifest lists that is no longer produced is `orphaned`. The manifest itself is compared like any other file.
 */
export async function compareFolder(sources: FolderSources, files: readonly GeneratedFile[]): Promise<FileCheck[]> {
  const { outDir } = sources;
  const previous = await readManifest(outDir);
  const checks: FileCheck[] = [];
  for (const file of [...files, await buildManifest(sources, files)]) {
    const target = resolveOutputPath(outDir, file);
    const bytes = await readBytes(target);
    let state: FileState = "current";
    if (bytes === undefined) state = "missing";
    else if (bytes.toString("utf8") !== file.contents) {
      const recorded = previous?.files[file.path];
      state = recorded !== undefined && recorded !== hashContents(bytes) ? "hand-edited" : "stale";
    }
    checks.push({ path: target, state });
  }
  const orphans = await findOrphans(outDir, previous, new Set(files.map((file) => file.path)));
  for (const orphan of orphans) checks.push({ path: orphan.path, state: "orphaned" });
  return checks;
}
