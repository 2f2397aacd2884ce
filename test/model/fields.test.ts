import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTargetChecks, TARGET_NAMES } from "../../generator/emit/targets.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** Loads `files` (the first is the registry) from a fresh folder, with every target's checks: the registry, or its diagnostics as printed. */
async function load(files: Readonly<Record<string, string>>) {
  const dir = await tempDir();
  await writeTree(dir, files);
  const result = await tryLoadRegistry(path.join(dir, Object.keys(files)[0]!), { cwd: dir, checks: await loadTargetChecks(TARGET_NAMES) });
  return result.ok
    ? { registry: result.registry, files: result.files.map((file) => path.relative(dir, file)), errors: [] }
    : { errors: result.diagnostics.map((each) => `${each.file}:${each.line}:${each.column}: ${each.message}`) };
}

const HEAD = "id: demo\ntype: Demo\nlocales: [en]\n";

describe("fields in the model", () => {
  it("a nested range's value wins over its parent's, a code's own over both, the default over nothing", async () => {
    const { registry } = await load({
      "demo.yaml": `${HEAD}fields:\n  - { name: tier, type: integer, default: 0 }\nranges:\n  - { from: 1, to: 99, name: Outer, description: O., fields: { tier: 1 } }\n  - { from: 10, to: 19, name: Inner, description: I., fields: { tier: 2 } }\n  - { from: 100, to: 199, name: Plain, description: P. }\ncodes:\n  - { code: 5, name: A, description: A. }\n  - { code: 15, name: B, description: B. }\n  - { code: 16, name: C, description: C., fields: { tier: 3 } }\n  - { code: 150, name: D, description: D. }\n`,
    });
    expect(registry!.codes.map((entry) => [entry.name, entry.fields.tier, entry.ownFields])).toEqual([
      ["A", 1, []],
      ["B", 2, []],
      ["C", 3, ["tier"]],
      ["D", 0, []],
    ]);
  });

  it("refuses a field whose lookup takes a name the module has, at the field's name", async () => {
    const { errors } = await load({
      "demo.yaml": `${HEAD}fields:\n  - { name: info, type: boolean, default: true }\n  - { name: value, type: one-of, values: [a], default: a }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
    });
    expect(errors).toEqual([
      "demo.yaml:5:13: the generated getDemoInfo of field info clashes with the generated getDemoInfo; choose another name",
      "demo.yaml:6:13: the generated DemoValue of field value clashes with the generated DemoValue; choose another name",
    ]);
  });

  it("reports a code field's registry that does not exist at its `registry`, and its values are not checked against nothing", async () => {
    const { errors } = await load({
      "demo.yaml": `${HEAD}fields:\n  - { name: http, type: code, registry: ./nowhere.yaml }\ncodes:\n  - { code: 1, name: One, description: One., fields: { http: 200 } }\n`,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^demo\.yaml:5:41: field "http" cannot map to "\.\/nowhere\.yaml": no such file \(looked for .*nowhere\.yaml\)$/,
    );
  });

  it("reports an invalid target registry in its own file", async () => {
    const { errors } = await load({
      "demo.yaml": `${HEAD}fields:\n  - { name: http, type: code, registry: ./http.yaml }\ncodes:\n  - { code: 1, name: One, description: One., fields: { http: 200 } }\n`,
      "http.yaml": "id: http\ntype: Http\nlocales: [en]\ncodes:\n  - { code: 200, name: ok, description: OK. }\n",
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^http\.yaml:5:24: "ok" is not a valid name/);
  });

  it("counts the target registry among the files read (watch and the manifest follow it)", async () => {
    const { files } = await load({
      "demo.yaml": `${HEAD}fields:\n  - { name: http, type: code, registry: ./http.yaml }\ncodes:\n  - { code: 1, name: One, description: One., fields: { http: Ok } }\n`,
      "http.yaml": "id: http\ntype: Http\nlocales: [en]\ncodes:\n  - { code: 200, name: Ok, description: OK. }\n",
    });
    expect(files).toEqual(["demo.yaml", "http.yaml"]);
  });

  it("a registry that extends another inherits its fields, gives values to its own codes and declares its own", async () => {
    const { registry, errors } = await load({
      "app.yaml":
        "id: app\nextends: ./base.yaml\nfields:\n  - { name: owner, type: string, default: core }\ncodes:\n  - { code: 2, name: Two, description: Two., fields: { retryable: true, owner: billing } }\n",
      "base.yaml": `${HEAD}fields:\n  - { name: retryable, type: boolean, default: false }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
    });
    expect(errors).toEqual([]);
    expect(registry!.fields.map((field) => field.name)).toEqual(["retryable", "owner"]);
    expect(registry!.codes.map((entry) => entry.fields)).toEqual([
      { retryable: false, owner: "core" },
      { retryable: true, owner: "billing" },
    ]);
  });

  it("refuses a locale file's text for a field that is not a text field, or for no field, at the entry", async () => {
    const { errors } = await load({
      "demo.yaml":
        "id: demo\ntype: Demo\nlocales: [en, de]\nmissingTranslations: source\nfields:\n  - { name: tier, type: integer, default: 0 }\ncodes:\n  - { code: 1, name: One, description: One. }\n",
      "demo.de.yaml": 'locale: de\nfields:\n  tier:\n    default: "1"\n  teir:\n    label: Stufe\n',
    });
    expect(errors).toEqual([
      "demo.de.yaml:4:5: field tier is of type integer, not text: its values are not translated; remove this here",
      'demo.de.yaml:6:5: "teir" is not a field of this registry (did you mean "tier"?)',
    ]);
  });
});
