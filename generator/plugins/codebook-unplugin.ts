import type { PluginBuild } from "esbuild";
import { createUnplugin } from "unplugin";
import type { ErrorPayload, ViteDevServer } from "vite";
import type { Compilation, Compiler } from "webpack";
import { type CodebookPluginOptions, Generation, type LocatedDiagnostic, type Outcome } from "./generation.js";

const NAME = "codebook";

/** A plugin error as Rollup, Rolldown and Vite's overlay read it. */
interface PluginError {
  readonly message: string;
  readonly plugin: string;
  readonly id?: string;
  readonly loc?: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * A registry problem as Rollup's (and Vite's) own located error: every diagnostic in the message, the first one's
 * file and position as `id` and `loc` (Rollup counts columns from 0).
 */
function rollupError(diagnostics: readonly LocatedDiagnostic[]): PluginError {
  const [first] = diagnostics;
  return {
    message: diagnostics.map((diagnostic) => diagnostic.text).join("\n"),
    plugin: NAME,
    ...(first === undefined ? {} : { id: first.path, loc: { file: first.path, line: first.line, column: first.column - 1 } }),
  };
}

/** What codebook uses of a Rollup (or Rolldown, under Vite) plugin context. */
interface BuildContext {
  addWatchFile(file: string): void;
  error(error: PluginError): never;
}

/** Generates at the start of a Rollup or Vite build, and makes every input a watched file of that build. */
async function startBuild(context: BuildContext, generation: Generation): Promise<void> {
  const outcome = await generation.run();
  for (const file of generation.watchFiles) context.addWatchFile(file);
  if (!outcome.ok) context.error(rollupError(outcome.diagnostics));
}

/**
 * Shows a failed regeneration in the dev server: in its log and in the browser's error overlay (which Vite keeps
 * for the first page to connect). A good run that wrote nothing after a failed one reloads the page, so that the
 * overlay goes; one that wrote files clears it through the update itself.
 */
function reportToServer(server: ViteDevServer, outcome: Outcome, previous: Outcome | undefined): void {
  if (outcome.ok) {
    if (previous?.ok === false && outcome.result.written.length === 0) server.ws.send({ type: "full-reload" });
    return;
  }
  const error = rollupError(outcome.diagnostics);
  server.config.logger.error(`[${NAME}] ${error.message}`, { timestamp: true });
  const payload: ErrorPayload = {
    type: "error",
    err: {
      message: error.message,
      stack: "",
      plugin: NAME,
      ...(error.id === undefined ? {} : { id: error.id }),
      ...(error.loc === undefined ? {} : { loc: error.loc }),
    },
  };
  server.ws.send(payload);
}

/** Vite's dev server: generate before it serves, watch every input with its watcher, regenerate on a change. */
async function serve(server: ViteDevServer, generation: Generation): Promise<void> {
  let last = await generation.run();
  reportToServer(server, last, undefined);
  server.watcher.add(generation.watchFiles);
  server.watcher.on("all", (_event, file) => {
    if (!generation.isInput(file)) return;
    void generation.run().then(
      (outcome) => {
        reportToServer(server, outcome, last);
        last = outcome;
        server.watcher.add(generation.watchFiles);
      },
      (error: unknown) => server.config.logger.error(`[${NAME}] ${String(error)}`, { error: error instanceof Error ? error : null }),
    );
  });
}

/** webpack: generate before each compilation (`run` and each `watch` round), report problems as its errors, watch the inputs. */
function applyToWebpack(compiler: Compiler, generation: Generation): void {
  generation.setRoot(compiler.context);
  let outcome: Outcome | undefined;
  const run = async (): Promise<void> => {
    outcome = await generation.run();
  };
  compiler.hooks.beforeRun.tapPromise(NAME, run);
  compiler.hooks.watchRun.tapPromise(NAME, run);
  compiler.hooks.thisCompilation.tap(NAME, (compilation: Compilation) => {
    if (outcome?.ok !== false) return;
    for (const diagnostic of outcome.diagnostics) {
      const error = new compiler.webpack.WebpackError(diagnostic.text);
      error.name = "CodebookError";
      error.file = diagnostic.path;
      error.loc = { start: { line: diagnostic.line, column: diagnostic.column - 1 } };
      error.hideStack = true;
      compilation.errors.push(error);
    }
  });
  compiler.hooks.afterCompile.tap(NAME, (compilation: Compilation) => {
    compilation.fileDependencies.addAll(generation.watchFiles);
  });
}

/** A filter matching exactly the entry points as esbuild resolves them (any path when it reads stdin). */
function entryFilter(build: PluginBuild): RegExp {
  const { entryPoints } = build.initialOptions;
  const entries =
    entryPoints === undefined
      ? []
      : Array.isArray(entryPoints)
        ? entryPoints.map((entry) => (typeof entry === "string" ? entry : entry.in))
        : Object.values(entryPoints);
  if (entries.length === 0) return /.*/;
  // esbuild hands a relative entry point to the plugins with a leading "./".
  const escaped = entries.map((entry) => entry.replace(/^\.\//, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?:\\./)?(?:${escaped.join("|")})$`);
}

/**
 * esbuild: generate in `onStart`, each diagnostic an esbuild error at its location (columns from 0). esbuild takes
 * watched files only from resolve and load results, so resolving the entry points names them: a filter on the
 * entry points keeps every other import out of the plugin.
 */
function setUpEsbuild(build: PluginBuild, generation: Generation): void {
  generation.setRoot(build.initialOptions.absWorkingDir ?? process.cwd());
  build.onStart(async () => {
    const outcome = await generation.run();
    if (outcome.ok) return {};
    return {
      errors: outcome.diagnostics.map((diagnostic) => ({
        text: diagnostic.text,
        pluginName: NAME,
        location: { file: diagnostic.path, line: diagnostic.line, column: diagnostic.column - 1 },
      })),
    };
  });
  // esbuild resolves the entry points while the onStart callbacks run: the inputs are known once the run is done.
  build.onResolve({ filter: entryFilter(build) }, async (args) => {
    if (args.kind !== "entry-point") return undefined;
    await generation.settled();
    return { watchFiles: generation.watchFiles };
  });
}

/** The one implementation behind `codebook/vite`, `codebook/rollup`, `codebook/esbuild` and `codebook/webpack`. */
export const codebookUnplugin = createUnplugin((options: CodebookPluginOptions | undefined) => {
  const generation = new Generation(options ?? {});
  let serving = false;
  return {
    name: NAME,
    rollup: {
      async buildStart(this: BuildContext) {
        await startBuild(this, generation);
      },
    },
    vite: {
      configResolved(config) {
        generation.setRoot(config.root);
        serving = config.command === "serve";
      },
      async buildStart(this: BuildContext) {
        // The dev server generated before serving (see configureServer), and reports problems in its overlay.
        if (!serving) await startBuild(this, generation);
      },
      async configureServer(server) {
        await serve(server, generation);
      },
      handleHotUpdate({ file }) {
        // A registry is no module: its change reaches the page as the files it regenerates.
        if (generation.isInput(file)) return [];
        return undefined;
      },
    },
    webpack(compiler) {
      applyToWebpack(compiler as Compiler, generation);
    },
    esbuild: {
      setup(build) {
        setUpEsbuild(build, generation);
      },
    },
  };
});
