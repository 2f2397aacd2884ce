import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const run = promisify(execFile);

describe("npm run build starts from an empty dist/", () => {
  it("removes compiled modules whose source is gone, so npm pack never ships them, and leaves the benchmark's build", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "dist/generator/write/write-files.js": "export {};\n",
      "dist/generator/index.js": "export {};\n",
      "dist/generated/close-codes.js": "export {};\n",
      "dist/bench/run.js": "export {};\n",
    });
    await run(process.execPath, [path.join(repoRoot, "scripts", "clean-dist.mjs"), dir]);
    expect(existsSync(path.join(dir, "dist/generator"))).toBe(false);
    expect(existsSync(path.join(dir, "dist/generated"))).toBe(false);
    expect(existsSync(path.join(dir, "dist/bench/run.js"))).toBe(true);
  });
});
