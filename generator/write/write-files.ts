import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/header.js";
import type { FileCheck } from "./output-folder.js";

/** What happened to each generated file. */
export interface WriteReport {
  /** Absolute paths of files created or changed. */
  readonly written: readonly string[];
  /** Absolute paths of files whose contents were already current (not touched, so their mtime stays). */
  readonly unchanged: readonly string[];
}

/**
 * Where a generated file goes. Emitters give plain relative paths (`close-codes.ts`, `locales/de.json`): any
 * other path (absolute, with a drive letter, a backslash, a NUL, or an empty, `.` or `..` segment) is refused,
 * and so is any path that would still resolve outside the output folder.
 */
export function resolveOutputPath(outDir: string, file: GeneratedFile): string {
  const target = path.resolve(outDir, file.path);
  const inside = path.relative(outDir, target);
  const plain =
    !/[\\\0]|^[A-Za-z]:/.test(file.path) &&
    !path.isAbsolute(file.path) &&
    file.path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (!plain || inside === "" || inside.split(path.sep)[0] === ".." || path.isAbsolute(inside)) {
    throw new Error(`refusing to write ${JSON.stringify(file.path)}: it is not inside the output folder ${outDir}`);
  }
  return target;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** `.close-codes.ts.4242-0123456789ab.tmp`: a temporary file of process 4242. */
const TEMPORARY_FILE = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Writes a file atomically: the contents go to a temporary file in the same folder, flushed to disk, which is
 * then renamed over the target, so a reader (or a crash) sees either the old file or the new one, never half
 * of one. The temporary file is named after the target and this process (see {@link removeStaleTemporaryFiles}).
 */
export async function writeAtomic(target: string, contents: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const suffix = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(contents, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Whether the process `pid` still runs (on this machine): signal 0 tests for it without sending anything. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files that a killed run left in `folder`: those named as {@link writeAtomic} names them
 * whose process is gone. A run that is still writing keeps its own.
 */
export async function removeStaleTemporaryFiles(folder: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = TEMPORARY_FILE.exec(entry)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(path.join(folder, entry), { force: true });
  }
}

/** Writes the files whose contents differ from what is on disk; leaves the others untouched. */
export async function writeFiles(outDir: string, files: readonly GeneratedFile[]): Promise<WriteReport> {
  const targets = files.map((file) => ({ file, target: resolveOutputPath(outDir, file) }));
  for (const folder of new Set(targets.map(({ target }) => path.dirname(target)))) await removeStaleTemporaryFiles(folder);
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const { file, target } of targets) {
    if ((await readIfExists(target)) === file.contents) {
      unchanged.push(target);
    } else {
      await writeAtomic(target, file.contents);
      written.push(target);
    }
  }
  return { written, unchanged };
}


/** Compares the files that would be generated with those on disk, without writing anything. */
export async function compareFiles(outDir: string, files: readonly GeneratedFile[]): Promise<FileCheck[]> {
  return Promise.all(
    files.map(async (file) => {
      const target = resolveOutputPath(outDir, file);
      const existing = await readIfExists(target);
      const state: FileCheck["state"] = existing === undefined ? "missing" : existing === file.contents ? "current" : "stale";
      return { path: target, state };
    }),
  );
}
