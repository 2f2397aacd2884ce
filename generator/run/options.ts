import path from "node:path";
import { DEFAULTS, resolveCwd, resolveEmitChoices } from "../config/defaults.js";
import type { SourceLocation } from "../diagnostics/index.js";
import type { EmitContext, EmitForm, ModuleFormat, TargetName } from "../emit/types.js";
import type { WritingSection } from "../write/staged-writes.js";

/** Options shared by `generate`, `check` and `validate`. */
export interface RunOptions {
  /**
   * Registry files to process.
   * @default the embedded WebSocket close-code registry
   */
  readonly registries?: readonly string[];
  /**
   * The output folder, relative to `cwd`.
   * @default "generated"
   */
  readonly outDir?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
  /**
   * Emit a TypeScript `enum`; off gives an erasable as-const object and type instead.
   * @default true
   */
  readonly enums?: boolean;
  /**
   * The kinds of output to generate.
   * @default every target
   */
  readonly targets?: readonly TargetName[];
  /**
   * The module format of emitted JavaScript (with `emit: "js"`): `esm` or `cjs`. Generated TypeScript uses
   * ES module syntax whatever this says; the consumer's compiler decides its format.
   * @default "esm"
   */
  readonly module?: ModuleFormat;
  /**
   * `ts` writes `<id>.ts`; `js` writes `<id>.js` (in the `module` format) and `<id>.d.ts`, for a package that
   * ships JavaScript.
   * @default "ts"
   */
  readonly emit?: EmitForm;
  /**
   * Write the code map of each Markdown page (`<id>.map.svg`, `<id>.map.<locale>.svg`, an SVG picture of the
   * registry's ranges, codes and sets) and show it on the page; off writes the pages without it.
   * @default true
   */
  readonly codeMap?: boolean;
  /**
   * Take the registries and their options from a config file: its path (relative to `cwd`), or `true` to use
   * the first `codebook.config.json`, `.yaml` or `.yml` found in `cwd` or a folder above it (and the options
   * given here when there is none). Ignored when `registries` is given; otherwise the config's entries replace
   * every option here but `cwd` and `force`.
   * @default false
   * @example await generate({ config: true });
   */
  readonly config?: string | boolean;
  /**
   * Render every registry even when the manifests show that nothing changed: `generate` then rewrites what
   * differs, and `check` compares freshly rendered files instead of trusting the manifests' hashes.
   * @default false
   */
  readonly force?: boolean;
  /**
   * A folder of templates overriding the built-in ones file by file (`page.md`, `page.<locale>.md`,
   * `locales/<locale>.yaml`), relative to `cwd`.
   * @default the built-in templates only
   */
  readonly templates?: string;
  /**
   * Markdown files, relative to `cwd`, whose `<!-- codebook:start ID TABLE -->` … `<!-- codebook:end ID -->`
   * regions `generate` rewrites and `check` checks, in addition to the output folders. Each file's contents after
   * injection are hashed into the first output folder's manifest: an unchanged file with unchanged inputs is
   * current without rendering its tables.
   * @default []
   */
  readonly inject?: readonly string[];
  /**
   * Stops `generate` when aborted: before any file changes (then none has), or once every renamed file is in
   * place. A run never stops half way through a file.
   */
  readonly signal?: AbortSignal;
  /**
   * Wraps the part of `generate` that changes files (staging its temporary files and renaming them into place),
   * the only part a process must not be stopped in. The CLI catches SIGINT and SIGTERM only there (they abort
   * `signal`), and lets them end the process at once everywhere else.
   * @default runs it as it is
   */
  readonly whileWriting?: WritingSection;
}

/** Run options with every default resolved: what shapes one output folder's files (the manifest records it). */
export interface ResolvedOptions extends Omit<EmitContext, "templates"> {
  readonly registries: readonly string[];
  readonly outDir: string;
  readonly cwd: string;
  readonly targets: readonly TargetName[];
  /** The user's templates folder (absolute), over the built-in one. */
  readonly templates: string | undefined;
  /** Where the config file names this run, for diagnostics about its output (see `ConfigEntry`); not an option. */
  readonly locate?: () => SourceLocation;
}

/** One run's options with every default filled in from {@link DEFAULTS}. */
export function resolveOptions(options: RunOptions & { readonly locate?: () => SourceLocation }): ResolvedOptions {
  const cwd = resolveCwd(options.cwd);
  return {
    ...(options.locate === undefined ? {} : { locate: options.locate }),
    cwd,
    registries: options.registries !== undefined && options.registries.length > 0 ? options.registries : DEFAULTS.registries,
    outDir: path.resolve(cwd, options.outDir ?? DEFAULTS.outDir),
    ...resolveEmitChoices(options),
    templates: options.templates === undefined ? undefined : path.resolve(cwd, options.templates),
  };
}
