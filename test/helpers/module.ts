import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";

/** Compiles generated TypeScript to an ES module in `dir` and imports it, so tests can run what was generated. */
export async function importTypeScript(dir: string, name: string, source: string): Promise<Record<string, unknown>> {
  const { code } = await transform(source, { loader: "ts", format: "esm", target: "es2022" });
  const file = path.join(dir, `${name}.mjs`);
  await writeFile(file, code);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
