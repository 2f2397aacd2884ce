import type { MarkdownTemplates } from "../load/templates/template-set.js";
import type { RegistryCheck } from "../model/build-model.js";
import type { Registry } from "../model/registry.js";

/** One file an emitter produces: a path relative to the output folder (with `/`) and its contents. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** The module format of emitted JavaScript: `esm` (import/export) or `cjs` (require/exports). */
export type ModuleFormat = "esm" | "cjs";

/** The form of the code modules: `ts` (`<id>.ts`) or `js` (`<id>.js` and `<id>.d.ts`). */
export type EmitForm = "ts" | "js";

/** What every emitter receives besides the model; every default is resolved before (see `run/options.ts`). */
export interface EmitContext {
  /** The absolute output folder: headers name the registry relative to it. */
  readonly outDir: string;
  /** Emit a TypeScript `enum` (off: an erasable as-const object and type). */
  readonly enums: boolean;
  /** The Markdown page templates and page texts, loaded before emitting. */
  readonly templates: MarkdownTemplates;
  /** The module format of emitted JavaScript (`emit: "js"`). */
  readonly module: ModuleFormat;
  /** `ts`: TypeScript modules. `js`: JavaScript modules with their `.d.ts`. */
  readonly emit: EmitForm;
  /** Write each Markdown page's code map (`<id>.map.svg`, `<id>.map.<locale>.svg`) where its template places `{{ map }}`. */
  readonly codeMap: boolean;
}

/** An emitter: pure, the same model and context give the same files. */
export type Emitter = (registry: Registry, context: EmitContext) => readonly GeneratedFile[];

/** The name of a kind of output. */
export type TargetName = "ts" | "json" | "md" | "i18next" | "formatjs" | "gettext";

/** One kind of output: its emitter, and what of a valid model it cannot emit. */
export interface Target {
  readonly name: TargetName;
  /** A one-line summary for `--help` and the docs. */
  readonly summary: string;
  readonly emit: Emitter;
  /**
   * Refuses what the model allows but this target cannot emit, located in the registry's files: run with the
   * model's own checks when a registry is loaded for the target (graphql-codegen's plugin `validate` is the model).
   */
  readonly check?: RegistryCheck;
}
