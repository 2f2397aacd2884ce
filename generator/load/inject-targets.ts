import path from "node:path";
import type { Result } from "../diagnostics/index.js";
import { readSourceFile, type SourceFile } from "./source-file.js";

/**
 * Reads every Markdown file to inject into, each once (by absolute path), in the order they are first named; an
 * unreadable file's result carries its diagnostic.
 */
export async function readInjectFiles(files: readonly string[], cwd: string): Promise<Result<{ readonly source: SourceFile }>[]> {
  const unique = [...new Set(files.map((file) => path.resolve(cwd, file)))];
  return Promise.all(unique.map((file) => readSourceFile(file, cwd)));
}
