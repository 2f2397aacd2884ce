import { createRequire } from "node:module";

/** The `yaml` package once required. */
let yaml: typeof import("yaml") | undefined;

/**
 * The `yaml` package, required on first use. Only the careful parse (a document the fast path leaves alone) and
 * locating a diagnostic build a `yaml` document: a run whose inputs have no problem reads them all with js-yaml
 * (yaml-fast-data.ts), and loading yaml's 73 modules on every run cost a full generate of the default registry
 * about 4 % of its instructions. `require` loads it synchronously, where the parse that needs it is; the types come
 * from `import type`.
 */
export function yamlPackage(): typeof import("yaml") {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yaml;
}
