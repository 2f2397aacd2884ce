import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { codeRoot, packageRoot, packageVersion } from "../load/package-root.js";

/** How the manifest names the generator: `codebook <version>`. */
export function generatorId(): string {
  return `codebook ${packageVersion()}`;
}

function newestIn(folder: string): number {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The newest modification time among codebook's own code, schemas and templates. An installed codebook's files
 * carry the fixed timestamp npm gives packed files; a development build of codebook is newer than the output it
 * generated before, which tells the no-op fast path that the generator itself may have changed under the same
 * version. Synchronous: a few dozen `stat` calls are faster without the thread pool's round trips.
 */
export function newestGeneratorFileTime(): number {
  return Math.max(...[codeRoot, path.join(packageRoot, "schema"), path.join(packageRoot, "templates")].map(newestIn));
}
