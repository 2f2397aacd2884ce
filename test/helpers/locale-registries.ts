import { writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { loadRegistry, type Registry } from "../../generator/index.js";
import { loadMarkdownTemplates } from "../../generator/load/load-templates.js";
import type { MarkdownTemplates } from "../../generator/load/templates/template-set.js";
import { bigRegistry } from "./big-registry.js";
import { hostileRegistry } from "./hostile.js";
import { defaultRegistry, repoRoot } from "./paths.js";
import { tempDir } from "./temp.js";

/**
 * The built-in templates and registries in several locales whose pages differ in every way the emitters share work
 * across locales: the default registry (eight locales), the hostile one, one of over 400 runs of codes (the map's
 * axis no longer cuts at each, and narrow marks merge), the fields fixture (a labelled field of each kind) and the
 * basic fixture.
 */
export async function loadLocaleRegistries(): Promise<{ templates: MarkdownTemplates; registries: Registry[] }> {
  const loaded = await loadMarkdownTemplates(undefined, repoRoot);
  if (!loaded.ok) throw new Error("the built-in templates do not load");
  const dir = await tempDir();
  await writeFile(path.join(dir, "hostile.yaml"), stringify(hostileRegistry()));
  await writeFile(path.join(dir, "big.yaml"), bigRegistry("1", 1200));
  const files = [
    defaultRegistry,
    path.join(dir, "hostile.yaml"),
    path.join(dir, "big.yaml"),
    path.join(repoRoot, "test/fixtures/fields/registry.yaml"),
    path.join(repoRoot, "test/fixtures/basic/registry.yaml"),
  ];
  const registries: Registry[] = [];
  for (const file of files) registries.push(await loadRegistry(file));
  return { templates: loaded.templates, registries };
}
