import path from "node:path";
import { TARGET_NAMES } from "../emit/targets.js";
import type { EmitForm, ModuleFormat, TargetName } from "../emit/types.js";
import { defaultRegistryPath } from "../load/package-root.js";

/**
 * Every option default of codebook: the public API, the CLI and config entries all resolve their options here, and
 * nowhere else. It sits in config/, not run/, because a config entry without `outDir` is resolved (and checked
 * against the other entries) as the config is read, and config/ comes before run/ in the layer order.
 */
export const DEFAULTS = {
  /** The embedded WebSocket close-code registry. */
  registries: [defaultRegistryPath] as readonly string[],
  /** The registry of the single-registry functions (`translationReport`, `stampTranslations`): the same one. */
  registry: defaultRegistryPath,
  /** Relative to the working folder, or to the config file's folder for a config entry. */
  outDir: "generated",
  enums: true,
  targets: TARGET_NAMES as readonly TargetName[],
  module: "esm" as ModuleFormat,
  emit: "ts" as EmitForm,
  codeMap: true,
  config: false as string | boolean,
  force: false,
  /** How long a watch waits after a change for more changes before regenerating. */
  debounceMs: 100,
} as const;

/** The defaults of `codebook init`, which starts a project rather than generating one. */
export const INIT_DEFAULTS = {
  registry: "app-errors.yaml",
  outDir: "src/generated",
  targets: ["ts", "md"] as readonly TargetName[],
} as const;

/** The working folder an option names, absolute: the process's own when none is given. */
export function resolveCwd(cwd: string | undefined): string {
  return path.resolve(cwd ?? process.cwd());
}

/** The options that shape the emitted files, with their defaults. */
export interface EmitChoices {
  readonly enums: boolean;
  readonly targets: readonly TargetName[];
  readonly module: ModuleFormat;
  readonly emit: EmitForm;
  readonly codeMap: boolean;
}

/** The options that shape the emitted files, each one given or defaulted. */
export function resolveEmitChoices(options: Partial<EmitChoices>): EmitChoices {
  return {
    enums: options.enums ?? DEFAULTS.enums,
    targets: options.targets ?? DEFAULTS.targets,
    module: options.module ?? DEFAULTS.module,
    emit: options.emit ?? DEFAULTS.emit,
    codeMap: options.codeMap ?? DEFAULTS.codeMap,
  };
}
