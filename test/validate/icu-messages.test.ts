import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/index.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { check } from "../../generator/run/check.js";
import { generate } from "../../generator/run/generate.js";
import { validate } from "../../generator/run/validate.js";
import { importModule } from "../helpers/generated-module.js";
import { tempDir, writeTree } from "../helpers/temp.js";

function registry(english: string, title = "Codes"): string {
  return `id: demo
type: Demo
title: { en: ${JSON.stringify(title)} }
locales: [en, de]
messageFormat: icu
ranges:
  - { from: 0, to: 99, name: Low, description: { en: ${JSON.stringify(english)} } }
codes:
  - { code: 1, name: First, description: { en: First. } }
`;
}

function german(text: string): string {
  return `locale: de\ntitle: Codes\nranges:\n  Low: ${JSON.stringify(text)}\ncodes:\n  First: Erster.\n`;
}

async function diagnosticsOf(english: string, germanText: string, title?: string): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, { "registry.yaml": registry(english, title), "registry.de.yaml": german(germanText) });
  const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

describe("ICU texts", () => {
  it.each([
    ["valid texts", "Low code {code}.", "Niedriger Code {code}.", []],
    [
      "a syntax error in a translation",
      "Low code {code}.",
      "Niedriger Code {code.",
      [
        "registry.de.yaml:4:8: error: ranges.Low (\"de\"): invalid ICU MessageFormat at character 16 (malformed argument); write a literal { or } as '{' or '}', and an apostrophe as ''",
      ],
    ],
    [
      "a translation that drops the placeholder",
      "Low code {code}.",
      "Niedriger Code.",
      ['registry.de.yaml:4:8: error: ranges.Low ("de"): placeholders differ from the "en" source text: it lacks {code}'],
    ],
    [
      "a translation with another placeholder",
      "Low code {code}.",
      "Niedriger Code {cod}.",
      [
        'registry.de.yaml:4:8: error: ranges.Low ("de"): placeholders differ from the "en" source text: it lacks {code} and has {cod}, which the source does not',
      ],
    ],
    [
      "a source placeholder describe cannot fill",
      "Low code {name}.",
      "Niedriger Code {name}.",
      ['registry.yaml:7:54: error: ranges.Low ("en"): {name} is not a placeholder describeDemo can fill here; use {code}'],
    ],
    [
      "plural",
      "{code, plural, one {# code} other {# codes}}",
      "Code {code}.",
      [
        'registry.yaml:7:54: error: ranges.Low ("en"): {code, plural/select} is not supported: describeDemo fills only simple placeholders such as {code}',
      ],
    ],
    [
      "a number format",
      "Code {code, number}.",
      "Code {code}.",
      [
        'registry.yaml:7:54: error: ranges.Low ("en"): formatted argument {code, …} is not supported: write {code}, which describeDemo fills with the plain number',
      ],
    ],
    [
      "a tag",
      "Code <b>{code}</b>.",
      "Code {code}.",
      [`registry.yaml:7:54: error: ranges.Low ("en"): tag <b> is not supported; write a literal < as '<'`],
    ],
  ])("%s", async (_case, english, germanText, expected) => {
    expect(await diagnosticsOf(english, germanText)).toEqual(expected);
  });

  it("allows no placeholder in a text describe shows without a code", async () => {
    expect(await diagnosticsOf("Low.", "Niedrig.", "Codes {code}")).toEqual([
      'registry.yaml:3:14: error: title ("en"): {code} is not a placeholder describeDemo can fill here; this text takes no placeholders',
      'registry.de.yaml:2:8: error: title ("de"): placeholders differ from the "en" source text: it lacks {code}',
    ]);
  });

  it("leaves braces to plain registries", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "registry.yaml": registry("Low {code, plural, one {#}}").replace("messageFormat: icu\n", ""),
      "registry.de.yaml": german("Niedrig {"),
    });
    expect((await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir })).ok).toBe(true);
  });
});

describe("an ICU registry without the texts codebook supplies itself", () => {
  const bare = `id: bare
type: Bare
locales: [en, de]
messageFormat: icu
codes:
  - { code: 1, name: One, description: { en: "Code {code} is one.", de: "Code {code} ist eins." } }
`;

  it("validates, generates and checks alike, and describes an unknown code with the built-in text", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "bare.yaml": bare });
    const options = { registries: ["bare.yaml"], cwd: dir, outDir: "out" };
    expect(await validate(options)).toEqual([]);
    const result = await generate(options);
    expect(result.written.map((file) => path.relative(path.join(dir, "out"), file))).toContain("bare.ts");
    expect((await check(options)).ok).toBe(true);
    const module = await importModule(await readFile(path.join(dir, "out", "bare.ts"), "utf8"));
    const describe = module.describeBare as (code: number, locale?: string) => string;
    expect(describe(1)).toBe("Code 1 is one.");
    expect(describe(7)).toBe("Unknown code.");
  });
});
