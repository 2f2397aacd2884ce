import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { tscPath } from "./paths.js";
import { writeTree } from "./temp.js";

const run = promisify(execFile);

/** The strictest consumer's compiler flags: what generated code must compile under. */
export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
} as const;

export interface CompileResult {
  readonly ok: boolean;
  /** tsc's diagnostics, one per line. */
  readonly output: string;
}

/**
 * Type-checks `files` (relative path → source) in `dir` with the strict flags, plus `extra` options.
 * Resolves with tsc's verdict instead of throwing.
 */
export async function compileStrict(
  dir: string,
  files: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<CompileResult> {
  await writeTree(dir, { "package.json": JSON.stringify({ type: "module" }), ...files });
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...STRICT_COMPILER_OPTIONS, ...extra }, include: Object.keys(files) }, null, 2),
  );
  try {
    const { stdout } = await run(process.execPath, [tscPath, "-p", dir], { cwd: dir });
    return { ok: true, output: stdout };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}
