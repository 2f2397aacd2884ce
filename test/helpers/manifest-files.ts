import { readFile } from "node:fs/promises";
import path from "node:path";

/** What the manifests of some output folders record: every input and every file, relative to `cwd` with `/`. */
export async function manifestFiles(cwd: string, outDirs: readonly string[]): Promise<{ inputs: string[]; files: string[] }> {
  const inputs = new Set<string>();
  const files = new Set<string>();
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join("/");
  for (const outDir of outDirs) {
    const folder = path.resolve(cwd, outDir);
    const manifestFile = path.join(folder, ".codebook-manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as {
      registries: Record<string, { inputs: Record<string, string>; files: Record<string, string> }>;
    };
    files.add(shown(manifestFile));
    for (const section of Object.values(manifest.registries)) {
      for (const input of Object.keys(section.inputs)) inputs.add(`${shown(path.resolve(folder, input))}${input.endsWith("/") ? "/" : ""}`);
      for (const file of Object.keys(section.files)) files.add(shown(path.resolve(folder, file)));
    }
  }
  return { inputs: [...inputs].sort(), files: [...files].sort() };
}
