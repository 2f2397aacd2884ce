import { existsSync, readdirSync } from "node:fs";
import { cp, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, MANIFEST_FILE } from "../generator/index.js";
import { repoRoot } from "./helpers/paths.js";
import { tempDir } from "./helpers/temp.js";

/**
 * Golden fixtures, one folder per output form (the model is ts-proto's `integration/<case>/`): `test/fixtures/<case>/`
 * is a small project, a `codebook.config.json` with its registries (and templates), whose config writes into
 * `expected/`. The test copies the project without `expected/` to a temporary folder, runs `generate` there through
 * the public API and requires the output folder to hold exactly the files of `expected/`, byte for byte.
 *
 * To accept an intended change: `UPDATE_GOLDENS=1 npx vitest run test/golden-fixtures.test.ts`, then review the diff.
 */
const fixtures = path.join(repoRoot, "test", "fixtures");
const update = process.env.UPDATE_GOLDENS === "1";

/** The output folder every case's config names. */
const EXPECTED = "expected";

const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(fixtures, entry.name, "codebook.config.json")))
  .map((entry) => entry.name)
  .sort();

/**
 * Every file below `root`, as sorted `/`-separated relative paths. The manifest is write/'s bookkeeping (input
 * hashes and the generator's version), not an output form, and its own tests cover it: a golden of it would change
 * with every release.
 */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => file !== MANIFEST_FILE)
    .sort();
}

/** Replaces the case's goldens with what `generate` wrote (the manifest left out). */
async function acceptOutput(output: string, golden: string): Promise<void> {
  await rm(golden, { recursive: true, force: true });
  await cp(output, golden, { recursive: true, filter: (source) => path.basename(source) !== MANIFEST_FILE });
}

describe("golden fixtures", () => {
  it("finds a case for every output form that has no other golden", () => {
    expect(cases).toEqual(expect.arrayContaining(["custom-templates", "extends", "icu", "js-cjs", "js-esm", "no-enums"]));
  });

  it.each(cases)("%s: generate writes exactly the files of expected/", async (name) => {
    const project = path.join(fixtures, name);
    const golden = path.join(project, EXPECTED);
    const dir = await tempDir();
    await cp(project, dir, { recursive: true, filter: (source) => source !== golden });
    const result = await generate({ cwd: dir, config: "codebook.config.json" });
    const output = path.join(dir, EXPECTED);
    expect(result.outDirs).toEqual([output]);
    if (update) await acceptOutput(output, golden);

    const files = await listFiles(output);
    expect(files, "the files generated (left) against the files of expected/ (right)").toEqual(await listFiles(golden));
    for (const file of files) {
      const [actual, expected] = await Promise.all([readFile(path.join(output, file)), readFile(path.join(golden, file))]);
      // The text first, for a readable diff; then the bytes, which a lossy decoding could hide.
      expect(actual.toString("utf8"), file).toBe(expected.toString("utf8"));
      expect(actual.equals(expected), `${file}: the bytes differ`).toBe(true);
    }
  });
});
