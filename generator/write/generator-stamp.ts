import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { codeRoot, packageRoot, packageVersion } from "../load/package-root.js";

/** How the manifest names the generator: `codebook <version>`. */
export function generatorId(): string {
  return `codebook ${packageVersion()}`;
}

/**
 * The file `npm run build` writes last into the built code's folder (scripts/stamp-build.mjs): its
 * modification time is that of the newest file of the build, so that one `stat` stands for walking the whole build.
 */
export const BUILD_STAMP_FILE = "build-stamp.txt";

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
 * The newest modification time of codebook's own code: the build stamp's, unless there is none (codebook runs
 * from source) or this very module is newer than it (the code was compiled again without `npm run build`, so the
 * stamp no longer stands for it); then every file's.
 */
function newestCodeTime(): number {
  const stamp = statSync(path.join(codeRoot, BUILD_STAMP_FILE), { throwIfNoEntry: false });
  if (stamp !== undefined && stamp.mtimeMs >= statSync(import.meta.filename).mtimeMs) return stamp.mtimeMs;
  return newestIn(codeRoot);
}

/**
 * The newest modification time among codebook's own code, schemas and templates. An installed codebook's files
 * carry the fixed timestamp npm gives packed files; a development build of codebook is newer than the output it
 * generated before, which tells the no-op fast path that the generator itself may have changed under the same
 * version. Synchronous: a few dozen `stat` calls are faster without the thread pool's round trips.
 */
export function newestGeneratorFileTime(): number {
  return Math.max(newestCodeTime(), ...[path.join(packageRoot, "schema"), path.join(packageRoot, "templates")].map(newestIn));
}
