import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, generate, loadRegistry, validate } from "../../generator/index.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const CHILD = `id: app
extends: ./base.yaml
title: App codes
codes:
  - code: 50
    name: Fifty
    description: The app's own code.
sets:
  - name: Mine
    include: [Two, Fifty]
`;

async function diagnosticsOf(files: Readonly<Record<string, string>>, registry = "app.yaml"): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, files);
  return (await validate({ registries: [registry], cwd: dir })).map(formatDiagnostic);
}

describe("a registry that extends another", () => {
  it("inherits the base's codes, ranges and keys, adds its own, and may refer to the base's names", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "base.yaml": demoRegistry(), "app.yaml": CHILD });
    const registry = await loadRegistry("app.yaml", { cwd: dir });
    expect(registry.id).toBe("app");
    expect(registry.type).toBe("Demo");
    expect(registry.title).toEqual({ en: "App codes" });
    expect(registry.codes.map((code) => [code.code, code.name, code.range])).toEqual([
      [1, "One", "Low"],
      [2, "Two", "Low"],
      [50, "Fifty", "Low"],
    ]);
    expect(registry.sets.map((set) => [set.name, set.intervals])).toEqual([
      [
        "Mine",
        [
          { from: 2, to: 2 },
          { from: 50, to: 50 },
        ],
      ],
    ]);
    expect(registry.sourcePath).toBe(path.join(dir, "app.yaml"));
    const result = await generate({ registries: ["app.yaml"], cwd: dir, outDir: "out", targets: ["ts"] });
    expect(result.inputs).toEqual([path.join(dir, "app.yaml"), path.join(dir, "base.yaml")]);
  });

  it("may list a subset of the base's locales: every inherited text keeps only those", async () => {
    const dir = await tempDir();
    const base = demoRegistry().replace("locales: [en]", "locales: [en, de, fr]");
    await writeTree(dir, {
      "base.yaml": base,
      "base.de.yaml":
        "locale: de\ntitle: Demo-Codes\nranges: { Low: Die niedrigen Codes. }\ncodes: { One: Der erste Code., Two: Der zweite Code. }\n",
      "base.fr.yaml":
        "locale: fr\ntitle: Codes démo\nranges: { Low: Les codes bas. }\ncodes: { One: Le premier code., Two: Le deuxième code. }\n",
      "app.yaml": CHILD.replace("title: App codes", "locales: [en, de]"),
      "app.de.yaml": "locale: de\ncodes: { Fifty: Der eigene Code der App. }\n",
    });
    const registry = await loadRegistry("app.yaml", { cwd: dir });
    expect(registry.locales).toEqual(["en", "de"]);
    expect(registry.title).toEqual({ en: "Demo codes", de: "Demo-Codes" });
    expect(registry.codes.map((code) => code.description)).toEqual([
      { en: "The first code.", de: "Der erste Code." },
      { en: "The second code.", de: "Der zweite Code." },
      { en: "The app's own code.", de: "Der eigene Code der App." },
    ]);
  });

  it.each([
    {
      case: "a package",
      spec: "shared-codes/registries/base.yaml",
      base: "node_modules/shared-codes/registries/base.yaml",
      pkg: "node_modules/shared-codes/package.json",
    },
    {
      case: "a scoped package, from a folder below",
      spec: "@acme/codes/base.yaml",
      base: "node_modules/@acme/codes/base.yaml",
      pkg: "node_modules/@acme/codes/package.json",
      child: "apps/web/app.yaml",
    },
    { case: "a parent folder", spec: "../shared/base.yaml", base: "shared/base.yaml", child: "apps/app.yaml" },
  ])("finds a base in $case", async ({ spec, base, pkg, child = "app.yaml" }) => {
    const dir = await tempDir();
    await writeTree(dir, {
      [base]: demoRegistry(),
      [child]: CHILD.replace("./base.yaml", JSON.stringify(spec)),
      ...(pkg === undefined ? {} : { [pkg]: "{}" }),
    });
    const registry = await loadRegistry(child, { cwd: dir });
    expect(registry.codes.map((code) => code.code)).toEqual([1, 2, 50]);
  });

  it.each([
    {
      case: "a code the base already has, at the child's code",
      child: CHILD.replace("code: 50", "code: 2"),
      expected: ["app.yaml:5:11: error: duplicate code 2 (first defined at base.yaml:11:11)"],
    },
    {
      case: "a name the base already has, case-insensitively",
      child: CHILD.replace("name: Fifty", "name: ONE"),
      expected: [
        'app.yaml:6:11: error: duplicate name "ONE" (differs only in case from "One"); first defined at base.yaml:9:11',
        'app.yaml:10:20: error: "Fifty" names no code or range of this registry',
      ],
    },
    {
      case: "a problem inside the base, in the base's file",
      base: demoRegistry().replace("name: Two", "name: two"),
      expected: [
        'base.yaml:12:11: error: "two" is not a valid name: names are PascalCase identifiers (an uppercase letter, then letters and digits), such as NormalClosure or URITooLong; did you mean "Two"?',
      ],
    },
    {
      case: "a semantic problem inside the base, in the base's file",
      base: demoRegistry().replace("code: 2", "code: 1"),
      expected: ["base.yaml:11:11: error: duplicate code 1 (first defined at 8:11)"],
    },
    {
      case: "a problem inside the base that points into the child, with the child's file",
      child: CHILD.replace(
        "title: App codes",
        "title: App codes\nranges:\n  - { from: 0, to: 50, name: Under, description: The lowest codes. }",
      ),
      expected: [
        "base.yaml:6:5: error: range Low (1–99) partially overlaps Under (0–50, at app.yaml:5:5); ranges must nest or be disjoint",
      ],
    },
    {
      case: "a missing base",
      child: CHILD.replace("./base.yaml", "./nope.yaml"),
      expected: [/^app\.yaml:2:10: error: cannot extend "\.\/nope\.yaml": no such file \(looked for .*nope\.yaml\)$/],
    },
    {
      case: "a package that is not installed",
      child: CHILD.replace("./base.yaml", "nowhere/base.yaml"),
      expected: [
        /^app\.yaml:2:10: error: cannot extend "nowhere\/base\.yaml": package nowhere is not installed in a node_modules folder above /,
      ],
    },
    {
      case: "a bare file name",
      child: CHILD.replace("./base.yaml", "base.yaml"),
      expected: [
        'app.yaml:2:10: error: cannot extend "base.yaml": write a relative path (./base.yaml) or a file inside a package (package/path/to/registry.yaml)',
      ],
    },
    {
      case: "a cycle",
      base: `id: base\nextends: ./app.yaml\n`,
      expected: ["base.yaml:2:10: error: registries extend each other in a cycle: app.yaml → base.yaml → app.yaml"],
    },
    {
      case: "a fixed key restated with the inherited (default) value: no problem",
      child: CHILD.replace("title: App codes", "locales: [en]\nmessageFormat: plain\ntitle: App codes"),
      expected: [],
    },
    {
      case: "a locale the base does not have",
      child: CHILD.replace("title: App codes", "locales: [en, de]\ntitle: App codes"),
      expected: [
        'app.yaml:3:15: error: "de" is not a locale of base.yaml (en); a registry that extends another may list a subset of its locales',
      ],
    },
    {
      case: "a subset without the base's source locale first",
      base: demoRegistry().replace("locales: [en]", "locales: [en, de]\nmissingTranslations: source"),
      child: CHILD.replace("title: App codes", "locales: [de]\ntitle: App codes"),
      expected: [
        'app.yaml:3:11: error: the source locale is inherited from base.yaml and must come first: list "en" first (locales may be a subset of en, de)',
      ],
    },
    {
      case: "a changed messageFormat",
      child: CHILD.replace("title: App codes", "messageFormat: icu\ntitle: App codes"),
      expected: [
        'app.yaml:3:1: error: messageFormat is inherited from base.yaml ("plain") and cannot change in a registry that extends it; remove this key',
      ],
    },
  ])("reports $case", async ({ child = CHILD, base = demoRegistry(), expected }) => {
    const lines = await diagnosticsOf({ "base.yaml": base, "app.yaml": child });
    expect(lines).toHaveLength(expected.length);
    expected.forEach((pattern, index) => {
      if (typeof pattern === "string") expect(lines[index]).toBe(pattern);
      else expect(lines[index]).toMatch(pattern);
    });
  });
});
