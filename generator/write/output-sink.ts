import { rm, rmdir } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/types.js";
import type { SettledFile } from "./folder-sources.js";
import { type ReadManifest, readManifest } from "./manifest.js";
import { resolveOutputPath } from "./output-path.js";
import { planFile, recordedHash } from "./planned-file.js";
import { realFolder } from "./real-target.js";
import { addTemporaryWrite, type FileWrite, makeFolder, temporaryFor, type WriteControl } from "./staged-writes.js";
import { toWriteError } from "./write-error.js";
import { createWritePool } from "./write-pool.js";

/**
 * Where rendered files go as each target renders, so that a run holds one target's files at a time, not all of
 * them: each file is compared with disk and hashed at once and, for `generate`, written to its temporary file
 * (not flushed: a generated file is not durable, see `FileWrite.durable`), after which its text can go. Nothing replaces a target here: the renames
 * wait for {@link OutputSink.commit}, once every registry rendered and every check passed; a run that fails
 * instead calls {@link OutputSink.abandon}, which removes every temporary file and folder the sink made.
 */
export interface OutputSink {
  /**
   * Compares (and stages) the files one target rendered into `outDir`.
   * @throws {WriteError} when a file cannot be written where it goes, or its temporary file cannot be written
   * (then the caller abandons the sink); the signal's reason when it aborts.
   */
  settle(outDir: string, files: readonly GeneratedFile[]): Promise<SettledFile[]>;
  /**
   * Runs `work` (the renames) inside the write section staging began, or, when nothing was staged, inside a new
   * one, once every staged file is written; the section ends with it.
   */
  commit<T>(work: () => Promise<T>): Promise<T>;
  /** Removes every temporary file and folder the sink made, once no write runs, and ends its write section. */
  abandon(): Promise<void>;
}

/** What the sink knows of an output folder: where it really is, and its manifest before the run. */
interface SinkFolder {
  readonly realOut: string;
  readonly previous: ReadManifest | undefined;
  /**
   * The folders below it that this run's checks found real (not links), each checked once per run instead of once
   * per file in it. Such a check stays valid for the run: nothing is renamed into place before every file of the run
   * was checked, so a folder another process swaps for a link after its check would go unseen by a check of each
   * file as well.
   */
  readonly real: Set<string>;
}

/** A write section begun by the first staged file and ended by {@link OutputSink.commit} or `abandon`. */
interface OpenSection {
  readonly end: () => void;
  readonly ended: Promise<unknown>;
}

/**
 * A sink that compares each file with disk (`check`) or also stages its write (`generate`, `stage: true`).
 * Staging runs inside `control.whileWriting`, from the first temporary file to the last rename (or the last file
 * removed), so that a signal meanwhile stops the run at a point where it can clean up.
 */
export function createOutputSink(options: { readonly stage: boolean; readonly control?: WriteControl }): OutputSink {
  const { signal, whileWriting = (work) => work() }: WriteControl = options.control ?? {};
  const folders = new Map<string, Promise<SinkFolder>>();
  const pool = createWritePool();
  const temporaries: string[] = [];
  const createdFolders: string[] = [];
  const madeFolders = new Set<string>();
  let section: OpenSection | undefined;
  let abandoned = false;

  const folderOf = (outDir: string): Promise<SinkFolder> => {
    const known =
      folders.get(outDir) ?? realFolder(outDir).then((realOut) => ({ realOut, previous: readManifest(realOut), real: new Set<string>() }));
    folders.set(outDir, known);
    return known;
  };
  const openSection = (): void => {
    if (section !== undefined) return;
    let end: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (end = resolve));
    const ended = whileWriting(() => open);
    ended.catch(() => undefined);
    section = { end, ended };
  };
  const closeSection = async (): Promise<void> => {
    const open = section;
    section = undefined;
    open?.end();
    await open?.ended;
  };
  const stage = async (write: FileWrite): Promise<string> => {
    const { target } = write;
    openSection();
    const temporary = temporaryFor(target);
    const folder = path.dirname(target);
    try {
      if (!madeFolders.has(folder)) await makeFolder(folder, createdFolders);
      madeFolders.add(folder);
    } catch (error) {
      throw toWriteError(target, error);
    }
    temporaries.push(temporary);
    await addTemporaryWrite(pool, temporary, write);
    return temporary;
  };

  return {
    async settle(outDir, files) {
      if (abandoned) throw new Error("the output sink was abandoned");
      const { realOut, previous, real } = await folderOf(outDir);
      const settled: SettledFile[] = [];
      for (const file of files) {
        signal?.throwIfAborted();
        resolveOutputPath(outDir, file);
        const { planned, hash } = await planFile(realOut, file.path, file.contents, recordedHash(previous, file.path), false, real);
        const write = planned.write;
        if (write === undefined || !("contents" in write)) settled.push({ path: file.path, hash, planned });
        // `check` only compares: the bytes go with the text.
        else if (!options.stage) settled.push({ path: file.path, hash, planned: { ...planned, write: undefined } });
        else {
          const temporary = await stage(write);
          settled.push({ path: file.path, hash, planned: { ...planned, write: { target: write.target, temporary } } });
        }
      }
      return settled;
    },
    async commit(work) {
      if (section === undefined) return whileWriting(work);
      try {
        await pool.drain();
        return await work();
      } finally {
        await closeSection();
      }
    },
    async abandon() {
      abandoned = true;
      await pool.settle();
      for (const temporary of temporaries) await rm(temporary, { force: true });
      for (const folder of [...createdFolders].reverse()) await rmdir(folder).catch(() => undefined);
      await closeSection();
    },
  };
}
