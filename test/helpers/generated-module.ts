import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { GeneratedFile } from "../../generator/emit/types.js";
import { tempDir } from "./temp.js";

/** The part of a generated module the tests call (names of the default registry's module). */
export interface DescribeModule {
  readonly [name: string]: unknown;
}

/** The file at `file` among the generated files; fails the test when it is absent. */
export function fileAt(files: readonly GeneratedFile[], file: string): string {
  const found = files.find((candidate) => candidate.path === file);
  if (found === undefined) throw new Error(`no generated file ${file} (have ${files.map((candidate) => candidate.path).join(", ")})`);
  return found.contents;
}

/** Transpiles a generated TypeScript module with esbuild and imports it, so the test runs what was emitted. */
export async function importModule(source: string): Promise<DescribeModule> {
  const dir = await tempDir();
  const result = await build({
    stdin: { contents: source, loader: "ts", resolveDir: dir },
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const file = path.join(dir, "module.mjs");
  await writeFile(file, result.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as DescribeModule;
}
