import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const HEADER = `id: demo
type: Demo
title: Demo codes
locales: [en]
`;

/** One invalid registry per kind of fault, with the exact diagnostics it must produce. */
const CASES: readonly { name: string; yaml: string; errors: string[] }[] = [
  {
    name: "YAML syntax error",
    yaml: `${HEADER}codes:\n  - code: 1\n    name: [Unclosed\n`,
    errors: ["bad.yaml:8:1: error: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]"],
  },
  {
    name: "duplicate key",
    yaml: `${HEADER}codes:\n  - code: 1\n    code: 2\n    name: One\n    description: One.\n`,
    errors: ['bad.yaml:7:5: error: duplicate key "code" (first defined at 6:5); each key may appear only once in a map'],
  },
  {
    name: "schema violations (wrong type, unknown key, missing key), all at once",
    yaml: `${HEADER}codes:\n  - code: "1"\n    name: One\n    description: One.\n  - code: 2\n    name: Two\n    colour: red\n`,
    errors: [
      'bad.yaml:6:11: error: must be an integer, not the string "1" (write the number without quotes: 1)',
      'bad.yaml:9:5: error: missing required key "description"',
      'bad.yaml:11:5: error: unknown key "colour" (allowed: code, name, description, reference, url, docs, aliases, status, note, replacement, since, deprecatedSince, retiredSince, fields)',
    ],
  },
  {
    name: "a code that is not an integer",
    yaml: `${HEADER}codes:\n  - { code: 1.5, name: One, description: One. }\n`,
    errors: ["bad.yaml:6:13: error: must be an integer, not the number 1.5"],
  },
  {
    name: "duplicate code",
    yaml: `${HEADER}codes:\n  - { code: 1, name: One, description: One. }\n  - { code: 1, name: Uno, description: Uno. }\n`,
    errors: ["bad.yaml:7:13: error: duplicate code 1 (first defined at 6:13)"],
  },
  {
    name: "duplicate names, also differing only in case",
    yaml: `${HEADER}codes:\n  - { code: 1, name: One, description: One. }\n  - { code: 2, name: One, description: Two. }\n  - { code: 3, name: ONE, description: Three. }\n`,
    errors: [
      'bad.yaml:7:22: error: duplicate name "One"; first defined at 6:22',
      'bad.yaml:8:22: error: duplicate name "ONE" (differs only in case from "One"); first defined at 6:22',
    ],
  },
  {
    name: "a name that is not an identifier",
    yaml: `${HEADER}codes:\n  - { code: 1, name: not-a-name, description: One. }\n`,
    errors: [
      'bad.yaml:6:22: error: "not-a-name" is not a valid name: names are PascalCase identifiers (an uppercase letter, then letters and digits), such as NormalClosure or URITooLong',
    ],
  },
  {
    name: "partially overlapping ranges",
    yaml: `${HEADER}ranges:\n  - { from: 0, to: 10, name: Low, description: Low. }\n  - { from: 5, to: 20, name: Mid, description: Mid. }\ncodes:\n  - { code: 1, name: One, description: One. }\n`,
    errors: ["bad.yaml:7:5: error: range Mid (5–20) partially overlaps Low (0–10, at 6:5); ranges must nest or be disjoint"],
  },
  {
    name: "a missing translation",
    yaml: `id: demo\ntype: Demo\ntitle: { en: Demo, de: Demo }\nlocales: [en, de]\ncodes:\n  - code: 1\n    name: One\n    description: { en: One. }\n`,
    errors: [
      'bad.yaml:8:18: error: no "de" text for codes.One: bad.de.yaml does not exist yet; create it with `locale: de` and this text, give it inline, or set `missingTranslations: source` to fall back to en',
    ],
  },
  {
    name: "a plain source text whose other locale has no locale file",
    yaml: `id: demo\ntype: Demo\nlocales: [en, de]\ncodes:\n  - { code: 1, name: One, description: One. }\n  - { code: 2, name: Two, description: Two. }\n`,
    errors: [
      'bad.yaml:3:15: error: no "de" texts for codes.One, codes.Two: bad.de.yaml does not exist yet; create it with `locale: de` and these texts, give them inline, or set `missingTranslations: source` to fall back to en',
    ],
  },
];

describe("invalid registries", () => {
  it.each(CASES)("$name: exit 1, every error located, nothing written", async ({ yaml, errors }) => {
    const dir = await tempDir();
    await writeTree(dir, { "bad.yaml": yaml });
    const run = await runCli(["generate", "bad.yaml", "--out", "out"], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines.slice(0, -1)).toEqual(errors);
    expect(lines.at(-1)).toBe(`codebook: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was written`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(["bad.yaml"]);
  });

  it("reports the errors of every registry of a run, and writes nothing when one is valid", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "a.yaml": `${HEADER}codes:\n  - { code: 1, name: One, description: One. }\n  - { code: 1, name: Two, description: Two. }\n`,
      "b.yaml": `${HEADER.replace("demo", "other")}codes:\n  - { code: 1, name: one, description: One. }\n`,
      "good.yaml": `${HEADER.replace("demo", "good")}codes:\n  - { code: 1, name: One, description: One. }\n`,
    });
    const run = await runCli(["generate", "a.yaml", "b.yaml", "good.yaml", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("a.yaml:7:13: error: duplicate code 1");
    expect(run.stderr).toContain('b.yaml:6:22: error: "one" is not a valid name');
    expect((await readdir(dir)).sort()).toEqual(["a.yaml", "b.yaml", "good.yaml"]);
  });

  it("names a missing file", async () => {
    const dir = await tempDir();
    const run = await runCli(["validate", "nope.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("nope.yaml:1:1: error: no such file");
    expect(path.isAbsolute(run.stderr.split(":")[0]!)).toBe(false);
  });
});
