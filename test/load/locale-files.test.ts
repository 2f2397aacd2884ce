import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/index.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const REGISTRY = `id: demo
type: Demo
title: { en: Demo codes }
locales: [en, fr]
ranges:
  - { from: 0, to: 99, name: Low, description: { en: Low codes. } }
codes:
  - { code: 1, name: First, description: { en: The first code. } }
  - { code: 2, name: Second, description: { en: The second code. } }
sets:
  - { name: Odd, include: [First], label: { en: Odd } }
`;

const FRENCH = `locale: fr
title: Codes de démo
ranges:
  Low: Codes bas.
codes:
  First: Le premier code.
  Second: { text: Le deuxième code., source: 0a1b2c3d }
sets:
  Odd: { label: Impair }
`;

async function diagnosticsOf(files: Readonly<Record<string, string>>): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, files);
  const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic).sort();
}

describe("locale files", () => {
  it("complete the registry's texts", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": REGISTRY, "registry.fr.yaml": FRENCH });
    const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
    expect(result.ok && result.registry.codes.map((entry) => entry.description.fr)).toEqual(["Le premier code.", "Le deuxième code."]);
    expect(result.ok && result.registry.sets[0]!.label).toEqual({ en: "Odd", fr: "Impair" });
  });

  it.each([
    [
      "an unknown key",
      FRENCH.replace("ranges:", "colors: red\nranges:"),
      ['registry.fr.yaml:3:1: error: unknown key "colors" (allowed: locale, title, description, unknown, ranges, codes, sets, fields)'],
    ],
    [
      "a bad fingerprint",
      FRENCH.replace("0a1b2c3d", "xyz"),
      [
        'registry.fr.yaml:7:46: error: "xyz" is not a source fingerprint (8 hexadecimal digits); let `codebook i18n --stamp LOCALE` write it',
      ],
    ],
    [
      "a name that is not PascalCase",
      FRENCH.replace("  First:", "  first:"),
      [
        'registry.fr.yaml:6:3: error: "first" is not a valid name: names are PascalCase identifiers (an uppercase letter, then letters and digits), such as NormalClosure or URITooLong; did you mean "First"?',
      ],
    ],
    // While a locale file is broken, the translations it would give are not also reported missing.
    [
      "a code the registry lacks",
      FRENCH.replace("  First:", "  Frist:"),
      ['registry.fr.yaml:6:3: error: "Frist" is not a code of this registry (did you mean "First"?)'],
    ],
    [
      "a range the registry lacks",
      FRENCH.replace("  Low:", "  High:"),
      ['registry.fr.yaml:4:3: error: "High" is not a range of this registry'],
    ],
    [
      "a text the registry lacks",
      `${FRENCH}unknown: Inconnu.\n`,
      ["registry.fr.yaml:10:1: error: the registry has no unknown to translate; remove it here or add it to the registry first"],
    ],
    [
      "a set field the registry lacks",
      FRENCH.replace("{ label: Impair }", "{ label: Impair, description: Les impairs. }"),
      ["registry.fr.yaml:9:25: error: set Odd has no description in the registry; remove it here or add it to the registry first"],
    ],
    [
      "a locale that does not match the file name",
      FRENCH.replace("locale: fr", "locale: de"),
      ['registry.fr.yaml:1:9: error: locale "de" does not match the file name, which is for "fr"'],
    ],
  ])("reports %s at its node", async (_case, french, expected) => {
    expect(await diagnosticsOf({ "registry.yaml": REGISTRY, "registry.fr.yaml": french })).toEqual(expected);
  });

  it("reports a locale file for an unlisted locale, and a badly cased file name", async () => {
    expect(
      await diagnosticsOf({
        "registry.yaml": REGISTRY,
        "registry.fr.yaml": FRENCH,
        "registry.it.yaml": "locale: it\n",
        "registry.FR.yml": "locale: fr\n",
      }),
    ).toEqual([
      'registry.FR.yml:1:9: error: locale file for "FR": name it for the listed tag "fr" instead',
      'registry.it.yaml:1:9: error: locale file for "it", which is not listed in `locales` of registry.yaml (en, fr); add it there or remove this file',
    ]);
  });

  it("reports a text given both inline and in the locale file", async () => {
    const registry = REGISTRY.replace("{ en: The first code. }", "{ en: The first code., fr: Le code un. }");
    expect(await diagnosticsOf({ "registry.yaml": registry, "registry.fr.yaml": FRENCH })).toEqual([
      'registry.fr.yaml:6:3: error: the "fr" text of codes.First is also given inline at registry.yaml:8:69; keep one of them',
    ]);
  });

  it("reports a missing translation in the locale file, unless the registry falls back to the source locale", async () => {
    const french = FRENCH.replace("  Second: { text: Le deuxième code., source: 0a1b2c3d }\n", "");
    expect(await diagnosticsOf({ "registry.yaml": REGISTRY, "registry.fr.yaml": french })).toEqual([
      'registry.fr.yaml:5:1: error: no "fr" text for codes.Second (the source text is at registry.yaml:9:49); add "Second: …" under codes here, or set `missingTranslations: source` to fall back to en',
    ]);
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": `${REGISTRY}missingTranslations: source\n`, "registry.fr.yaml": french });
    const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
    expect(result.ok && result.registry.codes[1]!.description).toEqual({ en: "The second code.", fr: "The second code." });
  });
});
