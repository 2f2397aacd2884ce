import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plural } from "../../generator/emit/ts/names.js";
import { loadRegistry, renderRegistry } from "../../generator/index.js";
import { defaultRegistry, repoRoot } from "../helpers/paths.js";

// Golden files: to accept intended changes, run `npx vitest run test/emit/golden.test.ts -u` (fixtures) and
// `npm run generate` (generated/), then review the diff.

describe("golden output", () => {
  it("matches test/fixtures/basic/expected for a small registry using every feature", async () => {
    const folder = path.join(repoRoot, "test", "fixtures", "basic");
    const outDir = path.join(folder, "expected");
    const registry = await loadRegistry(path.join(folder, "registry.yaml"));
    const files = await renderRegistry(registry, { outDir });
    expect(files.map((file) => file.path).sort()).toMatchSnapshot();
    for (const file of files) await expect(file.contents).toMatchFileSnapshot(path.join(outDir, file.path));
  });

  it("generated/ holds exactly what the default registry generates (run `npm run generate` when this fails)", async () => {
    const outDir = path.join(repoRoot, "generated");
    const files = await renderRegistry(await loadRegistry(defaultRegistry), { outDir });
    for (const file of files) {
      expect(await readFile(path.join(outDir, file.path), "utf8"), file.path).toBe(file.contents);
    }
  });
});

describe("names derived from the registry's type", () => {
  it.each([
    ["CloseCode", "CloseCodes"],
    ["HttpStatus", "HttpStatuses"],
    ["Category", "Categories"],
    ["Key", "Keys"],
    ["Box", "Boxes"],
    ["Match", "Matches"],
  ])("names the as-const object of %s %s", (type, expected) => {
    expect(plural(type)).toBe(expected);
  });
});
