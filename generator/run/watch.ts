import { type FSWatcher, watch as watchFolder } from "node:fs";
import path from "node:path";
import { DEFAULTS, resolveCwd } from "../config/defaults.js";
import { chooseConfigFile } from "../config/expand-config.js";
import { type Diagnostic, type Result, sortDiagnostics } from "../diagnostics/index.js";
import { localeFileStem } from "../write/input-hashes.js";
import { planFoldersQuickly, registryPaths } from "./folder-plan.js";
import { type GenerateResult, generateFolders } from "./generate.js";
import type { RunOptions } from "./options.js";

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
 * Watches the folders that hold the inputs (a file watch would lose track of a file an editor replaces by a rename)
 * and reports changes to the inputs only, ignoring every other file there, the generated ones included.
 */
class InputWatcher {
  private inputs = new Set<string>();
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(private readonly onChange: (file: string) => void) {}

  /** The watched inputs, sorted. */
  get files(): string[] {
    return [...this.inputs].sort();
  }

  /** An input, or a locale file `<name>.<locale>.yaml` beside an input `<name>.yaml` (new locale files count). */
  private isInput(file: string): boolean {
    if (this.inputs.has(file)) return true;
    const stem = localeFileStem(file);
    return stem !== undefined && [".yaml", ".yml"].some((extension) => this.inputs.has(`${stem}${extension}`));
  }

  /** Watches exactly the folders of `inputs`. */
  update(inputs: Iterable<string>): void {
    if (this.closed) return;
    this.inputs = new Set(inputs);
    const folders = new Set([...this.inputs].map((file) => path.dirname(file)));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of folders) if (!this.watchers.has(folder)) this.watchFolder(folder);
  }

  private watchFolder(folder: string): void {
    try {
      const watcher = watchFolder(folder, (_event, name) => {
        const file = name === null ? undefined : path.join(folder, name.toString());
        if (!this.closed && file !== undefined && this.isInput(file)) this.onChange(file);
      });
      watcher.on("error", () => {
        watcher.close();
        this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch {
      // The folder does not exist (yet): the run reports the inputs in it as missing.
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/**
 * The inputs that can be named without loading anything: the config file the options use (if any) and the
 * registries they (or the config's entries, read without validation) name. What a watcher starts from.
 */
export async function namedInputs(options: RunOptions = {}): Promise<string[]> {
  const cwd = resolveCwd(options.cwd);
  const configFile = await chooseConfigFile(options, cwd);
  const plans = await planFoldersQuickly(options).catch(() => undefined);
  const registries = (plans?.plans ?? []).flatMap((plan) => plan.runs.flatMap(registryPaths));
  return [...new Set([...registries, ...(configFile === undefined ? [] : [configFile])])].sort();
}

/**
 * Generates, then regenerates whenever an input changes (the config, a registry, a registry it extends, a locale
 * file beside one) until `options.signal` aborts. Invalid input is reported through `events.onInvalid` and leaves
 * the output as it was; the next good save regenerates. Runs never overlap: changes during a run start one more.
 * @returns a promise that resolves once watching has stopped.
 * @throws whatever unexpected error a run throws (invalid input is not one: it is reported).
 * @example
 * const stop = new AbortController();
 * const watching = watch({ config: true, signal: stop.signal }, { onInvalid: (d) => console.error(d) });
 */
export async function watch(options: WatchOptions, events: WatchEvents = {}): Promise<void> {
  const cwd = resolveCwd(options.cwd);
  const runOptions: RunOptions = { ...options, cwd };
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failure: unknown;
  let finish = (): void => {};
  const stopped = new Promise<void>((resolve) => (finish = resolve));
  const watcher = new InputWatcher((file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      events.onChange?.([...changed].sort());
      changed = new Set();
      enqueue();
    }, options.debounceMs ?? DEFAULTS.debounceMs);
  });

  const run = async (): Promise<void> => {
    let result: Result<{ readonly generated: GenerateResult }> | undefined;
    try {
      result = await generateFolders(runOptions);
    } catch (error) {
      if (options.signal?.aborted !== true) throw error;
    }
    // Stopping in the middle of a run is stopping: that run changed no file, or finished its renames.
    if (result === undefined || (!result.ok && options.signal?.aborted === true)) return;
    if (result.ok) {
      watcher.update(result.generated.inputs);
      events.onGenerate?.(result.generated);
    } else {
      // Keep watching what was watched, plus what the options name and the files the errors are in.
      const located = result.diagnostics.map((diagnostic) => path.resolve(cwd, diagnostic.file));
      watcher.update([...watcher.files, ...(await namedInputs(runOptions)), ...located]);
      events.onInvalid?.(sortDiagnostics(result.diagnostics));
    }
    events.onWatching?.(watcher.files);
  };
  const stop = (): void => {
    clearTimeout(timer);
    watcher.close();
    finish();
  };
  function enqueue(): void {
    running = running.then(run).catch((error: unknown) => {
      failure = error;
      stop();
    });
  }

  if (options.signal?.aborted) return;
  options.signal?.addEventListener("abort", stop, { once: true });
  watcher.update(await namedInputs(runOptions));
  enqueue();
  await stopped;
  await running;
  options.signal?.removeEventListener("abort", stop);
  if (failure !== undefined) throw failure;
}
