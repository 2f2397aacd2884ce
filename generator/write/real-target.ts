// Synchronous file-system calls: the no-op fast path checks every file its manifests list through here, a few
// `lstat` calls each, which cost more as thread-pool round trips than as calls (see write/input-hashes.ts).
import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import { WriteError } from "./write-error.js";

/** A file codebook may write: its real absolute path and, when it exists, its state (whose mode is kept). */
export interface WriteTarget {
  readonly target: string;
  readonly existing: Stats | undefined;
}

function lstatIfExists(file: string): Stats | undefined {
  try {
    // A missing file is the common case (every file of a fresh output folder): no error object is built for it.
    return lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") throw new WriteError(file, "a part of its path is a file, not a folder");
    throw error;
  }
}

/**
 * The output folder as it really is on disk: the symbolic links in the path the user chose are followed (that is
 * their choice), so that nothing below it can be another link. An output folder that does not exist yet is
 * the real path of its nearest existing parent, with the rest appended.
 * @throws {WriteError} when the folder (or a parent) is a file.
 */
export async function realFolder(folder: string): Promise<string> {
  const rest: string[] = [];
  for (let existing = folder; ; existing = path.dirname(existing)) {
    let info: Stats | undefined;
    try {
      info = statSync(existing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || path.dirname(existing) === existing) throw error;
    }
    if (info !== undefined) {
      if (!info.isDirectory()) throw new WriteError(existing, "it is a file, not a folder");
      return path.join(realpathSync.native(existing), ...rest);
    }
    rest.unshift(path.basename(existing));
  }
}

/** Why `info` at `file` is not a plain folder codebook may write below, if it is not. */
function folderProblem(info: Stats): string | undefined {
  if (info.isSymbolicLink())
    return "it is a symbolic link inside the output folder; codebook does not write or remove through links there (point the output folder at the real folder instead)";
  return info.isDirectory() ? undefined : "it is a file where a folder of generated files goes";
}

/** Why `info` is not a file codebook may replace, if it is not. */
function fileProblem(info: Stats): string | undefined {
  if (info.isSymbolicLink())
    return "it is a symbolic link inside the output folder; codebook does not write or remove through links there (remove the link)";
  if (info.isDirectory()) return "it is a folder, not a file";
  return info.isFile() ? undefined : "it is not a regular file";
}

/**
 * Checks the path of `relative` below the real output folder one component at a time, with `lstat`: every
 * existing folder on the way must be a real folder (not a link), and the file, if it exists, a regular file.
 * @param folders the folders already found real in this pass, which are not checked again (and where the ones
 *   found now are added)
 * @param file whether the file itself is looked at: without it, only the folders on the way are (and `existing`
 *   is `undefined`)
 * @returns the target, or the first problem found (with the path it concerns).
 */
function walk(realOut: string, relative: string, folders?: Set<string>, file = true): WriteTarget | WriteError {
  const segments = relative.split("/");
  // A manifest is an input like any other (merged, edited by hand): `../x`, `/x` or `a//b` is no path codebook
  // writes, and must not lead a removal or the no-op proof out of the folder.
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".." || segment.includes(path.sep)))
    return new WriteError(path.join(realOut, relative), "it is not a path below the output folder");
  // `realOut` is a real, normal path and every segment a checked name: the paths are joined without normalising
  // (the no-op proof walks every file its manifests list).
  const base = realOut.endsWith(path.sep) ? realOut : `${realOut}${path.sep}`;
  const target = base + segments.join(path.sep);
  for (let end = target.indexOf(path.sep, base.length); end !== -1; end = target.indexOf(path.sep, end + 1)) {
    const current = target.slice(0, end);
    if (folders?.has(current)) continue;
    const info = lstatIfExists(current);
    if (info === undefined) return { target, existing: undefined };
    const problem = folderProblem(info);
    if (problem !== undefined) return new WriteError(current, problem);
    folders?.add(current);
  }
  if (!file) return { target, existing: undefined };
  const existing = lstatIfExists(target);
  const problem = existing === undefined ? undefined : fileProblem(existing);
  return problem === undefined ? { target, existing } : new WriteError(target, problem);
}

/**
 * The folder where temporary files of `relative`, a file the manifest lists, may have been left: its folder
 * below the real output folder, when that is reached through real folders only. A path that leaves the folder
 * (`../x`) or passes a link has none, so a sweep never reads or removes anything outside.
 * @param folders the folders found real so far in this pass
 */
export function sweepFolder(realOut: string, relative: string, folders?: Set<string>): string | undefined {
  let result: WriteTarget | WriteError;
  try {
    result = walk(realOut, relative, folders, false);
  } catch {
    return undefined;
  }
  return result instanceof WriteError ? undefined : path.dirname(result.target);
}

/**
 * Where a generated file goes below the real output folder (see {@link realFolder}); `relative` is a checked
 * emitter path (`locales/de.json`).
 * @param folders the folders found real so far by this run's checks of its targets (see `OutputSink`)
 * @throws {WriteError} when a folder on the way is a link or a file, or the file is a link, a folder, a FIFO.
 */
export async function outputTarget(realOut: string, relative: string, folders?: Set<string>): Promise<WriteTarget> {
  const result = walk(realOut, relative, folders);
  if (result instanceof WriteError) throw result;
  return result;
}

/**
 * The real path of a file the manifest lists, when codebook may read or remove it: inside the real output folder,
 * through real folders only, and a regular file. Anything else (a link on the way, a folder, a FIFO) is not a
 * file codebook wrote, and is left alone.
 * @param folders for a pass over many files at one moment (the no-op proof): the folders found real so far
 */
export async function ownedFile(realOut: string, relative: string, folders?: Set<string>): Promise<string | undefined> {
  return ownedTarget(realOut, relative, folders)?.target;
}

/**
 * {@link ownedFile}, synchronous, with the `lstat` of the file: for a reader that must tell that the file it opens
 * is the one checked here (the no-op proof).
 */
export function ownedTarget(realOut: string, relative: string, folders?: Set<string>): { target: string; existing: Stats } | undefined {
  let result: WriteTarget | WriteError | undefined;
  try {
    result = walk(realOut, relative, folders);
  } catch {
    result = undefined;
  }
  return result === undefined || result instanceof WriteError || result.existing === undefined
    ? undefined
    : { target: result.target, existing: result.existing };
}

/** Where a symbolic link finally points, or `undefined` when that does not exist. */
function realTarget(link: string): string | undefined {
  try {
    return realpathSync.native(link);
  } catch {
    return undefined;
  }
}

/**
 * Where a write to a file the user named (an injected Markdown file, a locale file) goes: through a symbolic link
 * to its target, so that the link stays a link and the file it points to gets the new contents.
 * @throws {WriteError} when the file is a dangling link or not a regular file.
 */
export async function linkedTarget(file: string): Promise<WriteTarget> {
  const info = lstatIfExists(file);
  if (info === undefined) return { target: file, existing: undefined };
  const target = info.isSymbolicLink() ? realTarget(file) : file;
  if (target === undefined) throw new WriteError(file, "it is a symbolic link to a file that does not exist");
  const existing = target === file ? info : statSync(target);
  if (!existing.isFile()) throw new WriteError(file, existing.isDirectory() ? "it is a folder, not a file" : "it is not a regular file");
  return { target, existing };
}
