import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The folder of codebook's own package.json, found from this module's location, so that the same code
 * finds `schema/` whether it runs from source (`generator/`) or from the build (`dist/generator/`). The location is
 * `import.meta.filename`, a path, not the URL that `fileURLToPath` would turn back into one: a bundle defines it as
 * its own `__filename` (scripts/bundle-cli.mjs), so that the no-op path neither loads node:url nor builds a URL.
 */
export const packageRoot: string = findPackageRoot(path.dirname(import.meta.filename));

function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, "package.json")) && existsSync(path.join(folder, "schema"))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`codebook: cannot find its package root above ${start}`);
  }
}

/** The embedded default registry: the WebSocket close codes. */
export const defaultRegistryPath: string = path.join(packageRoot, "schema", "close-codes.yaml");

let version: string | undefined;

/** codebook's own version, from its package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** The folder codebook's code runs from: `generator/` from source, `dist/generator/` once built (this module is in its `load/`). */
export const codeRoot: string = path.dirname(path.dirname(import.meta.filename));
