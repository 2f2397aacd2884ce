import { type PlannedFile, readBytes } from "./folder-sources.js";
import { hashContents } from "./hash.js";
import type { ReadManifest } from "./manifest.js";
import { outputTarget } from "./real-target.js";

/** A generated file compared with what is on disk: the plan for it, and the hash of its new contents. */
export interface ComparedFile {
  readonly planned: PlannedFile;
  /** The hash the manifest records for it (see `hashContents`). */
  readonly hash: string;
}

/**
 * Compares `contents` with what is at `relative` below the real output folder; the write to make unless it is
 * the same. The text is encoded once: those bytes are compared with the file's, hashed and, when they differ,
 * written. A file whose bytes differ from what codebook last wrote (`recorded`) is `hand-edited`.
 * @param durable whether its write is flushed to disk (see `FileWrite.durable`): the manifest's, not a generated file's
 * @param folders the folders on the way already found real by this run (see `outputTarget`)
 * @throws {WriteError} when the file cannot be written where it goes (see `outputTarget`).
 */
export async function planFile(
  realOut: string,
  relative: string,
  contents: string,
  recorded: string | undefined,
  durable: boolean,
  folders?: Set<string>,
): Promise<ComparedFile> {
  const { target, existing } = await outputTarget(realOut, relative, folders);
  const bytes = Buffer.from(contents, "utf8");
  const hash = hashContents(bytes);
  const onDisk = existing === undefined ? undefined : readBytes(target);
  if (onDisk?.equals(bytes)) return { planned: { path: target, state: "current", write: undefined }, hash };
  const state = onDisk === undefined ? "missing" : recorded !== undefined && recorded !== hashContents(onDisk) ? "hand-edited" : "stale";
  return { planned: { path: target, state, write: { target, existing, contents: bytes, durable } }, hash };
}

/** The hash codebook recorded for `file` in any section of the previous manifest. */
export function recordedHash(previous: ReadManifest | undefined, file: string): string | undefined {
  for (const section of [...Object.values(previous?.registries ?? {}), previous?.legacy]) {
    if (section !== undefined && Object.hasOwn(section.files, file)) return section.files[file];
  }
  return undefined;
}
