import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { codeRoot, packageRoot, packageVersion } from "../package-root.js";

/** How the manifest names the generator: `codebook <version>`. */
export function generatorId(): string {
  return `codebook ${packageVersion()}`;
}

async function newestIn(folder: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  const times = await Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

/**
 * The newest modification time among codebook's own code, schemas and templates. An installed codebook's files
 * carry the fixed timestamp npm gives packed files; a development build of codebook is newer than the output it
 * generated before, which tells the no-op fast path that the generator itself may have changed under the same
 * version.
 */
export async function newestGeneratorFileTime(): Promise<number> {
  const times = await Promise.all([codeRoot, path.join(packageRoot, "schema"), path.join(packageRoot, "templates")].map(newestIn));
  return Math.max(...times);
}
