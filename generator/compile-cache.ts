// The CLI's compile cache. Part of the process boundary with cli.ts: bin/codebook.js installs it before it loads
// the generator's bundle, once the no-op path (which loads no heavy module) has declined the run. The public API and
// the bundler plugins never import it: a library must not patch its user's module loader.
//
// On Node ≥ 22.1 it is Node's own `module.enableCompileCache()`. Node 20 has none, and nearly all of a full run's
// compile time is three CommonJS files of ts-morph (13 MB: typescript.js, ts-morph-common.js, ts-morph.js) and
// codebook's own, which the build bundles into one CommonJS file for this (scripts/bundle-cli.mjs), so for
// CommonJS files that large this module compiles with V8's code cache: `vm.Script` with the `cachedData` a
// previous run left, created at that run's end so that the functions it compiled lazily are in it.
//
// V8 checks only the source's length and its own version and flags, and runs corrupt data without noticing (it
// may crash), so each entry carries a digest of what it was made from (Node's and V8's versions, the platform,
// the file's path and its source) and a digest of its data; an entry that does not match either is not used,
// and the run writes a new one. Entries live in one folder the user owns alone, are written to a temporary file
// and renamed into place, and are opened without following symbolic links; whatever goes wrong with the folder
// or an entry, the module compiles as Node would and the run goes on, silently (NODE_DEBUG=codebook says why).
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import Module from "node:module";
import os from "node:os";
import path from "node:path";
import { debuglog } from "node:util";
import vm from "node:vm";

/** `NODE_DEBUG=codebook` prints what the cache does (hits, misses, writes, why it is off) on stderr. */
const debug = debuglog("codebook");

/**
 * CommonJS files at least this long (in characters) are compiled through the cache. Below it, reading and
 * checking an entry costs about what compiling saves: V8 compiles a small module's functions lazily anyway.
 */
export const CACHED_SOURCE_LENGTH = 256 * 1024;

/** The first bytes of every entry; a new layout gets a new tag, so an old entry is simply a miss. */
const MAGIC = Buffer.from("cbcache1", "latin1");

/** An entry's header: the tag, the digest of what the data was made from, the digest of the data. */
const HEADER_BYTES = MAGIC.length + 32 + 32;

/** Entries larger than this are not read (ts-morph's largest, typescript.js's, is about 12 MB). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** What the folder may hold in all; past it the oldest entries go (one entry per file path, rewritten in place). */
const MAX_FOLDER_BYTES = 128 * 1024 * 1024;

/** The names of the files the cache writes: entries, and the temporary files they are written to first. */
const OWN_FILE = /^[0-9a-f]{64}\.(?:cache|\d+\.[0-9a-f]{16}\.tmp)$/;

/** The reading flags: no symbolic link is followed, and a FIFO in place of an entry does not block the read. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The writing flags: a new file only, never one that exists, never through a symbolic link. */
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** The parts of Node's CommonJS loader the cache takes part in (not in Node's type declarations). */
interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, format?: string): unknown;
}

interface Loader {
  readonly prototype: LoaderModule;
  readonly _extensions: unknown;
  readonly _cache: unknown;
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: LoaderModule): string[] | null;
  enableCompileCache?: () => { status: number; message?: string; directory?: string };
}

/** A module compiled without a usable entry: its entry is written at the end of the run, from what the run compiled. */
interface PendingEntry {
  readonly script: vm.Script;
  readonly file: string;
  readonly key: Buffer;
  readonly filename: string;
}

const loader = Module as unknown as Loader;

/** Whether the user switched compile caches off, with Node's own variable. */
function disabled(): boolean {
  const value = process.env.NODE_DISABLE_COMPILE_CACHE;
  return value !== undefined && value !== "" && value !== "0";
}

/**
 * Turns the compile cache on for this process: Node's own where it has one, else codebook's for large CommonJS
 * files (see the top of this file). Never throws; with NODE_DISABLE_COMPILE_CACHE set it does nothing.
 */
export function installCompileCache(): void {
  if (disabled()) {
    debug("compile cache off: NODE_DISABLE_COMPILE_CACHE is set");
    return;
  }
  try {
    if (loader.enableCompileCache === undefined) {
      const folder = cacheFolder();
      if (folder !== undefined) hookCompile(folder);
    } else {
      const result = loader.enableCompileCache();
      debug("compile cache: node's own, status %d in %s", result.status, result.directory ?? "-");
    }
  } catch (error) {
    debug("compile cache off: %s", String(error));
  }
}

/**
 * The folder of the entries, created if need be: under NODE_COMPILE_CACHE when set (Node's convention), else a
 * folder of the user's own in the temporary folder. Undefined, so that nothing is cached, unless it is a real
 * folder (not a symbolic link) that this user owns and no one else may enter.
 */
export function cacheFolder(): string | undefined {
  const configured = process.env.NODE_COMPILE_CACHE;
  const uid = process.getuid?.();
  let folder = "the compile cache's folder";
  try {
    folder =
      configured !== undefined && configured !== ""
        ? path.join(path.resolve(configured), "codebook")
        : path.join(os.tmpdir(), `codebook-compile-cache-${uid ?? os.userInfo().username}`);
    if (configured !== undefined && configured !== "") mkdirSync(path.dirname(folder), { recursive: true, mode: 0o700 });
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const info = lstatSync(folder);
    const own = uid === undefined || info.uid === uid;
    const closed = process.platform === "win32" || (info.mode & 0o077) === 0;
    if (info.isDirectory() && own && closed) return folder;
    debug("compile cache off: %s is not a folder of this user's alone", folder);
  } catch (error) {
    debug("compile cache off: %s: %s", folder, String(error));
  }
  return undefined;
}

/** Routes the loader's compiling of large CommonJS files through the cache, and writes the new entries at the end. */
function hookCompile(folder: string): void {
  const compile = loader.prototype._compile;
  const pending: PendingEntry[] = [];
  loader.prototype._compile = function compileCached(this: LoaderModule, content: string, filename: string, format?: string) {
    const script = format === "module" || !cacheable(content) ? undefined : compileScript(folder, content, filename, pending);
    if (script === undefined) return compile.call(this, content, filename, format);
    return runModule(this, script, filename);
  };
  // When the run is over (its event loop empty), not at "exit": a process's own usage reports at exit then include
  // the writing. A run ended by process.exit() (a watch stopped) writes no entry; the next run does.
  process.once("beforeExit", () => writeEntries(folder, pending));
}

/** Large enough to pay, and compiled by Node the way the cache compiles (a hashbang line is Node's to strip). */
function cacheable(content: string): boolean {
  return content.length >= CACHED_SOURCE_LENGTH && !content.startsWith("#!");
}

/**
 * The module's wrapper function compiled as Node compiles it, from the entry when it matches; undefined when the
 * source does not compile so (a syntax error, ES module syntax): Node's own compile then says what it does.
 */
function compileScript(folder: string, content: string, filename: string, pending: PendingEntry[]): vm.Script | undefined {
  const key = sourceKey(content, filename);
  const file = path.join(folder, `${digest(Buffer.from(filename)).toString("hex")}.cache`);
  const entry = readEntry(file, key);
  let script: vm.Script;
  try {
    script = new vm.Script(Module.wrap(content), {
      filename,
      ...("data" in entry ? { cachedData: entry.data } : {}),
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return undefined;
  }
  if ("data" in entry && script.cachedDataRejected !== true) {
    debug("compile cache hit %s", filename);
  } else {
    // V8 rejects data made by another V8 or with other flags (its own check, which the key does not repeat).
    debug("compile cache miss %s (%s)", filename, "data" in entry ? "rejected by V8" : entry.missing);
    pending.push({ script, file, key, filename });
  }
  return script;
}

/** Runs a compiled module as Node's loader does: `this` is its exports, with its own `require`. */
function runModule(module: LoaderModule, script: vm.Script, filename: string): unknown {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  return Reflect.apply(wrapper, module.exports, [module.exports, requireFor(module), module, filename, path.dirname(filename)]);
}

/** The `require` a module sees, as Node makes it (lib/internal/modules/helpers.js, makeRequireFunction). */
function requireFor(module: LoaderModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) =>
    loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, module);
  require.resolve = resolve;
  Object.defineProperty(require, "main", { value: process.mainModule, writable: true, enumerable: true, configurable: true });
  require.extensions = loader._extensions as NodeJS.RequireExtensions;
  require.cache = loader._cache as NodeJS.Dict<NodeModule>;
  return require;
}

function digest(data: Buffer | string): Buffer {
  return createHash("sha256").update(data).digest();
}

/** The digest of everything an entry's data depends on besides V8's flags (which V8 checks itself). */
function sourceKey(content: string, filename: string): Buffer {
  const runtime = [process.version, process.versions.v8, process.arch, process.platform, filename].join("\0");
  return createHash("sha256").update(runtime).update("\0").update(content).digest();
}

/** An entry's data, or why there is none to use. */
type EntryRead = { readonly data: Buffer } | { readonly missing: "absent" | "not a regular file" | "stale" | "corrupt" };

/** The entry's data when it is a regular file made from `key` and its data are intact; never throws. */
function readEntry(file: string, key: Buffer): EntryRead {
  let fd: number | undefined;
  try {
    fd = openSync(file, READ_FLAGS);
    const info = fstatSync(fd);
    if (!info.isFile()) return { missing: "not a regular file" };
    if (info.size <= HEADER_BYTES || info.size > MAX_ENTRY_BYTES) return { missing: "corrupt" };
    const bytes = Buffer.allocUnsafe(info.size);
    for (let read = 0; read < bytes.length; ) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) return { missing: "corrupt" };
      read += count;
    }
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { missing: "corrupt" };
    if (!bytes.subarray(MAGIC.length, MAGIC.length + 32).equals(key)) return { missing: "stale" };
    const data = bytes.subarray(HEADER_BYTES);
    return bytes.subarray(MAGIC.length + 32, HEADER_BYTES).equals(digest(data)) ? { data } : { missing: "corrupt" };
  } catch (error) {
    // ENOENT: not written yet; ELOOP: a symbolic link, which is never followed; anything else: unreadable.
    return { missing: (error as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : "not a regular file" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the entries of the modules compiled without one, then keeps the folder within its size. */
function writeEntries(folder: string, pending: readonly PendingEntry[]): void {
  if (pending.length === 0) return;
  for (const entry of pending) writeEntry(folder, entry);
  pruneFolder(folder);
}

/** Writes one entry to a new temporary file beside it and renames it into place; on any failure, nothing stays. */
function writeEntry(folder: string, entry: PendingEntry): void {
  const temp = path.join(folder, `${path.basename(entry.file, ".cache")}.${process.pid}.${randomBytes(8).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    const data = entry.script.createCachedData();
    fd = openSync(temp, WRITE_FLAGS, 0o600);
    writeFully(fd, Buffer.concat([MAGIC, entry.key, digest(data)]));
    writeFully(fd, data);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, entry.file);
    debug("compile cache wrote %s", entry.filename);
  } catch (error) {
    debug("compile cache cannot write %s: %s", entry.filename, String(error));
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already gone.
    }
  }
}

function writeFully(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

/** A temporary file older than this was left by a run that ended before renaming it. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes temporary files left behind, then the oldest of the cache's own files until the rest fit in
 * {@link MAX_FOLDER_BYTES}; never throws. Files of other names are not the cache's and stay.
 */
function pruneFolder(folder: string): void {
  try {
    const files = readdirSync(folder)
      .filter((name) => OWN_FILE.test(name))
      .map((name) => ({ name, info: lstatSync(path.join(folder, name)) }))
      .filter(({ info }) => info.isFile())
      .sort((a, b) => b.info.mtimeMs - a.info.mtimeMs);
    let total = 0;
    for (const { name, info } of files) {
      const left = name.endsWith(".tmp") && Date.now() - info.mtimeMs > STALE_TEMP_MS;
      if (!left) total += info.size;
      if (left || total > MAX_FOLDER_BYTES) unlinkSync(path.join(folder, name));
    }
  } catch (error) {
    debug("compile cache cannot prune %s: %s", folder, String(error));
  }
}
