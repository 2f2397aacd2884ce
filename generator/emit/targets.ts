import type { RegistryCheck } from "../model/build-model.js";
import type { Registry } from "../model/registry.js";
import type { EmitContext, GeneratedFile } from "./header.js";
import type { EmitForm, ModuleFormat } from "./types.js";

export type { EmitForm, ModuleFormat } from "./types.js";
import type { MarkdownTemplates } from "../load/templates/template-set.js";

/** Options every emitter may read; all defaults are resolved by the pipeline. */
export interface EmitOptions {
  /** Emit a TypeScript `enum` (off: an erasable as-const object and type). */
  readonly enums: boolean;
  /** The Markdown page templates and page texts, loaded by the pipeline. */
  readonly templates: MarkdownTemplates;
  /** The module format of emitted JavaScript (`emit: "js"`). */
  readonly module: ModuleFormat;
  /** `ts`: TypeScript modules. `js`: JavaScript modules with their `.d.ts`. */
  readonly emit: EmitForm;
}

/** One kind of output. Emitters are pure: the same model and options give the same files. */
export interface Target {
  readonly name: TargetName;
  /** A one-line summary for `--help` and the docs. */
  readonly summary: string;
  readonly emit: (registry: Registry, context: EmitContext, options: EmitOptions) => readonly GeneratedFile[];
  /**
   * Refuses what the model allows but this target cannot emit, located in the registry's files: run with the
   * model's own checks when a registry is loaded for the target (graphql-codegen's plugin `validate` is the model).
   */
  readonly check?: RegistryCheck;
}

/** The targets' checks, loaded apart from their emitters: validating a registry never loads ts-morph. */
const CHECK_LOADERS: Partial<Record<string, () => Promise<RegistryCheck>>> = {
  ts: async () => (await import("./ts/check-names.js")).checkModuleBindings,
};

/** The targets, loaded on demand so that a run that emits nothing never loads ts-morph. */
const TARGET_LOADERS = {
  ts: async (): Promise<Target> => {
    const { emitTypeScriptModule } = await import("./ts/module.js");
    const { transpileModule } = await import("./ts/javascript.js");
    return {
      name: "ts",
      check: await CHECK_LOADERS.ts!(),
      summary: "<id>.ts: enum, as-const object, unions, guards, lookups, describe",
      emit: (registry, context, options) => {
        const module = emitTypeScriptModule(registry, context, { enums: options.enums });
        return options.emit === "js" ? transpileModule(module, options.module) : [module];
      },
    };
  },
  json: async (): Promise<Target> => {
    const { emitRegistryJson } = await import("./json/registry-json.js");
    return { name: "json", summary: "<id>.json: the resolved registry as data", emit: (registry, context) => [emitRegistryJson(registry, context)] };
  },
  md: async (): Promise<Target> => {
    const { emitMarkdownPages } = await import("./markdown/page.js");
    return {
      name: "md",
      summary: "<id>.md and <id>.<locale>.md: ranges and codes tables, one page per locale, from templates",
      emit: (registry, context, options) => emitMarkdownPages(registry, context, options.templates),
    };
  },
  i18next: async (): Promise<Target> => {
    const { emitI18nextCatalogs } = await import("./i18n/i18next-catalog.js");
    return { name: "i18next", summary: "i18next/<locale>/<id>.json: i18next resources, namespace <id>", emit: (registry) => emitI18nextCatalogs(registry) };
  },
  formatjs: async (): Promise<Target> => {
    const { emitFormatjsCatalogs } = await import("./i18n/formatjs-catalog.js");
    return { name: "formatjs", summary: "formatjs/<locale>/<id>.json: FormatJS messages { defaultMessage, description }", emit: (registry) => emitFormatjsCatalogs(registry) };
  },
  gettext: async (): Promise<Target> => {
    const { emitGettextCatalogs } = await import("./i18n/gettext-catalog.js");
    return { name: "gettext", summary: "gettext/<locale>/<id>.po and gettext/<id>.pot: gettext catalogs, keys in msgctxt", emit: emitGettextCatalogs };
  },
} satisfies Record<string, () => Promise<Target>>;

/** The name of a kind of output. */
export type TargetName = keyof typeof TARGET_LOADERS;

/** Every target, in the order their files are listed. */
export const TARGET_NAMES = Object.keys(TARGET_LOADERS) as TargetName[];

/** Loads the checks of the named targets (see `Target.check`), without their emitters. */
export async function loadTargetChecks(names: readonly TargetName[]): Promise<RegistryCheck[]> {
  const checks = await Promise.all(names.map((name) => CHECK_LOADERS[name]?.()));
  return checks.filter((check) => check !== undefined);
}

/** Loads the named targets. */
export async function loadTargets(names: readonly TargetName[]): Promise<Target[]> {
  return Promise.all(names.map((name) => TARGET_LOADERS[name]()));
}
