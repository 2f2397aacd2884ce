import { mkdir, open } from "node:fs/promises";
import path from "node:path";

/**
 * Creates a file that must not exist yet, with its folder: `false` (and nothing written) when it exists. The
 * check and the creation are one step (`O_EXCL`), so a file that appears meanwhile is never overwritten.
 */
export async function writeNewFile(target: string, contents: string): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  let handle;
  try {
    handle = await open(target, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(contents, "utf8");
  } finally {
    await handle.close();
  }
  return true;
}
