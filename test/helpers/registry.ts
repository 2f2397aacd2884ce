import path from "node:path";
import type { GeneratedFile } from "../../generator/emit/types.js";
import { loadRegistry } from "../../generator/index.js";
import type { Registry } from "../../generator/model/registry.js";
import { renderRegistry } from "../../generator/run/render.js";
import { tempDir, writeTree } from "./temp.js";

/** Writes `files` to a fresh folder and loads `registry.yaml` from it (with its locale files). */
export async function loadFixture(files: Readonly<Record<string, string>>): Promise<{ dir: string; registry: Registry }> {
  const dir = await tempDir();
  await writeTree(dir, files);
  return { dir, registry: await loadRegistry(path.join(dir, "registry.yaml"), { cwd: dir }) };
}

/** Every file generated for `registry` into `<dir>/out`. */
export function renderAll(registry: Registry, dir: string): Promise<GeneratedFile[]> {
  return renderRegistry(registry, { outDir: path.join(dir, "out") });
}
