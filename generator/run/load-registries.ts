import path from "node:path";
import { type Diagnostic, failure, type Result } from "../diagnostics/index.js";
import { loadTargetChecks } from "../emit/targets.js";
import type { Registry } from "../model/registry.js";
import { localeFileStem } from "../write/input-hashes.js";
import type { ResolvedOptions } from "./options.js";

/** Every registry of a run, every file read loading them, and each registry's chain of bases. */
export interface LoadedRegistries {
  readonly registries: Registry[];
  readonly files: string[];
  readonly chains: Map<string, string[]>;
}

/** Loads every registry of a run; when any is invalid, the problems of all of them. */
export async function loadAll(options: ResolvedOptions): Promise<Result<LoadedRegistries>> {
  const { tryLoadRegistry } = await import("../model/load-model.js");
  const checks = await loadTargetChecks(options.targets);
  const results = await Promise.all(options.registries.map((file) => tryLoadRegistry(file, { cwd: options.cwd, checks })));
  const files = results.flatMap((result) => (result.ok ? result.files : []));
  const diagnostics: Diagnostic[] = results.flatMap((result) => (result.ok ? [] : result.diagnostics));
  const registries = results.flatMap((result) => (result.ok ? [result.registry] : []));
  const chains = new Map(
    results.flatMap((result) => (result.ok ? [[result.registry.sourcePath, registryChain(result.files)] as const] : [])),
  );
  const byId = new Map<string, Registry>();
  for (const registry of registries) {
    const other = byId.get(registry.id);
    if (other !== undefined) {
      diagnostics.push({
        file: path.relative(options.cwd, registry.sourcePath).split(path.sep).join("/"),
        line: 1,
        column: 1,
        code: "duplicate-id",
        message: `registry id "${registry.id}" is also used by ${path.relative(options.cwd, other.sourcePath)}; both would write the same files`,
      });
    }
    byId.set(registry.id, registry);
  }
  if (diagnostics.length > 0) return failure(diagnostics);
  return { ok: true, registries, files, chains };
}

/** The registry and the registries it extends, out of every file loading it read (the locale files left out). */
function registryChain(files: readonly string[]): string[] {
  const read = new Set(files);
  return files.filter((file) => {
    const stem = localeFileStem(file);
    return stem === undefined || !(read.has(`${stem}.yaml`) || read.has(`${stem}.yml`));
  });
}
