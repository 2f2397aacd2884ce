import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The version of the package that holds `file`: the `version` of the nearest `package.json` in its folder or the
 * folders above, up to `top` (a repository's top level). `undefined` when none declares one.
 */
export async function packageVersionOf(file: string, top: string): Promise<string | undefined> {
  for (let folder = path.dirname(path.resolve(file)); ; folder = path.dirname(folder)) {
    const manifest = await readFile(path.join(folder, "package.json"), "utf8").catch(() => undefined);
    if (manifest !== undefined) {
      try {
        const version: unknown = (JSON.parse(manifest) as { version?: unknown }).version;
        return typeof version === "string" ? version : undefined;
      } catch {
        return undefined;
      }
    }
    if (path.resolve(folder) === path.resolve(top) || path.dirname(folder) === folder) return undefined;
  }
}
