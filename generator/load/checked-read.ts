// The one checked reader. Kept apart from the YAML loading (and free of any import but node:fs) because the no-op
// fast path reads through it and must stay light.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";

/** Input files larger than this are refused: a registry of 10,000 codes in 8 locales is about 2 MB. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** Why an input file could not be read: the diagnostic code and the message that says what the path is instead. */
export interface ReadProblem {
  /** `missing`, `not-a-file` (a folder, a FIFO, a device, a socket), `too-large` or `unreadable`. */
  readonly code: "missing" | "not-a-file" | "too-large" | "unreadable";
  readonly message: string;
}

/** A file's bytes, or why they could not be read. */
export type BytesResult = { readonly ok: true; readonly bytes: Buffer } | ({ readonly ok: false } & ReadProblem);

/**
 * Open flags for every input: a FIFO opened without `O_NONBLOCK` blocks until a writer appears, and a terminal
 * opened without `O_NOCTTY` could become the process's controlling terminal. Both flags are 0 where the platform
 * has no such thing.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** A path where there is nothing. */
const MISSING: ReadProblem = { code: "missing", message: "no such file" };

/** What a path that is not a regular file is, said so that the user can tell why it was refused. */
function describeKind(info: Stats): string {
  const what = info.isDirectory()
    ? "a folder"
    : info.isFIFO()
      ? "a named pipe (FIFO)"
      : info.isCharacterDevice()
        ? "a character device"
        : info.isBlockDevice()
          ? "a block device"
          : info.isSocket()
            ? "a socket"
            : "not a regular file";
  return what === "not a regular file"
    ? "not a regular file; codebook reads only regular files"
    : `is ${what}, not a regular file; codebook reads only regular files`;
}

function tooLarge(size: number, maxBytes: number): ReadProblem {
  const limit = maxBytes === MAX_SOURCE_BYTES ? `${maxBytes} bytes (16 MiB)` : `${maxBytes} bytes`;
  return { code: "too-large", message: `file is ${size} bytes; the limit is ${limit}` };
}

/**
 * The file's bytes, read through `descriptor` until its end; a problem when they pass `maxBytes`.
 * @param size the size `fstat` gave
 */
function readAll(descriptor: number, size: number, maxBytes: number): BytesResult {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // The first read asks for one byte more than the size: a file of that size comes in one call, whose shorter
    // answer tells its end, into a buffer of its size, without a copy. A file that grows while it is read, or that
    // reports size 0 and has contents (/proc), is read on to its end (a read of 0 bytes), up to the limit.
    const wanted = chunks.length === 0 ? size + 1 : 64 * 1024;
    const chunk = Buffer.allocUnsafe(Math.min(wanted, maxBytes + 1 - total));
    const count = readSync(descriptor, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(chunk.subarray(0, count));
    total += count;
    if (total > maxBytes) return { ok: false, ...tooLarge(total, maxBytes) };
    if (chunks.length === 1 && count === size && count < chunk.length) break;
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}

/**
 * Whether `absolute` names a regular file, without opening it: `undefined` when it does, else what it is instead
 * (missing, a folder, a named pipe, a device...), as {@link readInputBytes} would report it.
 */
export function checkInputFile(absolute: string): ReadProblem | undefined {
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (info === undefined) return MISSING;
    return info.isFile() ? undefined : { code: "not-a-file", message: describeKind(info) };
  } catch (error) {
    return describeFsError(error);
  }
}

/** Whether `absolute` names a regular file (see {@link checkInputFile}). */
export function isFile(absolute: string): boolean {
  return checkInputFile(absolute) === undefined;
}

/**
 * The one checked reader every input goes through (registries, locale files, config, templates, injected files,
 * the registries they extend, the manifest, the no-op fast path's hashes). Reads only a regular file, up to
 * `maxBytes`: a folder, a named pipe, a device or a socket is refused with a message that says which it is, and
 * never opened in a way that could block (a FIFO without a writer) or read without end (`/dev/zero`).
 * Synchronous on purpose: it runs on the no-op fast path, where small reads are faster without the thread pool.
 * @param absolute the file's absolute path
 * @param maxBytes the size limit; {@link MAX_SOURCE_BYTES} unless given
 */
export function readInputBytes(absolute: string, maxBytes: number = MAX_SOURCE_BYTES): BytesResult {
  let descriptor: number;
  try {
    // Refuse what is not a regular file before opening it: opening some devices has effects of its own. A missing
    // file is told without an exception, which costs more than the call (the no-op proof looks in many places).
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (info === undefined) return { ok: false, ...MISSING };
    if (!info.isFile()) return { ok: false, code: "not-a-file", message: describeKind(info) };
    if (info.size > maxBytes) return { ok: false, ...tooLarge(info.size, maxBytes) };
    descriptor = openSync(absolute, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, ...describeFsError(error) };
  }
  try {
    // The path may have been replaced between the two calls: what counts is what was opened.
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { ok: false, code: "not-a-file", message: describeKind(info) };
    if (info.size > maxBytes) return { ok: false, ...tooLarge(info.size, maxBytes) };
    return readAll(descriptor, info.size, maxBytes);
  } catch (error) {
    return { ok: false, ...describeFsError(error) };
  } finally {
    closeSync(descriptor);
  }
}

function describeFsError(error: unknown): ReadProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return MISSING;
  if (code === "EACCES" || code === "EPERM") return { code: "unreadable", message: "permission denied" };
  if (code === "EISDIR") return { code: "not-a-file", message: "is a folder, not a regular file; codebook reads only regular files" };
  if (code === "ENOTDIR") return { code: "missing", message: "no such file (a part of the path is not a folder)" };
  if (code === "ELOOP") return { code: "unreadable", message: "symbolic links loop (or nest too deeply)" };
  if (code === "ENXIO")
    return { code: "not-a-file", message: "is a socket or device without a reader, not a regular file; codebook reads only regular files" };
  return { code: "unreadable", message: `cannot read file (${code ?? String(error)})` };
}
