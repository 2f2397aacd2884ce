import type { Result } from "../diagnostics/index.js";
import { describeMisplacedFile } from "./file-kind.js";
import { readSourceFile } from "./source-file.js";
import { type ParsedYaml, parseYaml } from "./yaml-document.js";

/**
 * Reads and parses one registry file, refusing a file that is plainly another kind of input (a locale file or a
 * config given as a registry). Validation and resolution are the next stages' (see `model/load-model.ts`).
 */
export async function readRegistryFile(file: string, cwd: string): Promise<Result<{ readonly parsed: ParsedYaml }>> {
  const read = await readSourceFile(file, cwd);
  if (!read.ok) return read;
  const parse = parseYaml(read.source);
  if (!parse.ok) return parse;
  const misplaced = describeMisplacedFile(parse.parsed, "registry");
  if (misplaced !== undefined) return { ok: false, diagnostics: [misplaced] };
  return { ok: true, parsed: parse.parsed };
}
