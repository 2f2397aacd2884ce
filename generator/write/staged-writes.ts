import { randomBytes } from "node:crypto";
import {
  close,
  closeSync,
  type Dirent,
  fchmod,
  fchown,
  fsync,
  fsyncSync,
  open,
  openSync,
  renameSync,
  type Stats,
  write as writeFs,
} from "node:fs";
import { mkdir, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { toWriteError } from "./write-error.js";
import { createWritePool, type WritePool } from "./write-pool.js";

/** One file to write: its real target and, when it exists, its state (mode and owner are kept). */
export interface FileWrite {
  readonly target: string;
  readonly existing: Stats | undefined;
  /** The new contents: text (written as UTF-8) or its bytes. */
  readonly contents: string | Uint8Array;
  /**
   * Whether the file is flushed to disk before its rename, and its folder after it (the default): `false` only
   * for a generated file in an output folder, which the next run can always tell from what it should hold and
   * rewrite (its bytes are hashed against the manifest), so that a power loss can cost a rewrite, never a file.
   * The manifest and every file the user owns (an injected file, a stamped locale file) are flushed.
   */
  readonly durable?: boolean;
}

/**
 * A generated file whose temporary file is already on disk (see `OutputSink`), not flushed (see
 * {@link FileWrite.durable}): only its rename is left.
 */
export interface StagedWrite {
  readonly target: string;
  readonly temporary: string;
}

/** One rename of a staged batch; `durable` when its folder is flushed once it is done (see {@link FileWrite.durable}). */
export interface StagedRename {
  readonly temporary: string;
  readonly target: string;
  readonly durable: boolean;
}

/** One file to remove, and the folder below which the folders it leaves empty are removed too. */
export interface FileRemoval {
  readonly target: string;
  readonly folder: string;
}

/** Temporary files codebook may sweep in one folder: those of the files named here. */
export interface TemporarySweep {
  readonly folder: string;
  readonly names: ReadonlySet<string>;
}

/** What a run changes on disk, in the order it is committed. */
export interface WriteBatch {
  readonly writes: readonly (FileWrite | StagedWrite)[];
  /** Applied after the writes of the same step. */
  readonly removals: readonly FileRemoval[];
}

/**
 * Runs the part of a run that changes files, from its first temporary file to its last rename, and returns what
 * `work` returns. A process stopped inside it leaves temporary files and, mid-rename, a mix of old and new files,
 * so the CLI catches SIGINT and SIGTERM only around it: anywhere else a signal ends the process at once, which is
 * safe because nothing on disk has changed yet (or everything has).
 */
export type WritingSection = <T>(work: () => Promise<T>) => Promise<T>;

/** How a batch of writes is stopped and guarded: see {@link stageBatch} and {@link WritingSection}. */
export interface WriteControl {
  /** Stops the batch before its renames (its temporary files are removed), or fails it once they are done. */
  readonly signal?: AbortSignal | undefined;
  /** Wraps staging and renaming; by default they simply run. */
  readonly whileWriting?: WritingSection | undefined;
}

/** A batch whose new contents are all in temporary files (the durable ones flushed), ready to be renamed into place. */
export interface StagedBatch {
  readonly steps: readonly {
    readonly renames: readonly StagedRename[];
    readonly removals: readonly FileRemoval[];
  }[];
  /** Folders created for the temporary files (removed again when the batch is abandoned). */
  readonly createdFolders: readonly string[];
}

/** The marker in a temporary file's name: `.close-codes.ts.codebook-4242-0123456789ab.tmp` (process 4242). */
const TEMPORARY_FILE = /^\.(.+)\.codebook-(\d+)-[0-9a-f]{12}\.tmp$/;

/** 2⁴⁸: the twelve hex digits of a temporary file's name. */
const TEMPORARY_NUMBERS = 2 ** 48;
/** Where this process's temporary-file numbers start (random), and how many it has used. */
const temporaryNumbers = { first: randomBytes(6).readUIntBE(0, 6), used: 0 };
/**
 * This process's id, read once: `process.pid` asks the system at every read, and a run names a temporary file for
 * every file it writes.
 */
const processId = process.pid;

/**
 * The temporary file a write to `target` goes through, named after the target and this process: its twelve hex
 * digits count on from a random start, so that no two of a run are alike (and a name that is taken anyway is
 * never written through: see {@link writeTemporary}).
 */
export function temporaryFor(target: string): string {
  const number = (temporaryNumbers.first + temporaryNumbers.used++) % TEMPORARY_NUMBERS;
  return path.join(path.dirname(target), `.${path.basename(target)}.codebook-${processId}-${number.toString(16).padStart(12, "0")}.tmp`);
}

/**
 * Writes one temporary file with the mode (and, when allowed, the owner) of the file it replaces, flushed to
 * disk when the write is durable (see {@link FileWrite.durable}). The file must not exist yet (`O_EXCL`): a name
 * that is taken is never written through. Each call runs on the thread pool, where creating a file can wait on
 * the file system's journal while the main thread renders on; the calls are chained by callbacks, one promise
 * per file, which costs the main thread less than a `FileHandle` and a promise per call.
 */
export function writeTemporary(temporary: string, write: FileWrite): Promise<void> {
  const bytes = typeof write.contents === "string" ? Buffer.from(write.contents, "utf8") : write.contents;
  const { existing } = write;
  const owner = existing !== undefined && process.getuid?.() === 0 ? existing : undefined;
  return new Promise<void>((resolve, reject) => {
    open(temporary, "wx", 0o666, (opened, fd) => {
      if (opened !== null) {
        reject(opened);
        return;
      }
      const finish = (failed: NodeJS.ErrnoException | null): void => {
        close(fd, (closed) => {
          const error = failed ?? closed;
          if (error === null) resolve();
          else reject(error);
        });
      };
      const then = (failed: NodeJS.ErrnoException | null, next: () => void): void => {
        if (failed === null) next();
        else finish(failed);
      };
      const flush = (): void => {
        if (write.durable === false) finish(null);
        else fsync(fd, finish);
      };
      const keepOwner = (): void => {
        if (owner === undefined) flush();
        else fchown(fd, owner.uid, owner.gid, (failed) => then(failed, flush));
      };
      const keepMode = (): void => {
        if (existing === undefined) keepOwner();
        else fchmod(fd, existing.mode & 0o7777, (failed) => then(failed, keepOwner));
      };
      // One `write` call, unless the system writes less at a time.
      const writeFrom = (done: number): void => {
        if (done >= bytes.length) keepMode();
        else writeFs(fd, bytes, done, bytes.length - done, done, (failed, written) => then(failed, () => writeFrom(done + written)));
      };
      writeFrom(0);
    });
  });
}

/** Adds the write of `temporary` to `pool` (see {@link writeTemporary}), a failure naming the file it is for. */
export function addTemporaryWrite(pool: WritePool, temporary: string, write: FileWrite): Promise<void> {
  const size = typeof write.contents === "string" ? write.contents.length : write.contents.byteLength;
  return pool.add(
    () => writeTemporary(temporary, write).catch((error: unknown) => Promise.reject(toWriteError(write.target, error))),
    size,
  );
}

/** The errors of a folder that cannot be opened or flushed as a file (Windows, some file systems): nothing to do. */
const UNFLUSHABLE_FOLDER = new Set(["EISDIR", "EINVAL", "EPERM", "EACCES", "EBADF", "ENOTSUP", "EOPNOTSUPP"]);

/**
 * Flushes a folder's entries to disk, so that a rename in it survives a power loss; where the system cannot
 * flush a folder, it does nothing.
 * @throws the error of a flush that failed (a disk error).
 */
function flushFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, "r");
  } catch (error) {
    if (UNFLUSHABLE_FOLDER.has((error as NodeJS.ErrnoException).code ?? "")) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!UNFLUSHABLE_FOLDER.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    closeSync(fd);
  }
}

/** Removes what {@link stageBatch} made: the temporary files, and the folders it created (deepest first). */
export async function abandonBatch(staged: StagedBatch): Promise<void> {
  for (const step of staged.steps) for (const { temporary } of step.renames) await rm(temporary, { force: true });
  for (const folder of [...staged.createdFolders].reverse()) await rmdir(folder).catch(() => undefined);
}

/**
 * Creates `folder` with its parents when they are missing, recording in `created` the folders it made (outermost
 * first), so that an abandoned batch removes them again.
 */
export async function makeFolder(folder: string, created: string[]): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first !== undefined) created.push(...foldersBetween(first, folder));
}

/**
 * Writes the new contents of every file of every step to temporary files beside their targets (flushed to disk
 * when durable: see {@link FileWrite.durable}), without touching any target; a write already staged (see
 * {@link StagedWrite}) only joins the renames. The files are written a few at a time (see `WritePool`), their
 * folders made first, one by one. A full disk, a read-only file system or a missing permission shows up here, and
 * then every temporary file (and folder) made so far is removed again, once no write is running: the run has
 * changed nothing.
 * @throws {WriteError} naming the file that could not be written; the signal's reason when it aborts.
 */
export async function stageBatch(steps: readonly WriteBatch[], signal?: AbortSignal): Promise<StagedBatch> {
  const createdFolders: string[] = [];
  const staged: { renames: StagedRename[]; removals: readonly FileRemoval[] }[] = [];
  const batch: StagedBatch = { steps: staged, createdFolders };
  const pool = createWritePool();
  const folders = new Set<string>();
  try {
    for (const step of steps) {
      const renames: StagedRename[] = [];
      staged.push({ renames, removals: step.removals });
      for (const write of step.writes) {
        signal?.throwIfAborted();
        if ("temporary" in write) {
          renames.push({ temporary: write.temporary, target: write.target, durable: false });
          continue;
        }
        const temporary = temporaryFor(write.target);
        try {
          const folder = path.dirname(write.target);
          if (!folders.has(folder)) await makeFolder(folder, createdFolders);
          folders.add(folder);
        } catch (error) {
          throw toWriteError(write.target, error);
        }
        renames.push({ temporary, target: write.target, durable: write.durable !== false });
        await addTemporaryWrite(pool, temporary, write);
      }
    }
    await pool.drain();
    signal?.throwIfAborted();
  } catch (error) {
    await pool.settle();
    await abandonBatch(batch);
    throw error;
  }
  return batch;
}

/** `first` and every folder below it down to `last`, outermost first: what `mkdir -p` created. */
function foldersBetween(first: string, last: string): string[] {
  const folders = [last];
  for (let folder = last; folder !== first && path.dirname(folder) !== folder; ) {
    folder = path.dirname(folder);
    folders.unshift(folder);
  }
  return folders;
}

/** Removes folders left empty by removing `file`, up to (not including) `folder`. */
async function removeEmptyParents(folder: string, file: string): Promise<void> {
  for (
    let current = path.dirname(file);
    current !== folder && current.startsWith(`${folder}${path.sep}`);
    current = path.dirname(current)
  ) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}

/**
 * Renames every staged file over its target (a reader, or a crash, sees the old file or the new one, never half
 * of one), step by step, removing each step's removals after its writes; the folder of each durable write (see
 * {@link FileWrite.durable}) is flushed once its step's renames are done, so that the rename is on disk too.
 * @throws {WriteError} when a rename or removal fails; the temporary files not yet renamed are removed.
 */
export async function commitBatch(staged: StagedBatch): Promise<void> {
  let current = "";
  try {
    for (const step of staged.steps) {
      const flushed = new Map<string, string>();
      for (const { temporary, target, durable } of step.renames) {
        current = target;
        renameSync(temporary, target);
        if (durable && !flushed.has(path.dirname(target))) flushed.set(path.dirname(target), target);
      }
      for (const [folder, target] of flushed) {
        current = target;
        flushFolder(folder);
      }
      for (const removal of step.removals) {
        current = removal.target;
        await rm(removal.target);
        await removeEmptyParents(removal.folder, removal.target);
      }
    }
  } catch (error) {
    await abandonBatch(staged);
    throw toWriteError(current, error);
  }
}

/**
 * Stages and commits a batch inside `control.whileWriting` (see {@link stageBatch} and {@link commitBatch}).
 * A signal that aborts during the renames is honoured once they are done: the batch then throws its reason.
 * @throws {WriteError} naming the file that could not be written; the signal's reason when it aborts.
 */
export async function writeBatch(steps: readonly WriteBatch[], control: WriteControl = {}): Promise<void> {
  const { signal, whileWriting = (work) => work() } = control;
  await whileWriting(async () => {
    await commitBatch(await stageBatch(steps, signal));
    signal?.throwIfAborted();
  });
}

/**
 * Whether the process `pid` still runs (on this machine): signal 0 tests for it without sending anything. This
 * process runs, without asking: a sweep after staging lists this run's own temporary files, one per file it writes.
 */
function isRunning(pid: number): boolean {
  if (pid === processId) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files a killed run of codebook left in `sweep.folder`: only regular files named as
 * {@link stageBatch} names them (with the `codebook-<pid>` marker), of a file codebook owns there
 * (`sweep.names`), whose process is gone. A running process's files, and every other file, are kept.
 */
export async function removeStaleTemporaryFiles(sweep: TemporarySweep): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(sweep.folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = TEMPORARY_FILE.exec(entry.name);
    // The listing's own file type is what lstat would say (a link is a link): no call per file.
    if (match === null || !entry.isFile() || !sweep.names.has(match[1]!) || isRunning(Number(match[2]))) continue;
    await rm(path.join(sweep.folder, entry.name), { force: true });
  }
}
