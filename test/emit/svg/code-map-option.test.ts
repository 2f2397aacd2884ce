import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry, renderRegistry } from "../../../generator/index.js";
import { runCli } from "../../helpers/cli.js";
import { readBlocks } from "../../helpers/gfm.js";
import { demoRegistry } from "../../helpers/registries.js";
import { tempDir, writeTree } from "../../helpers/temp.js";

/** A config of one entry writing the Markdown pages into out/, with the given `codeMap` (left out when undefined). */
function config(codeMap?: boolean): string {
  return JSON.stringify({
    registries: [{ registry: "codes.yaml", outDir: "out", targets: ["md"], ...(codeMap === undefined ? {} : { codeMap }) }],
  });
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, "out"))).sort();
}

describe("the code map option", () => {
  it("is on by default; codeMap: false in a config entry writes the pages without the map, and no SVG", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry(), "codebook.config.json": config() });
    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
    expect(await listing(dir)).toEqual([".codebook-manifest.json", "demo.map.svg", "demo.md"]);
    expect(readBlocks(await readFile(path.join(dir, "out", "demo.md"), "utf8"))).toContain(
      "image: Map of Demo codes (0–9007199254740991). Ranges: Low 1–99. Codes (2): 1–2.",
    );

    await writeFile(path.join(dir, "codebook.config.json"), config(false));
    expect(await runCli(["check"], dir)).toMatchObject({ code: 1 });
    const run = await runCli(["generate"], dir);
    expect(run.stdout.split("\n")).toEqual([
      "wrote out/demo.md",
      "wrote out/.codebook-manifest.json",
      "removed out/demo.map.svg",
      "codebook: 2 written, 0 unchanged, 1 removed in out",
    ]);
    expect(await listing(dir)).toEqual([".codebook-manifest.json", "demo.md"]);
    const blocks = readBlocks(await readFile(path.join(dir, "out", "demo.md"), "utf8"));
    expect(blocks.filter((block) => block.startsWith("image"))).toEqual([]);
    expect(blocks.slice(0, 3)).toEqual(["html_block", "heading: Demo codes", "heading: Ranges"]);
    expect(await runCli(["check"], dir)).toMatchObject({ code: 0, stdout: "codebook: 2 generated files are current" });

    await writeFile(path.join(dir, "codebook.config.json"), config(true));
    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
    expect(await listing(dir)).toEqual([".codebook-manifest.json", "demo.map.svg", "demo.md"]);
  });

  it("is --no-code-map on the command line, a shaping flag a config sets instead", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    expect((await runCli(["generate", "codes.yaml", "--out", "out", "--targets", "md", "--no-code-map", "-q"], dir)).code).toBe(0);
    expect(await listing(dir)).toEqual([".codebook-manifest.json", "demo.md"]);
    expect((await runCli(["check", "codes.yaml", "--out", "out", "--targets", "md", "--no-code-map"], dir)).code).toBe(0);
    await writeFile(path.join(dir, "codebook.config.json"), config());
    const refused = await runCli(["generate", "--no-code-map"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--no-code-map cannot be combined with the config file codebook.config.json");
  });

  it("is codeMap: false in the API, and a config entry's value must be a boolean", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry() });
    const registry = await loadRegistry(path.join(dir, "codes.yaml"));
    const files = await renderRegistry(registry, { outDir: dir, targets: ["md"], codeMap: false });
    expect(files.map((file) => file.path)).toEqual(["demo.md"]);
    expect(files[0]!.contents).not.toContain("demo.map.svg");

    await writeFile(path.join(dir, "codebook.config.json"), config().replace('"targets"', '"codeMap": "no", "targets"'));
    const run = await runCli(["generate"], dir);
    expect(run.code).toBe(1);
    const at = config().indexOf('"targets"') + 1 + '"codeMap": '.length;
    expect(run.stderr.split("\n")).toEqual([
      `codebook.config.json:1:${at}: error: must be true or false, not the string "no"`,
      "codebook: 1 error; nothing was written",
    ]);
  });
});
