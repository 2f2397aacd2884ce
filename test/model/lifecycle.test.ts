import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadRegistry, renderRegistry, validate } from "../../generator/index.js";
import { fileAt, importModule } from "../helpers/generated-module.js";
import { readTables } from "../helpers/gfm.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const BASE = `id: base
type: Base
locales: [en]
codes:
  - code: 1
    name: Ok
    description: Fine.
  - code: 2
    name: Old
    description: The old code.
    status: retired
    note: Nobody sent it.
    retiredSince: "2.0.0"
  - code: 3
    name: Legacy
    description: A legacy code.
    status: deprecated
    note: Clients cannot tell it from Ok.
    replacement: Ok
    aliases: [{ name: LEGACY, deprecated: false }]
`;

async function diagnosticsOf(files: Readonly<Record<string, string>>, registry: string): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, files);
  return (await validate({ registries: [registry], cwd: dir })).map(formatDiagnostic);
}

describe("a retired code", () => {
  it("cannot give its number or its name to another code, in the same file: both places are named (the retirement by line and column, as every same-file reference)", async () => {
    const reuse = BASE.replace(
      "codes:\n",
      "codes:\n  - { code: 2, name: Two, description: Two. }\n  - { code: 9, name: Old, description: Nine. }\n",
    );
    expect(await diagnosticsOf({ "base.yaml": reuse }, "base.yaml")).toEqual([
      "base.yaml:5:13: error: code 2 is the number of retired code Old (retired at 10:11); a retired code is reserved forever, choose another",
      'base.yaml:6:22: error: "Old" is the name of a retired code (retired at 11:11); a retired code is reserved forever, choose another',
    ]);
  });

  it("cannot be reused by a registry that extends the one that retired it: the error is in the new file, the retirement in the base", async () => {
    const app =
      "extends: ./base.yaml\nid: app\ncodes:\n  - { code: 2, name: Two, description: Two. }\n  - { code: 9, name: Old, description: Nine. }\n";
    expect(await diagnosticsOf({ "base.yaml": BASE, "app.yaml": app }, "app.yaml")).toEqual([
      "app.yaml:4:13: error: code 2 is the number of retired code Old (retired at base.yaml:8:11); a retired code is reserved forever, choose another",
      'app.yaml:5:22: error: "Old" is the name of a retired code (retired at base.yaml:9:11); a retired code is reserved forever, choose another',
    ]);
  });

  it.each([
    [
      "a deprecated code without a note",
      BASE.replace("    note: Clients cannot tell it from Ok.\n", ""),
      "base.yaml:17:13: error: a deprecated code needs a `note`: why it is deprecated and what to use instead",
    ],
    [
      "a replacement that names no code",
      BASE.replace("replacement: Ok", "replacement: Okay"),
      'base.yaml:19:18: error: replacement "Okay" names no code of this registry',
    ],
    [
      "a retired replacement",
      BASE.replace("replacement: Ok", "replacement: Old"),
      'base.yaml:19:18: error: replacement "Old" is retired; name a code in use',
    ],
    [
      "retiredSince on a deprecated code",
      BASE.replace("replacement: Ok\n", 'replacement: Ok\n    retiredSince: "1.0.0"\n'),
      "base.yaml:20:5: error: `retiredSince` is only for a retired code; set `status: retired` or remove it",
    ],
    [
      "a note on an active code",
      BASE.replace("description: Fine.\n", "description: Fine.\n    note: Why?\n"),
      "base.yaml:8:5: error: `note` is only for a deprecated or retired code; set `status` or remove it",
    ],
    [
      "a retired code named in a set",
      `${BASE}sets:\n  - { name: Gone, include: [Old, 1] }\n`,
      'base.yaml:22:29: error: "Old" is a retired code and cannot be a member of a set; name a code in use or write its number',
    ],
  ])("refuses %s, located", async (_, yaml, error) => {
    expect(await diagnosticsOf({ "base.yaml": yaml }, "base.yaml")).toEqual([error]);
  });
});

describe("the outputs of a registry with statuses", () => {
  it("leave a retired code out of the module (its guard answers false) but keep it in the data and the docs", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "base.yaml": BASE });
    const registry = await loadRegistry(path.join(dir, "base.yaml"), { cwd: dir });
    const files = await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["ts", "json", "md", "gettext"] });
    const module = await importModule(fileAt(files, "base.ts"));
    expect(module.isBase).toBeTypeOf("function");
    expect((module.isBase as (value: unknown) => boolean)(2)).toBe(false);
    expect((module.isBase as (value: unknown) => boolean)(3)).toBe(true);
    expect(Object.keys(module.Bases as object)).toEqual(["Ok", "Legacy"]);
    expect((module.getBaseName as (code: number) => string | undefined)(2)).toBeUndefined();
    const ts = fileAt(files, "base.ts");
    expect(ts).not.toContain("Old");
    expect(ts).toContain("@deprecated Clients cannot tell it from Ok. Use {@link Base.Ok} (1) instead.");
    // The second name of a deprecated code is deprecated with it.
    expect(ts).toContain(
      "/**\n * Another name for Base.Legacy (3).\n *\n * Defined at ../base.yaml:20.\n * @deprecated Clients cannot tell it from Ok. Use {@link Base.Ok} (1) instead.\n */\nexport const LEGACY",
    );
    const data = JSON.parse(fileAt(files, "base.json")) as {
      codes: { name: string; status: string }[];
      retired: { name: string; status: string; note: string; retiredSince: string }[];
    };
    expect(data.codes.map((entry) => [entry.name, entry.status])).toEqual([
      ["Ok", "active"],
      ["Legacy", "deprecated"],
    ]);
    expect(data.retired).toMatchObject([{ name: "Old", status: "retired", note: "Nobody sent it.", retiredSince: "2.0.0" }]);
    const page = fileAt(files, "base.md");
    const codes = readTables(page).at(-1)!;
    expect(codes.header.slice(0, 4).map((cell) => cell.text)).toEqual(["Code", "Name", "Status", "Description"]);
    const rows = codes.rows.map((row) => row.slice(0, 4).map((cell) => cell.text));
    expect(rows).toContainEqual(["2", "Old", "retired (since 2.0.0): Nobody sent it.", "The old code."]);
    expect(rows).toContainEqual(["3", "Legacy", "deprecated: Clients cannot tell it from Ok. → Ok", "A legacy code."]);
    expect(fileAt(files, "gettext/base.pot")).toContain(
      '#. Describes code 3 (Legacy). Deprecated: Clients cannot tell it from Ok. Replaced by Ok.\nmsgctxt "codes.Legacy"',
    );
  });

  it("show the Status column in the page's language", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "base.yaml": BASE.replace("locales: [en]", "locales: [en, de]\nmissingTranslations: source") });
    const registry = await loadRegistry(path.join(dir, "base.yaml"), { cwd: dir });
    const page = fileAt(await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["md"] }), "base.de.md");
    const codes = readTables(page).at(-1)!;
    expect(codes.header.slice(0, 4).map((cell) => cell.text)).toEqual(["Code", "Name", "Status", "Beschreibung"]);
    const rows = codes.rows.map((row) => row.slice(0, 3).map((cell) => cell.text));
    expect(rows).toContainEqual(["2", "Old", "stillgelegt (seit 2.0.0): Nobody sent it."]);
    expect(rows).toContainEqual(["1", "Ok", "aktiv"]);
  });
});

describe("the default registry", () => {
  it("keeps 1004 a reserved range and the seed page's names deprecated aliases: no WebSocket close code is deprecated or retired", async () => {
    const registry = await loadRegistry(path.join(repoRoot, "schema", "close-codes.yaml"));
    expect(registry.retired).toEqual([]);
    expect(registry.codes.filter((entry) => entry.lifecycle.status !== "active")).toEqual([]);
    const reserved = registry.ranges.find((range) => range.from === 1004 && range.to === 1004);
    expect(reserved?.name).toBe("Reserved");
    expect(reserved?.aliases.map((alias) => [alias.name, alias.deprecated])).toEqual([["CLOSE_TOO_LARGE", true]]);
    const seed = registry.codes.flatMap((entry) => entry.aliases.map((alias) => [alias.name, entry.code, alias.deprecated]));
    expect(seed).toEqual([
      ["CLOSE_NORMAL", 1000, true],
      ["CLOSE_GOING_AWAY", 1001, true],
      ["CLOSE_PROTOCOL_ERROR", 1002, true],
      ["CLOSE_UNSUPPORTED", 1003, true],
      ["CLOSE_NO_STATUS", 1005, true],
      ["CLOSE_ABNORMAL", 1006, true],
    ]);
  });
});
