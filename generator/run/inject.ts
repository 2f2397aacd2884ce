import type { Diagnostic } from "../diagnostics/index.js";
import { findRegions } from "../emit/markdown/inject.js";
import type { InjectTarget } from "../emit/markdown/render-injections.js";
import { readInjectFiles } from "../load/inject-targets.js";

/**
 * Reads every file to inject (each once) and finds its regions; reports unreadable files and marker errors.
 * A file with marker errors is still returned with its well-formed regions, so their ids get checked too.
 */
export async function readInjectTargets(
  files: readonly string[],
  cwd: string,
): Promise<{ targets: InjectTarget[]; diagnostics: Diagnostic[] }> {
  const results = (await readInjectFiles(files, cwd)).map((read): { target?: InjectTarget; diagnostics: readonly Diagnostic[] } => {
    if (!read.ok) return read;
    const { regions, diagnostics } = findRegions(read.source.text, read.source.file);
    return { target: { source: read.source, bom: read.source.bom, regions }, diagnostics };
  });
  return {
    targets: results.flatMap((result) => (result.target === undefined ? [] : [result.target])),
    diagnostics: results.flatMap((result) => result.diagnostics),
  };
}
