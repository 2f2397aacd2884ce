import { stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/types.js";
import {
  type FileCheck,
  type FolderOutput,
  type FolderSources,
  isGone,
  type PlannedFile,
  readBytes,
  type SettledFile,
} from "./folder-sources.js";
import { newestGeneratorFileTime } from "./generator-stamp.js";
import { hashContents } from "./hash.js";
import { collectInputs, hashInputs } from "./input-hashes.js";
import {
  type InjectedSection,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  type Manifest,
  type ManifestSection,
  manifestPath,
  type ReadManifest,
  readManifest,
  renderManifest,
} from "./manifest.js";
import { resolveOutputPath } from "./output-path.js";
import { type ComparedFile, planFile, recordedHash } from "./planned-file.js";
import { ownedFile, realFolder, sweepFolder } from "./real-target.js";
import { removeStaleTemporaryFiles, type TemporarySweep, type WriteBatch, type WriteControl, writeBatch } from "./staged-writes.js";

/** What syncing an output folder will do, worked out and checked before anything is written. */
export interface PlannedFolder {
  readonly outDir: string;
  /** The real output folder (see `realFolder`). */
  readonly realOut: string;
  /** Every generated file, then the manifest. */
  readonly files: readonly PlannedFile[];
  /** Files a registry of this run generated before and no longer produces, split by whether they were edited since. */
  readonly orphans: readonly { readonly path: string; readonly edited: boolean }[];
  /** Absolute paths of every input, as the manifest records them. */
  readonly inputs: readonly string[];
  /** The generated files and removals, then the manifest: the manifest goes last. */
  readonly steps: readonly WriteBatch[];
  /** The temporary files of earlier, killed runs that may be swept before writing. */
  readonly sweeps: readonly TemporarySweep[];
}

/**
 * Splits the previous manifest into the sections this run owns (its own registries; those of its config file;
 * those whose registry is gone) and the sections it carries over untouched (other runs' registries).
 */
async function claimSections(folder: FolderSources, previous: ReadManifest | undefined) {
  const { outDir } = folder;
  const own = new Set(folder.registries.map((registry) => manifestPath(outDir, registry.registry)));
  const config = folder.config === undefined ? undefined : manifestPath(outDir, folder.config);
  const claimed: ManifestSection[] = [];
  const carried: Record<string, ManifestSection> = {};
  for (const [key, section] of Object.entries(previous?.registries ?? {})) {
    if (own.has(key) || (config !== undefined && section.config === config) || (await isGone(outDir, key))) claimed.push(section);
    else carried[key] = section;
  }
  const legacy = previous?.legacy;
  if (legacy !== undefined) {
    const covered = await Promise.all(legacy.registries.map(async (key) => own.has(key) || (await isGone(outDir, key))));
    if (covered.every(Boolean)) claimed.push({ options: [], inputs: {}, files: legacy.files });
  }
  return { claimed, carried, config };
}

/** A file's plan and hash: as the sink settled it while its target rendered, or compared now. */
async function compareFile(
  folder: FolderOutput,
  realOut: string,
  previous: ReadManifest | undefined,
  file: GeneratedFile | SettledFile,
): Promise<ComparedFile> {
  if ("planned" in file) return file;
  resolveOutputPath(folder.outDir, file);
  return planFile(realOut, file.path, file.contents, recordedHash(previous, file.path), false);
}

/** The files the claimed sections list that no registry of this run produces and that still exist. */
async function findOrphans(realOut: string, claimed: readonly ManifestSection[], produced: ReadonlySet<string>) {
  const orphans: { path: string; edited: boolean }[] = [];
  const seen = new Set<string>();
  for (const section of claimed) {
    for (const [file, hash] of Object.entries(section.files)) {
      if (produced.has(file) || file === MANIFEST_FILE || seen.has(file)) continue;
      seen.add(file);
      // Only a regular file reached through real folders of the output folder can be one codebook wrote there.
      const target = await ownedFile(realOut, file);
      const bytes = target === undefined ? undefined : readBytes(target);
      if (target !== undefined && bytes !== undefined) orphans.push({ path: target, edited: hashContents(bytes) !== hash });
    }
  }
  return orphans;
}

/** The folders where temporary files of codebook's own files may be left, each with those files' names. */
function sweepsOf(realOut: string, files: Iterable<string>): TemporarySweep[] {
  const byFolder = new Map<string, Set<string>>();
  const real = new Set<string>();
  for (const file of files) {
    const folder = sweepFolder(realOut, file, real);
    if (folder === undefined) continue;
    const names = byFolder.get(folder) ?? new Set<string>();
    names.add(path.basename(file));
    byFolder.set(folder, names);
  }
  return [...byFolder].map(([folder, names]) => ({ folder, names }));
}

/**
 * A manifest that differs from the one on disk only in its record of the injected files is current: that record
 * only lets the next run skip rendering them, so an edit to an injected file's text outside its regions (the
 * record's hash no longer matches) costs `check` its fast path, not its result. `generate` still refreshes it.
 */
async function withInjectedRecordAside(
  file: PlannedFile,
  data: Omit<Manifest, "injected">,
  previous: ReadManifest | undefined,
): Promise<PlannedFile> {
  if (file.state !== "stale" || previous === undefined || previous.legacy !== undefined) return file;
  const { legacy: _legacy, injected: _injected, ...kept } = previous;
  // The file on disk must be the manifest codebook wrote, byte for byte, but for that record.
  const onDisk = (await readBytes(file.path))?.toString("utf8");
  return onDisk === renderManifest(previous).contents && renderManifest(kept).contents === renderManifest(data).contents
    ? { ...file, state: "current" }
    : file;
}

/** The manifest's record of the run's injected files, paths relative to the folder (see {@link InjectedSection}). */
function injectedSection(folder: FolderOutput): { injected?: InjectedSection } {
  if (folder.injected === undefined || folder.injected.files.length === 0) return {};
  const { registries, files } = folder.injected;
  return {
    injected: {
      registries: [...new Set(registries.map((registry) => manifestPath(folder.outDir, registry)))],
      files: Object.fromEntries(files.map((file) => [manifestPath(folder.outDir, file.path), hashContents(file.contents)])),
    },
  };
}

/**
 * Works out what bringing an output folder up to date takes, without writing: each file to write (through real
 * folders only, never over a link, a folder or a FIFO), each file to remove (only those the manifest proves this
 * run's registries wrote, reached through real folders, unedited), and the manifest, which keeps the sections of
 * registries other runs generate into the same folder.
 * @throws {WriteError} when a file cannot be written where it goes (a link or a file on the way, a folder in place).
 */
export async function planFolder(folder: FolderOutput): Promise<PlannedFolder> {
  const { outDir } = folder;
  const realOut = await realFolder(outDir);
  const previous = readManifest(realOut);
  const { claimed, carried, config } = await claimSections(folder, previous);
  const produced = new Set(folder.registries.flatMap((registry) => registry.files.map((file) => file.path)));
  const files: PlannedFile[] = [];
  const sections: Record<string, ManifestSection> = {};
  const inputs = new Set<string>();
  // The registries of one folder share inputs (the config, their registry folder's listing): each is read once.
  const listings = new Map<string, string[]>();
  const known = new Map<string, string>();
  for (const registry of folder.registries) {
    const hashes: [string, string][] = [];
    for (const file of registry.files) {
      const { planned, hash } = await compareFile(folder, realOut, previous, file);
      files.push(planned);
      hashes.push([file.path, hash]);
    }
    const registryInputs = collectInputs(registry.inputs, listings);
    for (const input of registryInputs) inputs.add(input);
    sections[manifestPath(outDir, registry.registry)] = {
      ...(config === undefined ? {} : { config }),
      options: registry.options,
      inputs: hashInputs(outDir, registryInputs, known),
      files: Object.fromEntries(hashes),
    };
  }
  for (const [key, section] of Object.entries(carried)) {
    const kept = Object.fromEntries(Object.entries(section.files).filter(([file]) => !produced.has(file)));
    // A file this run now generates is taken over; the other registry's record can no longer be trusted as current.
    carried[key] = Object.keys(kept).length === Object.keys(section.files).length ? section : { ...section, inputs: {}, files: kept };
  }
  const orphans = await findOrphans(realOut, claimed, produced);
  const manifestData = { format: MANIFEST_FORMAT, generator: folder.generator, registries: { ...carried, ...sections } } as const;
  const manifest = renderManifest({ ...manifestData, ...injectedSection(folder) });
  const manifestFile = await withInjectedRecordAside(
    (await planFile(realOut, MANIFEST_FILE, manifest.contents, undefined, true)).planned,
    manifestData,
    previous,
  );
  const removals = orphans.filter((orphan) => !orphan.edited).map((orphan) => ({ target: orphan.path, folder: realOut }));
  const listed = [...produced, ...claimed.flatMap((section) => Object.keys(section.files)), MANIFEST_FILE];
  return {
    outDir,
    realOut,
    files: [...files, manifestFile],
    orphans,
    inputs: [...inputs].sort(),
    steps: [
      { writes: files.flatMap((file) => (file.write === undefined ? [] : [file.write])), removals },
      { writes: manifestFile.write === undefined ? [] : [manifestFile.write], removals: [] },
    ],
    sweeps: sweepsOf(realOut, listed),
  };
}

/**
 * Compares an output folder with what `generate` would write, without writing anything. A file that differs is
 * `hand-edited` when it also differs from what codebook wrote (the manifest's hash), else `stale`; a file the
 * manifest lists for a registry of this run that it no longer produces is `orphaned`. The manifest itself is
 * compared like any other file.
 */
export async function compareFolder(folder: FolderOutput): Promise<FileCheck[]> {
  const plan = await planFolder(folder);
  return [
    ...plan.files.map(({ path: file, state }) => ({ path: file, state })),
    ...plan.orphans.map((orphan) => ({ path: orphan.path, state: "orphaned" as const })),
  ];
}

/** What syncing output folders did. */
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
  /** Absolute paths of every input, as the manifests now record them. */
  readonly inputs: readonly string[];
}

/**
 * After a run that found a manifest current, makes sure the fast path is taken next time: when codebook's own
 * files are newer than the manifest (a development build of codebook), the manifest's mtime is set to now. Its
 * contents stay; no generated file is touched. An installed codebook is never newer, so this never happens there.
 */
async function markVerified(manifestFile: string): Promise<void> {
  if (newestGeneratorFileTime() <= (await stat(manifestFile)).mtimeMs) return;
  const now = new Date();
  await utimes(manifestFile, now, now);
}

/**
 * Writes what the plans say, all or nothing as far as the file system allows: every new file is first written
 * to a temporary file beside its target (so a full disk or a read-only folder fails before any target changed),
 * then all are renamed into place, folder by folder (generated files, removals, manifest), then `after` (the
 * injected files). Stale temporary files of codebook's own files are swept first. Staging and renaming run inside
 * `control.whileWriting`.
 * @throws {WriteError} naming the file that could not be written; the signal's reason when it aborts (before the
 * renames, having removed its temporary files, or once they are done).
 */
export async function commitPlans(
  plans: readonly PlannedFolder[],
  after: readonly WriteBatch[] = [],
  control: WriteControl = {},
): Promise<SyncReport> {
  for (const sweep of [...plans.flatMap((plan) => plan.sweeps)]) await removeStaleTemporaryFiles(sweep);
  await writeBatch([...plans.flatMap((plan) => plan.steps), ...after], control);
  for (const plan of plans) {
    const manifest = plan.files.at(-1)!;
    if (manifest.write === undefined) await markVerified(manifest.path);
  }
  const files = plans.flatMap((plan) => plan.files);
  const orphans = plans.flatMap((plan) => plan.orphans);
  return {
    written: files.filter((file) => file.write !== undefined).map((file) => file.path),
    unchanged: files.filter((file) => file.write === undefined).map((file) => file.path),
    removed: orphans.filter((orphan) => !orphan.edited).map((orphan) => orphan.path),
    kept: orphans.filter((orphan) => orphan.edited).map((orphan) => orphan.path),
    overwritten: files.filter((file) => file.state === "hand-edited").map((file) => file.path),
    inputs: [...new Set(plans.flatMap((plan) => plan.inputs))].sort(),
  };
}

/**
 * Brings one output folder up to date: writes the files whose contents changed (atomically), removes the files
 * the manifest lists for this run's registries that are no longer produced and still hold what codebook wrote,
 * and writes the manifest. Files codebook never listed are never removed.
 */
export async function syncFolder(folder: FolderOutput, control: WriteControl = {}): Promise<SyncReport> {
  return commitPlans([await planFolder(folder)], [], control);
}
