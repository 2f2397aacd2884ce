import { createHash } from "node:crypto";

/** The hash codebook records for a file's contents: `sha256-` and 64 hex digits. */
export function hashContents(contents: string | Uint8Array): string {
  return `sha256-${createHash("sha256").update(contents).digest("hex")}`;
}
