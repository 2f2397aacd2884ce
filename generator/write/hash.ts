import { hash } from "node:crypto";

/**
 * The hash codebook records for a file's contents: `sha256-` and 64 hex digits. One call of `crypto.hash` (every
 * Node.js that `engines` allows has it), without the Hash object `createHash` builds for each file: the no-op
 * proof hashes every input and output of a run.
 */
export function hashContents(contents: string | Uint8Array): string {
  return `sha256-${hash("sha256", contents, "hex")}`;
}
