import path from "node:path";
import type { Result } from "../diagnostics/index.js";
import { readInputBytes } from "./checked-read.js";

export { type BytesResult, checkInputFile, MAX_SOURCE_BYTES, type ReadProblem, readInputBytes } from "./checked-read.js";

/** The text of one input file, with the name diagnostics use for it. */
export interface SourceFile {
  /** The path diagnostics print: relative to the working directory, with `/` separators. */
  readonly file: string;
  /** The absolute path. */
  readonly path: string;
  /** The text, without a byte-order mark. */
  readonly text: string;
  /** The file started with a UTF-8 byte-order mark (which `text` does not hold). */
  readonly bom: boolean;
}

/** The name a diagnostic prints for `absolutePath`: relative to `cwd` when below it, with `/` separators. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join("/");
}

/**
 * Reads an input file as UTF-8 text through {@link readInputBytes}. Refuses what is not a regular file, files over
 * {@link MAX_SOURCE_BYTES} and files that are not valid UTF-8, with a located diagnostic; strips a byte-order mark
 * (and says whether there was one).
 */
export async function readSourceFile(filePath: string, cwd: string): Promise<Result<{ readonly source: SourceFile }>> {
  const absolute = path.resolve(cwd, filePath);
  const file = displayPath(absolute, cwd);
  const read = readInputBytes(absolute);
  if (!read.ok)
    return {
      ok: false,
      diagnostics: [{ file, line: 1, column: 1, code: read.code === "missing" ? "unreadable" : read.code, message: read.message }],
    };
  const { bytes } = read;
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== "string") {
    const message = "file is not valid UTF-8 text (the first invalid byte is here); save it as UTF-8";
    return { ok: false, diagnostics: [{ file, line: decoded.line, column: decoded.column, code: "not-utf8", message }] };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, source: { file, path: absolute, text: decoded, bom } };
}

function decodeUtf8(bytes: Buffer): string | { line: number; column: number } {
  // The native decoder refuses what firstInvalidUtf8 finds; the byte-by-byte scan runs only to locate the fault.
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    if (firstInvalidUtf8(bytes) === undefined) throw error;
  }
  const invalidAt = firstInvalidUtf8(bytes)!;
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
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return undefined;
}
