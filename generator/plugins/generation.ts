import path from "node:path";
import {
  type Diagnostic,
  DiagnosticError,
  findConfigFile,
  formatDiagnostic,
  type GenerateResult,
  generate,
  type RunOptions,
} from "../index.js";

/**
 * The options of every bundler plugin: those of `generate` (and of a config entry), paths relative to `cwd`.
 * With neither `config` nor `registries`, the config file found from `cwd` upwards is used, as the CLI does.
 */
export interface CodebookPluginOptions extends Omit<RunOptions, "config" | "cwd" | "signal" | "whileWriting"> {
  /**
   * The config file to take the registries and their options from, relative to `cwd`.
   * @default the first `codebook.config.json`, `.yaml` or `.yml` in `cwd` or a folder above it
   */
  readonly config?: string;
  /**
   * The folder the options' paths are relative to, and where the config file is looked for.
   * @default the bundler's root (Vite's `root`, webpack's `context`, esbuild's `absWorkingDir`, else the working directory)
   */
  readonly cwd?: string;
}

/** A diagnostic whose file is absolute, as bundlers locate their errors. */
export interface LocatedDiagnostic extends Diagnostic {
  /** The absolute path of `file`. */
  readonly path: string;
  /** `FILE:LINE:COL: error: MESSAGE`, as the CLI prints it. */
  readonly text: string;
}

/** What one generation gave: the files it wrote, or the problems that stopped it (then nothing was written). */
export type Outcome =
  | { readonly ok: true; readonly result: GenerateResult }
  | { readonly ok: false; readonly diagnostics: readonly LocatedDiagnostic[] };

const YAML_FILE = /\.ya?ml$/;

/**
 * One plugin instance's generations: runs them one at a time (two bundler environments starting together must not
 * write one folder at once), and keeps the inputs of the last good run so that the bundler goes on watching them
 * while the input is invalid.
 */
export class Generation {
  private inputs = new Set<string>();
  private root: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Promise<Outcome> | undefined;

  constructor(private readonly options: CodebookPluginOptions) {}

  /** The folder relative paths are taken from, when the options name none; the first bundler to say wins. */
  setRoot(root: string): void {
    this.root ??= path.resolve(root);
  }

  private get cwd(): string {
    return path.resolve(this.options.cwd ?? this.root ?? process.cwd());
  }

  /** The input files to watch, absolute and sorted; a folder input is left to the files in it. */
  get watchFiles(): string[] {
    return [...this.inputs].filter((input) => !input.endsWith(path.sep)).sort();
  }

  /**
   * Whether a change to `file` can change the output: it is an input, lies in a folder input (templates), or is a
   * YAML file beside a registry (a new locale file). The no-op fast path sorts out the changes that do not.
   */
  isInput(file: string): boolean {
    const absolute = path.resolve(this.cwd, file);
    if (this.inputs.has(absolute)) return true;
    for (const input of this.inputs) {
      if (
        input.endsWith(path.sep)
          ? absolute.startsWith(input)
          : YAML_FILE.test(input) && YAML_FILE.test(absolute) && path.dirname(input) === path.dirname(absolute)
      ) {
        return true;
      }
    }
    return false;
  }

  /** Resolves once no run is under way or waiting. */
  async settled(): Promise<void> {
    for (let queue = this.queue; ; queue = this.queue) {
      await queue;
      if (queue === this.queue) return;
    }
  }

  /** Generates now, after any run under way; calls made while one waits share it. */
  run(): Promise<Outcome> {
    this.pending ??= this.queue.then(() => {
      this.pending = undefined;
      return this.generate();
    });
    const next = this.pending;
    this.queue = next.catch(() => undefined);
    return next;
  }

  private runOptions(): RunOptions {
    const { config, ...rest } = this.options;
    const named = (rest.registries ?? []).length > 0;
    return { ...rest, cwd: this.cwd, config: named ? false : (config ?? true) };
  }

  private async generate(): Promise<Outcome> {
    try {
      const result = await generate(this.runOptions());
      this.inputs = new Set(result.inputs);
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      const diagnostics = error.diagnostics.map((diagnostic) => this.locate(diagnostic));
      // Keep watching what was watched, the files the errors are in, and the files the options name.
      for (const file of [...diagnostics.map((diagnostic) => diagnostic.path), ...(await this.namedFiles())]) this.inputs.add(file);
      return { ok: false, diagnostics };
    }
  }

  private locate(diagnostic: Diagnostic): LocatedDiagnostic {
    return { ...diagnostic, path: path.resolve(this.cwd, diagnostic.file), text: formatDiagnostic(diagnostic) };
  }

  private async namedFiles(): Promise<string[]> {
    const options = this.runOptions();
    const config =
      typeof options.config === "string"
        ? path.resolve(this.cwd, options.config)
        : options.config === true
          ? await findConfigFile(this.cwd)
          : undefined;
    return [...(options.registries ?? []).map((file) => path.resolve(this.cwd, file)), ...(config === undefined ? [] : [config])];
  }
}
