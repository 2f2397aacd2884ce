import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Registry } from "../../generator/index.js";
import { parseYaml } from "../../generator/load/yaml-document.js";
import { buildModel, Reporter } from "../../generator/model/build-model.js";

/** What `buildModel` is given. */
type BuildContext = Parameters<typeof buildModel>[0];
type TextSupplement = BuildContext["supplement"];

/**
 * `buildModel` on its own: the YAML of one schema-valid registry file, parsed with positions, resolved without the
 * loader around it (no file system, no schema, no locale files unless `supplement` gives their texts).
 */
function build(yaml: string, supplement: TextSupplement = () => undefined) {
  const parse = parseYaml({ file: "registry.yaml", path: "/project/registry.yaml", text: yaml, bom: false });
  if (!parse.ok) throw new Error(parse.diagnostics.map(formatDiagnostic).join("\n"));
  return buildModel({ raw: parse.parsed.data as BuildContext["raw"], reporter: new Reporter(parse.parsed), supplement });
}

/** The model of a valid registry. */
function model(yaml: string, supplement?: TextSupplement): Registry {
  const result = build(yaml, supplement);
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join("\n"));
  return result.registry;
}

/** The errors of an invalid registry, as the CLI prints them (in the order the checks found them). */
function errors(yaml: string): string[] {
  const result = build(yaml);
  if (result.ok) throw new Error("the registry is valid");
  return result.diagnostics.map(formatDiagnostic);
}

const HEAD = "id: demo\ntype: Demo\nlocales: [en]\n";

describe("ranges", () => {
  const registry = model(`${HEAD}ranges:
  - { from: 10, to: 19, name: Inner, description: Listed before the range that holds it. }
  - { from: 0, to: 99, name: Outer, description: Everything. }
  - { from: 12, to: 12, name: Deep, description: One code. }
  - { from: 50, to: 59, name: Other, description: Beside Inner. }
codes:
  - { code: 12, name: Twelve, description: In Deep. }
  - { code: 15, name: Fifteen, description: In Inner. }
  - { code: 55, name: FiftyFive, description: In Other. }
  - { code: 5, name: Five, description: In Outer only. }
`);

  it("keep their declaration order", () => {
    expect(registry.ranges.map((range) => range.name)).toEqual(["Inner", "Outer", "Deep", "Other"]);
  });

  it.each([
    ["Inner", "Outer"],
    ["Outer", undefined],
    ["Deep", "Inner"],
    ["Other", "Outer"],
  ])("%s nests in %s", (name, parent) => {
    expect(registry.ranges.find((range) => range.name === name)!.parent).toBe(parent);
  });

  it.each([
    [12, "Deep"],
    [15, "Inner"],
    [55, "Other"],
    [5, "Outer"],
  ])("code %i lies in %s, its innermost range", (code, range) => {
    expect(registry.codes.find((entry) => entry.code === code)!.range).toBe(range);
  });

  it("leave a registry without ranges with codes in none", () => {
    expect(model(`${HEAD}codes:\n  - { code: 1, name: One, description: One. }\n`).codes[0]!.range).toBeUndefined();
  });
});

describe("bounds", () => {
  it.each([
    ["", { from: 0, to: Number.MAX_SAFE_INTEGER }],
    ["bounds: { min: -5, max: 5 }\n", { from: -5, to: 5 }],
    ["bounds: { max: 9 }\n", { from: 0, to: 9 }],
  ])("%j gives %j", (bounds, expected) => {
    expect(model(`${HEAD}${bounds}codes:\n  - { code: 1, name: One, description: One. }\n`).bounds).toEqual(expected);
  });
});

describe("sets", () => {
  const registry = model(`${HEAD}ranges:
  - { from: 0, to: 99, name: Outer, description: Everything. }
  - { from: 10, to: 19, name: Inner, description: A part. }
codes:
  - { code: 1, name: One, description: One. }
  - { code: 2, name: Two, description: Two. }
  - { code: 3, name: Three, description: Three. }
  - { code: 15, name: Fifteen, description: In Inner. }
sets:
  - { name: OuterOnly, include: [Outer], exclude: [Inner] }
  - { name: Adjacent, include: [3, One, { from: 4, to: 6 }, Two] }
  - { name: Holes, include: [{ from: 0, to: 20 }], exclude: [Fifteen, 0, { from: 18, to: 30 }] }
  - { name: Guarded, guard: isSmallDemo, include: [One] }
`);

  it.each([
    [
      "OuterOnly",
      [
        { from: 0, to: 9 },
        { from: 20, to: 99 },
      ],
    ],
    ["Adjacent", [{ from: 1, to: 6 }]],
    [
      "Holes",
      [
        { from: 1, to: 14 },
        { from: 16, to: 17 },
      ],
    ],
    ["Guarded", [{ from: 1, to: 1 }]],
  ])("%s holds the sorted, merged intervals %j", (name, intervals) => {
    expect(registry.sets.find((set) => set.name === name)!.intervals).toEqual(intervals);
  });

  it("keep their guard's name, their order, and no texts when they have none", () => {
    expect(registry.sets.map((set) => [set.name, set.guard, set.description, set.label])).toEqual([
      ["OuterOnly", undefined, undefined, undefined],
      ["Adjacent", undefined, undefined, undefined],
      ["Holes", undefined, undefined, undefined],
      ["Guarded", "isSmallDemo", undefined, undefined],
    ]);
  });
});

describe("aliases", () => {
  const registry = model(`${HEAD}ranges:
  - { from: 0, to: 9, name: Low, description: Low. }
  - { from: 7, to: 7, name: Seven, description: One code., aliases: [Lucky] }
codes:
  - code: 1
    name: One
    description: One.
    aliases: [First, { name: Uno, note: "Spanish, kept on purpose.", deprecated: false }, { name: Single, note: Renamed in 2.0. }]
`);

  it("of a code: a plain name is deprecated without a note; a map may give a note and keep it", () => {
    expect(registry.codes[0]!.aliases).toEqual([
      { name: "First", note: undefined, deprecated: true },
      { name: "Uno", note: "Spanish, kept on purpose.", deprecated: false },
      { name: "Single", note: "Renamed in 2.0.", deprecated: true },
    ]);
  });

  it("of a range of one code", () => {
    expect(registry.ranges[1]!.aliases).toEqual([{ name: "Lucky", note: undefined, deprecated: true }]);
  });
});

describe("texts", () => {
  const TWO_LOCALES = "id: demo\ntype: Demo\nlocales: [en, de]\n";

  it("default the title to the type and the unknown text to the built-in one, which the other locales lack", () => {
    const registry = model(`${TWO_LOCALES}codes:\n  - { code: 1, name: One, description: { en: One., de: Eins. } }\n`);
    expect(registry.title).toEqual({ en: "Demo", de: "Demo" });
    expect(registry.unknown).toEqual({ en: "Unknown code.", de: "Unknown code." });
    expect(registry.description).toBeUndefined();
    expect([...registry.fallbacks]).toEqual([["unknown", ["de"]]]);
    expect(registry.codes[0]!.description).toEqual({ en: "One.", de: "Eins." });
  });

  it("take a locale's text from the supplement (the locale files) where the registry has none", () => {
    const supplement: TextSupplement = (path, locale) =>
      locale === "de" && path.join(".") === "codes.0.description" ? "Eins." : undefined;
    const registry = model(
      `${TWO_LOCALES}unknown: { en: Unknown., de: Unbekannt. }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
      supplement,
    );
    expect(registry.codes[0]!.description).toEqual({ en: "One.", de: "Eins." });
    expect(registry.fallbacks.size).toBe(0);
  });

  it("fall back to the source text with missingTranslations: source, and record where", () => {
    const registry = model(
      `${TWO_LOCALES}missingTranslations: source\nunknown: { en: Unknown., de: Unbekannt. }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
    );
    expect(registry.codes[0]!.description).toEqual({ en: "One.", de: "One." });
    expect([...registry.fallbacks]).toEqual([["codes.One", ["de"]]]);
  });

  it("carry the registry's identity and source path", () => {
    const registry = model(`${HEAD}codes:\n  - { code: 1, name: One, description: One. }\n`);
    expect([registry.id, registry.type, registry.sourceLocale, registry.messageFormat, registry.sourcePath]).toEqual([
      "demo",
      "Demo",
      "en",
      "plain",
      "/project/registry.yaml",
    ]);
  });
});

describe("errors", () => {
  it.each([
    {
      problem: "a duplicate code",
      yaml: `${HEAD}codes:\n  - { code: 1, name: One, description: One. }\n  - { code: 1, name: Uno, description: One again. }\n`,
      expected: ["registry.yaml:6:13: error: duplicate code 1 (first defined at 5:13)"],
    },
    {
      problem: "a name that differs only in case",
      yaml: `${HEAD}codes:\n  - { code: 1, name: One, description: One. }\n  - { code: 2, name: ONE, description: Two. }\n`,
      expected: ['registry.yaml:6:22: error: duplicate name "ONE" (differs only in case from "One"); first defined at 5:22'],
    },
    {
      problem: "ranges that overlap without nesting",
      yaml: `${HEAD}ranges:\n  - { from: 0, to: 10, name: A, description: A. }\n  - { from: 5, to: 15, name: B, description: B. }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
      expected: ["registry.yaml:6:5: error: range B (5–15) partially overlaps A (0–10, at 5:5); ranges must nest or be disjoint"],
    },
    {
      problem: "a code outside every range",
      yaml: `${HEAD}ranges:\n  - { from: 0, to: 9, name: Low, description: Low. }\ncodes:\n  - { code: 10, name: Ten, description: Ten. }\n`,
      expected: ["registry.yaml:7:13: error: code 10 lies outside every declared range; declare a range that holds it"],
    },
    {
      problem: "a code outside the bounds",
      yaml: `${HEAD}bounds: { min: 0, max: 9 }\ncodes:\n  - { code: 10, name: Ten, description: Ten. }\n`,
      expected: ["registry.yaml:6:13: error: code 10 is outside the registry's bounds 0–9"],
    },
    {
      problem: "a set member that names nothing",
      yaml: `${HEAD}codes:\n  - { code: 1, name: One, description: One. }\nsets:\n  - { name: S, include: [Oen] }\n`,
      expected: ['registry.yaml:7:26: error: "Oen" names no code or range of this registry; did you mean "One"?'],
    },
    {
      problem: "a missing translation",
      yaml: `id: demo\ntype: Demo\nlocales: [en, de]\nunknown: { en: U., de: U. }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
      expected: [
        'registry.yaml:6:40: error: missing translation for "de"; add it, or set `missingTranslations: source` to fall back to en',
      ],
    },
    {
      problem: "three problems, all reported",
      yaml: `${HEAD}bounds: { min: 0, max: 9 }\ncodes:\n  - { code: 1, name: One, description: One. }\n  - { code: 1, name: One, description: Again. }\n  - { code: 99, name: Big, description: Big. }\n`,
      expected: [
        'registry.yaml:7:22: error: duplicate name "One"; first defined at 6:22',
        "registry.yaml:7:13: error: duplicate code 1 (first defined at 6:13)",
        "registry.yaml:8:13: error: code 99 is outside the registry's bounds 0–9",
      ],
    },
  ])("$problem: located at the value", ({ yaml, expected }) => {
    expect(errors(yaml)).toEqual(expected);
  });
});
