import type { Diagnostic } from "../diagnostics/index.js";
import { type Origin, resolveExtends } from "../load/extends.js";
import type { RawRegistry } from "../load/raw-registry.js";
import { type DataPath, locate } from "../load/yaml-document.js";
import { loadMergedRegistry } from "./extends-chain.js";
import type { FieldTarget } from "./registry.js";

/** The registries the `code` fields of a registry map to, by field index, and the files read to find them. */
export interface FieldTargets {
  readonly targets: ReadonlyMap<number, FieldTarget>;
  /** Absolute paths of every target registry and the registries they extend. */
  readonly files: readonly string[];
  /** Targets that cannot be found or are invalid; their fields' values are then not checked. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Loads the registry each `code` field names (`registry:`, resolved as `extends` is, from the file that declares
 * the field): only its own data, merged with what it extends, is read; its locale files and its own fields'
 * targets are not, so two registries may map to each other. A target that cannot be loaded is reported at the
 * field's `registry` (when it cannot be found) or in its own file (when it is invalid).
 */
export async function loadFieldTargets(raw: RawRegistry, origin: (path: DataPath) => Origin, cwd: string): Promise<FieldTargets> {
  const targets = new Map<number, FieldTarget>();
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const fields = raw.fields ?? [];
  await Promise.all(
    fields.map(async (field, index) => {
      if (field.type !== "code" || field.registry === undefined) return;
      const { parsed, path } = origin(["fields", index, "registry"]);
      const resolved = await resolveExtends(field.registry, parsed.source.path);
      if (typeof resolved !== "string") {
        const message = resolved.problem.replace(/^cannot extend /, `field "${field.name}" cannot map to `);
        diagnostics.push({ file: parsed.source.file, ...locate(parsed, path), code: "field-registry", message });
        return;
      }
      const loaded = await loadMergedRegistry(resolved, cwd);
      if (!loaded.ok) {
        diagnostics.push(...loaded.diagnostics);
        return;
      }
      const target = loaded.merged;
      files.push(...target.files);
      targets.set(index, {
        id: target.raw.id,
        type: target.raw.type,
        file: target.parsed.source.file,
        codes: target.raw.codes.map((entry) => ({ code: entry.code, name: entry.name })),
      });
    }),
  );
  return { targets, files: [...new Set(files)], diagnostics };
}
