import path from "node:path";
import { isFile } from "../load/checked-read.js";
import { resolveCwd } from "./defaults.js";

/** The names a config file may have, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ["codebook.config.json", "codebook.config.yaml", "codebook.config.yml"] as const;

/**
 * Finds the config file that applies in `cwd`: the first `codebook.config.json`, `.yaml` or `.yml` in `cwd` or
 * the nearest folder above it, up to the file-system root. Synchronous: this runs before every command, the no-op
 * fast path included (see write/input-hashes.ts).
 * @returns the absolute path, or `undefined` when there is none.
 * @example const file = await findConfigFile(process.cwd());
 */
export async function findConfigFile(cwd?: string): Promise<string | undefined> {
  for (let folder = resolveCwd(cwd); ; folder = path.dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(folder, name);
      if (isFile(candidate)) return candidate;
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}
