import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { tempDir, writeTree } from "./helpers/temp.js";

/** The path a YAML file's `# yaml-language-server: $schema=…` line names, resolved from the file's folder. */
async function schemaOf(file: string): Promise<string> {
  const line = (await readFile(file, "utf8")).split("\n")[0]!;
  expect(line).toMatch(/^# yaml-language-server: \$schema=\S+$/);
  return path.resolve(path.dirname(file), line.slice(line.indexOf("=") + 1));
}

/** A project where codebook is installed as npm installs it: enough of the package for the `$schema` paths. */
async function installedProject(): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, {
    "package.json": '{ "name": "my-app", "private": true }\n',
    "node_modules/codebook/package.json": '{ "name": "codebook" }\n',
    "node_modules/codebook/schema/registry.schema.json": "{}\n",
    "node_modules/codebook/schema/config.schema.json": "{}\n",
  });
  return dir;
}

describe("codebook init", () => {
  it("writes a starter registry and a config, and prints the next two commands, which work", async () => {
    const dir = await installedProject();
    const run = await runCli(["init"], dir);
    expect(run).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "wrote app-errors.yaml",
        "wrote codebook.config.json",
        "Next:",
        "  npx codebook generate   # writes the generated files into src/generated/",
        "  npx codebook check      # in CI: exit 1 when a generated file is out of date",
      ].join("\n"),
    });
    expect(JSON.parse(await readFile(path.join(dir, "codebook.config.json"), "utf8"))).toEqual({
      $schema: "./node_modules/codebook/schema/config.schema.json",
      registries: [{ registry: "app-errors.yaml", outDir: "src/generated", targets: ["ts", "md"] }],
    });
    expect(await schemaOf(path.join(dir, "app-errors.yaml"))).toBe(path.join(dir, "node_modules/codebook/schema/registry.schema.json"));
    expect((await readFile(path.join(dir, "app-errors.yaml"), "utf8")).split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./node_modules/codebook/schema/registry.schema.json",
    );

    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
    expect((await readdir(path.join(dir, "src/generated"))).sort()).toEqual([
      ".codebook-manifest.json",
      "app-errors.map.svg",
      "app-errors.md",
      "app-errors.ts",
    ]);
    expect(await readFile(path.join(dir, "src/generated/app-errors.ts"), "utf8")).toContain("export enum AppError {");
    expect(await runCli(["check"], dir)).toMatchObject({ code: 0, stdout: "codebook: 4 generated files are current" });
    expect((await runCli(["i18n", "--strict", "-q"], dir)).code).toBe(0);
  });

  it("names the registry after its file, takes --out and --targets, and points $schema at the hoisted package", async () => {
    const root = await installedProject();
    const dir = path.join(root, "packages", "api");
    await writeTree(dir, { "package.json": '{ "name": "api" }\n' });
    const run = await runCli(["init", "codes/HttpFailures.yaml", "--out", "lib/codes", "--targets", "ts,json"], dir);
    expect(run.code, run.stderr).toBe(0);
    const registry = await readFile(path.join(dir, "codes/HttpFailures.yaml"), "utf8");
    expect(registry).toMatch(/^id: http-failures$/m);
    expect(registry).toMatch(/^type: HttpFailures$/m);
    expect(await schemaOf(path.join(dir, "codes/HttpFailures.yaml"))).toBe(
      path.join(root, "node_modules/codebook/schema/registry.schema.json"),
    );
    const config = JSON.parse(await readFile(path.join(dir, "codebook.config.json"), "utf8")) as { $schema: string; registries: unknown };
    expect(config.$schema).toBe("../../node_modules/codebook/schema/config.schema.json");
    expect(config.registries).toEqual([{ registry: "codes/HttpFailures.yaml", outDir: "lib/codes", targets: ["ts", "json"] }]);
    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
    expect((await readdir(path.join(dir, "lib/codes"))).sort()).toEqual([
      ".codebook-manifest.json",
      "http-failures.json",
      "http-failures.ts",
    ]);
  });

  it("before codebook is installed, names the place npm will install it", async () => {
    const dir = await tempDir();
    expect((await runCli(["init", "-q"], dir)).code).toBe(0);
    expect(await schemaOf(path.join(dir, "app-errors.yaml"))).toBe(path.join(dir, "node_modules/codebook/schema/registry.schema.json"));
  });

  it.each([
    [{ "app-errors.yaml": "mine\n" }, "app-errors.yaml already exists"],
    [{ "codebook.config.json": "{}\n" }, "codebook.config.json already exists"],
    [{ "codebook.config.yaml": "registries: []\n", "app-errors.yaml": "mine\n" }, "app-errors.yaml, codebook.config.yaml already exist"],
  ])("refuses to overwrite anything: %j", async (files, message) => {
    const dir = await tempDir();
    await writeTree(dir, files);
    const run = await runCli(["init"], dir);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `codebook: ${message}; init never overwrites a file, so nothing was written` });
    expect((await readdir(dir)).sort()).toEqual(Object.keys(files).sort());
    for (const [name, contents] of Object.entries(files)) expect(await readFile(path.join(dir, name), "utf8")).toBe(contents);
    expect(existsSync(path.join(dir, "src"))).toBe(false);
  });

  it.each([
    [["init", "a.yaml", "b.yaml"], "codebook: init takes at most one REGISTRY.yaml: the starter registry's file name"],
    [
      ["init", "--targets", "ts,tsx"],
      'codebook: --targets: "tsx" is not one of ts, json, md, i18next, formatjs, gettext (did you mean "ts"?)',
    ],
    [
      ["init", "--config", "x.json"],
      "codebook: --config does not apply to init; it belongs to generate, check, validate, inputs, i18n, diff and next",
    ],
  ])("%j is a usage error", async (args, message) => {
    const dir = await tempDir();
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(await readdir(dir)).toEqual([]);
  });
});
