import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../generator/write/manifest.js";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const CONFIG = {
  registries: [
    { registry: "codes/a.yaml", outDir: "packages/a/src", targets: ["ts"] },
    { registry: "codes/b.yaml", outDir: "packages/b/dist", targets: ["ts", "json"], enums: false, emit: "js", module: "cjs" },
    { registry: "codes/c.yaml", outDir: "packages/a/src", targets: ["md"] },
  ],
};

async function project(): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, {
    "codebook.config.json": JSON.stringify(CONFIG, null, 2),
    "codes/a.yaml": demoRegistry({ id: "a" }),
    "codes/b.yaml": demoRegistry({ id: "b" }),
    "codes/c.yaml": demoRegistry({ id: "c" }),
    "packages/a/keep": "",
  });
  return dir;
}

describe("codebook with a config file", () => {
  it("generate with no arguments, from a folder below the config, writes every entry where the config says", async () => {
    const dir = await project();
    const run = await runCli(["generate"], path.join(dir, "packages", "a"));
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(path.join(dir, "packages/a/src"))).sort()).toEqual([".codebook-manifest.json", "a.ts", "c.map.svg", "c.md"]);
    expect((await readdir(path.join(dir, "packages/b/dist"))).sort()).toEqual([
      ".codebook-manifest.json",
      "b.d.ts",
      "b.d.ts.map",
      "b.js",
      "b.json",
    ]);
    // One manifest per folder, with a section per registry written there, each with the config as an input.
    const manifest = await readManifest(path.join(dir, "packages/a/src"));
    expect(Object.keys(manifest?.registries ?? {})).toEqual(["../../../codes/a.yaml", "../../../codes/c.yaml"]);
    for (const section of Object.values(manifest?.registries ?? {})) {
      expect(section.config).toBe("../../../codebook.config.json");
      expect(Object.keys(section.inputs)).toContain("../../../codebook.config.json");
    }
    expect(await readFile(path.join(dir, "packages/b/dist/b.js"), "utf8")).toContain("exports.isDemo = isDemo;");
    expect(run.stdout.split("\n").at(-1)).toBe("codebook: 9 written, 0 unchanged in src, ../b/dist");

    expect((await runCli(["check"], dir)).code).toBe(0);
    const again = await runCli(["generate"], dir);
    expect(again.stdout).toBe("codebook: packages/a/src, packages/b/dist up to date");
  });

  it("regenerates when the config changes, and removes what an entry dropped from the config produced", async () => {
    const dir = await project();
    expect((await runCli(["generate"], dir)).code).toBe(0);
    await writeFile(path.join(dir, "codebook.config.json"), JSON.stringify({ registries: CONFIG.registries.slice(0, 2) }));
    const check = await runCli(["check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("packages/a/src/c.md: orphaned");
    const run = await runCli(["generate"], dir);
    expect(run.stdout).toContain("removed packages/a/src/c.md");
    expect((await readdir(path.join(dir, "packages/a/src"))).sort()).toEqual([".codebook-manifest.json", "a.ts"]);
  });

  it("--config names a config file; registry arguments and --no-config bypass it", async () => {
    const dir = await project();
    await writeTree(dir, { "elsewhere/codebook.config.yaml": "registries:\n  - registry: ../codes/a.yaml\n    targets: [json]\n" });
    expect((await runCli(["generate", "--config", "elsewhere/codebook.config.yaml"], dir)).code).toBe(0);
    expect(await readdir(path.join(dir, "elsewhere/generated"))).toEqual([".codebook-manifest.json", "a.json"]);
    expect((await runCli(["generate", "codes/b.yaml", "--out", "direct", "--no-enums"], dir)).code).toBe(0);
    expect((await readdir(path.join(dir, "direct"))).sort()).toEqual([
      ".codebook-manifest.json",
      "b.json",
      "b.map.svg",
      "b.md",
      "b.ts",
      "formatjs",
      "gettext",
      "i18next",
    ]);
    expect((await runCli(["generate", "--no-config", "--out", "default", "-q"], dir)).code).toBe(0);
    expect((await readdir(path.join(dir, "default"))).sort()).toEqual(
      expect.arrayContaining([
        ".codebook-manifest.json",
        "close-codes.json",
        "close-codes.md",
        "close-codes.de.md",
        "close-codes.ts",
        "i18next",
      ]),
    );
  });

  it("validate with no arguments validates the config and its registries", async () => {
    const dir = await project();
    expect(await runCli(["validate"], dir)).toEqual({ code: 0, stdout: "codebook: the config and its registries are valid", stderr: "" });
    await writeFile(path.join(dir, "codes/b.yaml"), demoRegistry({ id: "b" }).replace("name: Two", "name: two"));
    const run = await runCli(["validate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^codes\/b\.yaml:12:11: error: "two" is not a valid name/);
  });

  it.each([
    {
      args: ["generate", "--out", "x"],
      message: "--out cannot be combined with the config file codebook.config.json: set it there, name registries, or pass --no-config",
    },
    {
      args: ["check", "--no-enums", "--emit", "js"],
      message: "--no-enums, --emit cannot be combined with the config file codebook.config.json",
    },
    {
      args: ["generate", "codes/a.yaml", "--config", "codebook.config.json"],
      message: "--config cannot be combined with registry arguments",
    },
    { args: ["generate", "--config", "x.json", "--no-config"], message: "--config and --no-config exclude each other" },
    { args: ["generate", "--emit", "wasm", "--no-config"], message: '--emit must be one of ts, js, not "wasm"' },
    { args: ["check", "--watch"], message: "--watch does not apply to check; it belongs to generate" },
  ])("exits 2 for $args", async ({ args, message }) => {
    const run = await runCli(args, await project());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("reports an invalid config with located errors, exit 1, and writes nothing", async () => {
    const dir = await project();
    await writeFile(path.join(dir, "codebook.config.json"), '{\n  "registries": [{ "registry": "codes/a.yaml", "targets": ["tsx"] }]\n}\n');
    const run = await runCli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'codebook.config.json:2:60: error: unknown target "tsx" (use one of ts, json, md, i18next, formatjs, gettext)\ncodebook: 1 error; nothing was written',
    );
    expect(await readdir(path.join(dir, "packages/a"))).toEqual(["keep"]);
  });
});
