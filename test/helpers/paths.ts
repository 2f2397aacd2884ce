import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The built CLI (tests that need a real process use it; `npm test` builds first). */
export const cliPath = path.join(repoRoot, "bin", "codebook.js");

/** The TypeScript compiler of the project. */
export const tscPath = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export const defaultRegistry = path.join(repoRoot, "schema", "close-codes.yaml");
