import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../generator/load/json-syntax.js";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** The diagnostics (without the summary line) of `codebook validate ARGS` in a folder holding `files`. */
async function diagnostics(files: Readonly<Record<string, string>>, args: readonly string[]): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, files);
  const run = await runCli(["validate", ...args], dir);
  expect(run.code).toBe(1);
  return run.stderr.split("\n").slice(0, -1);
}

const HEADER = "id: demo\ntype: Demo\ntitle: Demo codes\nlocales: [en, de]\n";

describe("YAML advice is right or absent", () => {
  it("a key indented too far is an indentation problem, not a text to quote", async () => {
    const registry = `${HEADER}codes:\n  - code: 1\n    name: One\n     description: { en: One., de: Eins. }\n`;
    expect(await diagnostics({ "codes.yaml": registry }, ["codes.yaml"])).toEqual([
      "codes.yaml:7:11: error: YAML syntax: `description:` on line 8 is indented 1 space more than `name:`, so it reads as more of that key's value; indent it as far as the key it belongs beside",
    ]);
  });

  it('a value that holds ": " still says to quote it', async () => {
    const registry = `${HEADER}codes:\n  - code: 1\n    name: One\n    description: Note: the first\n`;
    expect(await diagnostics({ "codes.yaml": registry }, ["codes.yaml"])).toEqual([
      'codes.yaml:8:18: error: YAML syntax: an unquoted value holds ": ", which would start a nested map; put the text in quotes',
    ]);
  });

  it("an unquoted @scope/… extends value says to quote it", async () => {
    expect(await diagnostics({ "app.yaml": "id: app\nextends: @acme/codes/base.yaml # the shared codes\n" }, ["app.yaml"])).toEqual([
      'app.yaml:2:10: error: YAML syntax: a value cannot start with @ unless it is quoted (YAML reserves it): quote it, "@acme/codes/base.yaml"',
    ]);
  });

  it("a comma inside a flow map's text says the comma cut the text, and how to quote it", async () => {
    const registry = `${HEADER}codes:\n  - { code: 1, name: One, description: { en: Stop, then go., de: "Halt, dann los." } }\n`;
    expect(await diagnostics({ "codes.yaml": registry }, ["codes.yaml"])).toEqual([
      'codes.yaml:6:46: error: YAML syntax: inside { … } a comma ends the text, so this reads as "Stop" followed by a key without a value; put the whole text in quotes: "Stop, then go."',
    ]);
  });

  it("an id in PascalCase suggests the kebab-case form", async () => {
    expect(await diagnostics({ "codes.yaml": demoRegistry({ id: "AppErrors" }) }, ["codes.yaml"])).toEqual([
      'codes.yaml:1:5: error: "AppErrors" is not a valid id: use kebab-case (lowercase letters and digits, words joined by single hyphens, starting with a letter), such as close-codes; did you mean "app-errors"?',
    ]);
  });
});

describe("a file of another kind says what it looks like", () => {
  it("a locale file passed as a registry", async () => {
    const files = { "codes.yaml": demoRegistry(), "codes.de.yaml": "locale: de\ncodes:\n  One: Eins\n" };
    expect(await diagnostics(files, ["codes.de.yaml"])).toEqual([
      "codes.de.yaml:1:1: error: this is a locale file (locale: de), not a registry: pass the registry it translates (codes.yaml), and codebook reads codes.de.yaml beside it",
    ]);
  });

  it("a config passed as a registry", async () => {
    const files = { "codes.yaml": demoRegistry(), "codebook.config.json": '{ "registries": [{ "registry": "codes.yaml" }] }\n' };
    expect(await diagnostics(files, ["codebook.config.json"])).toEqual([
      "codebook.config.json:1:3: error: this is a codebook config, not a registry: pass it as --config codebook.config.json, or run codebook with no registry argument in its folder",
    ]);
  });

  it("a registry passed as a config", async () => {
    expect(await diagnostics({ "codes.yaml": demoRegistry() }, ["--config", "codes.yaml"])).toEqual([
      'codes.yaml:1:1: error: this is a registry, not a config: name it in a config\'s "registries" ([{ "registry": "codes.yaml" }]), or pass it to codebook as a registry argument',
    ]);
  });
});

describe("a JSON config's syntax errors are JSON's", () => {
  it.each([
    [
      '{ "registries": [{ "registry": "codes.yaml" },] }\n',
      "1:46: error: JSON syntax: a comma after the last item: JSON allows none there; remove it",
    ],
    [
      '{\n  // the codes\n  "registries": []\n}\n',
      "2:3: error: JSON syntax: JSON has no comments; remove it (or use a codebook.config.yaml, which may have # comments)",
    ],
    [
      '{\n  "registries": [\n    { "registry": "a.yaml" }\n    { "registry": "b.yaml" }\n  ]\n}\n',
      '4:5: error: JSON syntax: expected "," or "]" after the item, not "{"',
    ],
    ["{ 'registries': [] }\n", '1:3: error: JSON syntax: expected a key in double quotes, not "\'"'],
    ['{ "registries": [] }}\n', '1:21: error: JSON syntax: the JSON value ends before "}"; a file holds exactly one'],
    ['{ "registries": [{ "registry": "codes.yaml }] }\n', "1:32: error: JSON syntax: this string has no closing double quote on its line"],
  ])("%j", async (config, expected) => {
    const lines = await diagnostics({ "codes.yaml": demoRegistry(), "codebook.config.json": config }, []);
    expect(lines).toEqual([`codebook.config.json:${expected}`]);
  });

  it("accepts what JSON.parse accepts", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"x\\"y",{}],"b":{}}', "[]", ' "text" ', "0"]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
    expect(findJsonSyntaxError("[".repeat(10_000))?.message).toBe("containers are nested more than 256 deep");
  });
});
