import { mkdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { importTypeScript } from "../helpers/module.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** The first YAML block of a README section, exactly as written there. */
async function readmeExample(heading: string): Promise<string> {
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (block === null || !section.startsWith(`\n${heading}\n`)) throw new Error(`README.md has no YAML example under ${heading}`);
  return block[1]!;
}

describe('the README\'s "Extending a registry" example', () => {
  it("generates as written, in a project with codebook installed, holding only the locales it lists", async () => {
    const yaml = await readmeExample("## Extending a registry");
    const dir = await tempDir();
    await writeTree(dir, { "app.yaml": yaml, "package.json": JSON.stringify({ name: "app", private: true }) });
    await mkdir(path.join(dir, "node_modules"));
    await symlink(repoRoot, path.join(dir, "node_modules", "codebook"), "dir");
    const result = await generate({ registries: ["app.yaml"], cwd: dir, outDir: "out" });
    const written = result.written.map((file) => path.relative(path.join(dir, "out"), file).split(path.sep).join("/")).sort();
    expect(written.filter((file) => file.startsWith("i18next/"))).toEqual([
      "i18next/de/app-close-codes.json",
      "i18next/en/app-close-codes.json",
    ]);
    expect(written).toContain("app-close-codes.de.md");
    expect(written).not.toContain("app-close-codes.fr.md");
    const module = await importTypeScript(dir, "app", await readFile(path.join(dir, "out", "app-close-codes.ts"), "utf8"));
    expect(module.closeCodeLocales).toEqual(["en", "de"]);
    const describe = module.describeCloseCode as (code: number, locale?: string) => string;
    expect(describe(4001, "de")).toBe("Ihre Sitzung ist abgelaufen.");
    expect(describe(1000, "de")).toMatch(/^Normales Schließen;/);
    expect((module.isSignInCloseCode as (code: number) => boolean)(3000)).toBe(true);
  });
});
