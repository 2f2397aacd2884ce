import path from "node:path";
import type { Result, SourceLocation } from "../diagnostics/index.js";
import {
  extendRegistry,
  type MergedRegistry,
  mergeProblem,
  type RawRegistryFile,
  resolveExtends,
  singleRegistry,
} from "../load/extends.js";
import { readRegistryFile } from "../load/load-registry.js";
import { type DataPath, locate } from "../load/yaml-document.js";
import { validateAgainstSchema } from "../validate/schema.js";
import { Reporter } from "./build-model.js";

/**
 * Reads, parses and schema-checks a registry file and, through `extends`, every registry it builds on, and merges
 * them (see `extendRegistry`). Problems in a base are reported in the base's file; a cycle, an unresolvable
 * `extends` or a changed fixed key in the extending file. Duplicate codes and names across the two are found by the
 * model's checks, reported at the later definition.
 */
export async function loadMergedRegistry(
  file: string,
  cwd: string,
  chain: readonly string[] = [],
): Promise<Result<{ readonly merged: MergedRegistry }>> {
  const read = await readRegistryFile(file, cwd);
  if (!read.ok) return read;
  const { parsed } = read;
  const schemaDiagnostics = await validateAgainstSchema(parsed, "registry");
  if (schemaDiagnostics.length > 0) return { ok: false, diagnostics: schemaDiagnostics };
  const data = parsed.data as RawRegistryFile;
  if (data.extends === undefined) return { ok: true, merged: singleRegistry(parsed) };
  const basePath = await resolveExtends(data.extends, parsed.source.path);
  if (typeof basePath !== "string") return mergeProblem(parsed, ["extends"], "extends", basePath.problem);
  const cycle = [...chain, parsed.source.path];
  if (cycle.includes(basePath)) {
    const names = [...cycle.slice(cycle.indexOf(basePath)), basePath].map((item) => path.basename(item));
    return mergeProblem(parsed, ["extends"], "extends-cycle", `registries extend each other in a cycle: ${names.join(" → ")}`);
  }
  const base = await loadMergedRegistry(basePath, cwd, cycle);
  if (!base.ok) return base;
  return extendRegistry(data, parsed, base.merged);
}

/** A reporter for a merged registry: each problem, and each place it points at, in the file and at the node it comes from. */
export class MergedReporter extends Reporter {
  constructor(private readonly merged: MergedRegistry) {
    super(merged.parsed);
  }

  protected override locate(where: DataPath, target: "value" | "key"): SourceLocation {
    const { parsed, path: local } = this.merged.origin(where);
    return { file: parsed.source.file, ...locate(parsed, local, target) };
  }
}
