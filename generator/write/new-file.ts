import { type FileHandle, mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { toWriteError } from "./write-error.js";

/**
 * Creates a file that must not exist yet, with its folder: `false` (and nothing written) when it exists. The
 * check and the creation are one step (`O_EXCL`), so a file that appears meanwhile is never overwritten.
 * @throws {WriteError} when the file system refuses (a full disk leaves no half-written file behind).
 */
export async function writeNewFile(target: string, contents: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    handle = await open(target, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw toWriteError(target, error);
  }
  try {
    await handle.writeFile(contents, "utf8");
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(target, { force: true });
    throw toWriteError(target, error);
  }
  return true;
}
