import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../generator/config/load-config.js";
import { DiagnosticError, findConfigFile, formatDiagnostic, loadConfig } from "../../generator/index.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

describe("findConfigFile", () => {
  it.each([
    { case: "in the working folder", files: ["codebook.config.json"], cwd: ".", found: "codebook.config.json" },
    { case: "in a folder above", files: ["codebook.config.yaml", "a/b/keep"], cwd: "a/b", found: "codebook.config.yaml" },
    {
      case: "the nearest one",
      files: ["codebook.config.json", "a/codebook.config.yml", "a/b/keep"],
      cwd: "a/b",
      found: "a/codebook.config.yml",
    },
    {
      case: "JSON before YAML in one folder",
      files: ["codebook.config.yaml", "codebook.config.json"],
      cwd: ".",
      found: "codebook.config.json",
    },
    { case: "nothing", files: ["a/keep"], cwd: "a", found: undefined },
  ])("finds $case", async ({ files, cwd, found }) => {
    const dir = await tempDir();
    await writeTree(dir, Object.fromEntries(files.map((file) => [file, "{}"])));
    expect(await findConfigFile(path.join(dir, cwd))).toBe(found === undefined ? undefined : path.join(dir, found));
  });
});

describe("loadConfig", () => {
  it("resolves every path against the config file's folder and fills the defaults", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "tools/codebook.config.yaml": [
        "registries:",
        "  - registry: ../codes/a.yaml",
        "  - registry: ../codes/b.yaml",
        "    outDir: ../packages/codes/src",
        "    targets: [ts]",
        "    enums: false",
        "    emit: js",
        "    module: cjs",
        "",
      ].join("\n"),
      "codes/a.yaml": demoRegistry({ id: "a" }),
      "codes/b.yaml": demoRegistry({ id: "b" }),
    });
    const config = await loadConfig("tools/codebook.config.yaml", { cwd: dir });
    expect(config.file).toBe(path.join(dir, "tools/codebook.config.yaml"));
    expect(config.entries).toEqual([
      {
        registries: [path.join(dir, "codes/a.yaml")],
        outDir: path.join(dir, "tools/generated"),
        location: { file: "tools/codebook.config.yaml", line: 2, column: 5 },
      },
      {
        registries: [path.join(dir, "codes/b.yaml")],
        outDir: path.join(dir, "packages/codes/src"),
        targets: ["ts"],
        enums: false,
        module: "cjs",
        emit: "js",
        location: { file: "tools/codebook.config.yaml", line: 3, column: 5 },
      },
    ]);
  });

  it("leaves a run's entries to be located when a diagnostic asks, at the place loadConfig gives", async () => {
    const dir = await tempDir();
    const config = { registries: [{ registry: "a.yaml" }, { registry: "b.yaml", outDir: "gen" }] };
    await writeTree(dir, {
      "codebook.config.json": `${JSON.stringify(config, null, 2)}\n`,
      "a.yaml": demoRegistry({ id: "a" }),
      "b.yaml": demoRegistry({ id: "b" }),
    });
    const { config: read, diagnostics } = await readConfig("codebook.config.json", { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(read?.entries.map((entry) => Object.hasOwn(entry, "location"))).toEqual([false, false]);
    const located = read?.entries.map((entry) => entry.locate?.());
    expect(located).toEqual([
      { file: "codebook.config.json", line: 3, column: 5 },
      { file: "codebook.config.json", line: 6, column: 5 },
    ]);
    const loaded = await loadConfig("codebook.config.json", { cwd: dir });
    expect(loaded.entries.map((entry) => entry.location)).toEqual(located);
  });

  it.each([
    {
      case: "a JSON syntax error",
      text: '{\n  "registries": [\n    { "registry": "a.yaml"\n  ]\n}\n',
      expected: ['codebook.config.json:4:3: error: JSON syntax: expected "," or "}" after the value, not "]"'],
    },
    {
      case: "an unknown key, at the key",
      text: '{\n  "registries": [\n    { "registry": "a.yaml", "out": "x" }\n  ]\n}\n',
      expected: [
        'codebook.config.json:3:29: error: unknown key "out" (allowed: registry, outDir, targets, enums, emit, module, codeMap, templates)',
      ],
    },
    {
      case: "a wrong type and a bad choice",
      text: '{\n  "registries": [\n    { "registry": "a.yaml", "enums": "no", "emit": "cjs" }\n  ]\n}\n',
      expected: [
        'codebook.config.json:3:38: error: must be true or false, not the string "no"',
        'codebook.config.json:3:52: error: "cjs" is not allowed here: use "ts" or "js"',
      ],
    },
    {
      case: "no registries",
      text: '{ "registries": [] }\n',
      expected: ["codebook.config.json:1:17: error: registries must not be an empty list"],
    },
    {
      case: "an unknown target",
      text: '{\n  "registries": [\n    { "registry": "a.yaml", "targets": ["ts", "pdf"] }\n  ]\n}\n',
      expected: ['codebook.config.json:3:47: error: unknown target "pdf" (use one of ts, json, md, i18next, formatjs, gettext)'],
    },
    {
      case: "a registry that does not exist, and one listed twice",
      text: '{\n  "registries": [\n    { "registry": "a.yaml" },\n    { "registry": "missing.yaml" },\n    { "registry": "./a.yaml" }\n  ]\n}\n',
      expected: [
        /^codebook\.config\.json:4:19: error: registry file "missing\.yaml" does not exist \(looked for .*missing\.yaml\)$/,
        "codebook.config.json:5:19: error: this registry is already generated into the same folder by the entry at 3:5",
      ],
    },
  ])("reports $case, located in the config file", async ({ text, expected }) => {
    const dir = await tempDir();
    await writeTree(dir, { "codebook.config.json": text, "a.yaml": demoRegistry() });
    const error = await loadConfig("codebook.config.json", { cwd: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiagnosticError);
    const lines = (error as DiagnosticError).diagnostics.map(formatDiagnostic);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((pattern, index) => {
      if (typeof pattern === "string") expect(lines[index]).toBe(pattern);
      else expect(lines[index]).toMatch(pattern);
    });
  });
});
