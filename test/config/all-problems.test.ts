import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * Four problems that do not depend on each other: an unknown target and an unknown key in the config, a registry
 * with a duplicate code, a registry file that does not exist, and an injected file with a bad marker.
 */
const CONFIG = `{
  "registries": [
    { "registry": "codes.yaml", "targets": ["ts", "tsx"], "colour": "blue" },
    { "registry": "missing.yaml" }
  ],
  "inject": ["DOCS.md"]
}
`;
const DOCS = "# Docs\n\n<!-- codebook:start demo nonsense -->\n<!-- codebook:end demo -->\n";

async function project(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, {
    "codebook.config.json": CONFIG,
    "codes.yaml": demoRegistry().replace("code: 2", "code: 1"),
    "DOCS.md": DOCS,
    ...files,
  });
  return dir;
}

const CONFIG_PROBLEMS = [
  'codebook.config.json:3:59: error: unknown key "colour" (allowed: registry, outDir, targets, enums, emit, module, codeMap, templates)',
  'codebook.config.json:3:51: error: unknown target "tsx" (use one of ts, json, md, i18next, formatjs, gettext)',
];

describe("one run reports the problems of every phase at once", () => {
  it.each(["generate", "check"])("%s: the config's, the registry's, the missing file's and the marker's", async (command) => {
    const dir = await project();
    const run = await runCli([command], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines).toEqual(expect.arrayContaining(CONFIG_PROBLEMS));
    expect(lines).toContainEqual(
      expect.stringMatching(/^codebook\.config\.json:4:19: error: registry file "missing\.yaml" does not exist/),
    );
    expect(lines).toContain("codes.yaml:11:11: error: duplicate code 1 (first defined at 8:11)");
    expect(lines).toContain('DOCS.md:3:26: error: unknown table "nonsense" (known: ranges, codes)');
    expect(lines.at(-1)).toMatch(/^codebook: 5 errors; /);
    expect((await readdir(dir)).sort()).toEqual(["DOCS.md", "codebook.config.json", "codes.yaml"]);
  });

  it("validate: the config's and the registry's", async () => {
    const run = await runCli(["validate"], await project());
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").at(-1)).toBe("codebook: 4 errors");
    expect(run.stderr).toContain("codes.yaml:11:11: error: duplicate code 1");
  });

  it("i18n: the config's and the registry's", async () => {
    const run = await runCli(["i18n"], await project());
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").at(-1)).toBe("codebook: 4 errors");
  });

  it("a config that is not even valid JSON, with the marker of a file injected from the command line", async () => {
    const dir = await project({ "codebook.config.json": '{ "registries": [ }\n' });
    const run = await runCli(["generate", "--inject", "DOCS.md"], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^codebook\.config\.json:1:\d+: error: /));
    expect(lines).toContain('DOCS.md:3:26: error: unknown table "nonsense" (known: ranges, codes)');
    expect(lines.at(-1)).toMatch(/^codebook: [23] errors; nothing was written$/);
  });

  it("once the config is fixed, the same run generates", async () => {
    const dir = await project({
      "codebook.config.json": JSON.stringify({ registries: [{ registry: "codes.yaml", targets: ["ts"] }] }),
      "codes.yaml": demoRegistry(),
    });
    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
  });
});
