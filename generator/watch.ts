import { watch as watchFolder, type FSWatcher } from "node:fs";
import path from "node:path";
import { DiagnosticError, type Diagnostic } from "./diagnostics.js";
import { generate, namedInputs, type GenerateResult, type RunOptions } from "./pipeline.js";
import { localeFileStem } from "./write/inputs.js";

/** Options for `watch`: those of `generate`, plus how to stop and how long to wait for a burst of saves. */
export interface WatchOptions extends RunOptions {
  /** Stops watching when aborted; `watch` then resolves. */
  readonly signal?: AbortSignal;
  /**
   * How long to wait after a change for more changes before regenerating (editors save in several steps).
   * @default 100
   */
  readonly debounceMs?: number;
}

/** What `watch` reports. Every callback is optional. */
export interface WatchEvents {
  /** After each successful run, the first one included. */
  readonly onGenerate?: (result: GenerateResult) => void;
  /** After a run that found invalid input: nothing was written, the last good output stays. */
  readonly onInvalid?: (diagnostics: readonly Diagnostic[]) => void;
  /** When a change to these inputs starts a run. */
  readonly onChange?: (files: readonly string[]) => void;
  /** After every run: the input files now watched. */
  readonly onWatching?: (files: readonly string[]) => void;
}

/**
 * Generates, then regenerates whenever an input changes (the config, a registry, a registry it extends, a locale
 * file beside one, a template) until `options.signal` aborts. Invalid input is reported through
 * `events.onInvalid` and leaves the output as it was; the next good save regenerates. Watches the folders that
 * hold the inputs (so an editor's save-by-rename is seen) and ignores every other file in them, including the
 * generated ones.
 * @returns a promise that resolves once watching has stopped.
 * @throws whatever unexpected error a run throws (invalid input is not one: it is reported).
 * @example
 * const stop = new AbortController();
 * const watching = watch({ config: true, signal: stop.signal }, { onInvalid: (d) => console.error(d) });
 */
export async function watch(options: WatchOptions, events: WatchEvents = {}): Promise<void> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const runOptions: RunOptions = { ...options, cwd };
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>(await namedInputs(runOptions));
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let failure: unknown;
  let closed = false;
  let finish: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const isInput = (file: string): boolean => {
    if (inputs.has(file)) return true;
    const stem = localeFileStem(file);
    return stem !== undefined && [".yaml", ".yml"].some((extension) => inputs.has(`${stem}${extension}`));
  };

  const syncWatchers = (): void => {
    if (closed) return;
    const folders = new Set([...inputs].map((file) => path.dirname(file)));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          const file = name === null ? undefined : path.join(folder, name.toString());
          if (file !== undefined && isInput(file)) schedule(file);
        });
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // The folder does not exist (yet): the inputs in it are reported missing by the run.
      }
    }
    events.onWatching?.([...inputs].sort());
  };

  const run = async (): Promise<void> => {
    try {
      const result = await generate(runOptions);
      inputs = new Set(result.inputs);
      events.onGenerate?.(result);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      const named = await namedInputs(runOptions);
      const located = error.diagnostics.map((diagnostic) => path.resolve(cwd, diagnostic.file));
      inputs = new Set([...inputs, ...named, ...located]);
      events.onInvalid?.(error.diagnostics);
    }
    syncWatchers();
  };

  const enqueue = (): void => {
    running = running.then(run).catch((error: unknown) => {
      failure = error;
      stop();
    });
  };

  function schedule(file: string): void {
    if (closed) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      events.onChange?.([...changed].sort());
      changed = new Set();
      enqueue();
    }, options.debounceMs ?? 100);
  }

  function stop(): void {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    finish();
  }

  if (options.signal?.aborted) return;
  options.signal?.addEventListener("abort", stop, { once: true });
  enqueue();
  await stopped;
  await running;
  options.signal?.removeEventListener("abort", stop);
  if (failure !== undefined) throw failure;
}
