import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";

/** Input files larger than this are refused: a registry of 10,000 codes in 8 locales is about 2 MB. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** The text of one input file, with the name diagnostics use for it. */
export interface SourceFile {
  /** The path diagnostics print: relative to the working directory, with `/` separators. */
  readonly file: string;
  /** The absolute path. */
  readonly path: string;
  readonly text: string;
}

export type ReadResult =
  | { readonly ok: true; readonly source: SourceFile }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The name a diagnostic prints for `absolutePath`: relative to `cwd` when below it, with `/` separators. */
export function displayPath(absolutePath: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join("/");
}

/**
 * Reads an input file as UTF-8 text. Refuses files over {@link MAX_SOURCE_BYTES} and files that are not
 * valid UTF-8, with a located diagnostic; strips a byte-order mark.
 */
export async function readSourceFile(filePath: string, cwd: string = process.cwd()): Promise<ReadResult> {
  const absolute = path.resolve(cwd, filePath);
  const file = displayPath(absolute, cwd);
  const fail = (code: string, message: string, line = 1, column = 1): ReadResult => ({
    ok: false,
    diagnostics: [{ file, line, column, code, message }],
  });
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return fail("not-a-file", "not a regular file");
    size = info.size;
  } catch (error) {
    return fail("unreadable", describeFsError(error));
  }
  if (size > MAX_SOURCE_BYTES) {
    return fail("too-large", `file is ${size} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (16 MiB)`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    return fail("unreadable", describeFsError(error));
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== "string") {
    return fail("not-utf8", "file is not valid UTF-8 text (the first invalid byte is here); save it as UTF-8", decoded.line, decoded.column);
  }
  return { ok: true, source: { file, path: absolute, text: decoded } };
}

function decodeUtf8(bytes: Buffer): string | { line: number; column: number } {
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt === undefined) return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, invalidAt - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
  const columnStart = lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : lineStart;
  // Columns count UTF-16 code units, as the YAML parser's positions do; the bytes before the fault are valid.
  return { line, column: new TextDecoder("utf-8").decode(bytes.subarray(columnStart, invalidAt)).length + 1 };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), if any. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return undefined;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a directory, not a file";
  return `cannot read file (${code ?? String(error)})`;
}
