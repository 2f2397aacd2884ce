import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listInputs } from "../../generator/index.js";
import { runCli } from "../helpers/cli.js";
import { manifestFiles } from "../helpers/manifest-files.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

describe("codebook inputs", () => {
  it("--json lists exactly the files the manifests of the repository's own config record, and the injected files", async () => {
    const config = JSON.parse(await readFile(path.join(repoRoot, "codebook.config.json"), "utf8")) as {
      registries: { outDir: string }[];
      inject: string[];
    };
    const recorded = await manifestFiles(
      repoRoot,
      config.registries.map((entry) => entry.outDir),
    );
    const { code, stdout } = await runCli(["inputs", "--json"], repoRoot);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      inputs: [...recorded.inputs, ...config.inject].sort(),
      outputs: [...recorded.files, ...config.inject].sort(),
    });
  });

  it("lists the templates folder as a folder input, writes nothing, and prints two lists without --json", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "codes.yaml": "id: codes\ntype: Code\nlocales: [en]\ncodes:\n  - { code: 1, name: One, description: One. }\n",
      "templates/page.md": "{{ notice }}\n\n# {{ title }}\n",
      "codebook.config.json": JSON.stringify({
        registries: [{ registry: "codes.yaml", outDir: "out", targets: ["md"], templates: "templates" }],
      }),
    });
    const files = await listInputs({ cwd: dir, config: true });
    expect(files.outputs).toEqual([path.join(dir, "out", ".codebook-manifest.json"), path.join(dir, "out", "codes.md")]);
    expect(files.inputs).toEqual(
      expect.arrayContaining([
        path.join(dir, "codebook.config.json"),
        path.join(dir, "codes.yaml"),
        `${path.join(dir, "templates")}${path.sep}`,
      ]),
    );
    const { code, stdout } = await runCli(["inputs"], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "inputs:",
        "  codebook.config.json",
        "  codes.yaml",
        "  templates/",
        "  templates/locales/",
        "  templates/page.md",
        "outputs:",
        "  out/.codebook-manifest.json",
        "  out/codes.md",
      ].join("\n"),
    );
    await expect(readFile(path.join(dir, "out", "codes.md"))).rejects.toThrow();
  });

  it("reports an invalid registry at its line and exits 1", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": "id: codes\ntype: Code\nlocales: [en]\ncodes:\n  - { code: 1, name: one, description: One. }\n" });
    const { code, stderr } = await runCli(["inputs", "codes.yaml"], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('codes.yaml:5:22: error: "one" is not a valid name');
  });
});
