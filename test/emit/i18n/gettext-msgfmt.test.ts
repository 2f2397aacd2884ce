import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { po } from "gettext-parser";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../generator/model/load-model.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { fileAt } from "../../helpers/generated-module.js";
import { defaultRegistry } from "../../helpers/paths.js";
import { loadFixture, renderAll } from "../../helpers/registry.js";
import { tempDir } from "../../helpers/temp.js";

const run = promisify(execFile);

/** GNU msgfmt's verdict on a PO file: what it prints (warnings and statistics) on stderr. */
async function msgfmt(contents: string): Promise<string> {
  const file = path.join(await tempDir(), "catalog.po");
  await writeFile(file, contents);
  const { stderr } = await run("msgfmt", ["--check", "--statistics", "-o", "/dev/null", file]);
  return stderr.replaceAll(`${file}:`, "");
}

const REGISTRY = `id: demo
type: Demo
locales: [en, de]
missingTranslations: source
codes:
  - { code: 1, name: One, description: The first code. }
  - { code: 2, name: Two, description: The second code. }
`;

describe("gettext catalogs, as GNU msgfmt reads them", () => {
  it("pass `msgfmt --check` without a warning, for every locale of the default registry", async () => {
    const registry = await loadRegistry(defaultRegistry, { cwd: process.cwd() });
    const files = await renderRegistry(registry, { outDir: await tempDir() });
    for (const locale of registry.locales) {
      expect(await msgfmt(fileAt(files, `gettext/${locale}/close-codes.po`)), locale).toMatch(/^\d+ translated messages\.\n$/);
    }
  });

  it("leave a text that fell back to the source text untranslated: empty msgstr, counted so by msgfmt", async () => {
    const { dir, registry } = await loadFixture({
      "registry.yaml": REGISTRY,
      "registry.de.yaml": "locale: de\ncodes: { One: Der erste Code. }\n",
    });
    const german = fileAt(await renderAll(registry, dir), "gettext/de/demo.po");
    // title (the type, the same in every locale) and codes.One are translated; unknown (built in) and codes.Two fall back.
    expect(await msgfmt(german)).toBe("2 translated messages, 2 untranslated messages.\n");
    const messages = po.parse(german).translations;
    expect(messages["codes.Two"]!["The second code."]!.msgstr).toEqual([""]);
    expect(messages["codes.One"]!["The first code."]!.msgstr).toEqual(["Der erste Code."]);
  });
});

describe("texts and translations that differ in a leading or trailing line break", () => {
  const registry = (english: string, german: string) => `id: demo
type: Demo
locales: [en, de]
codes:
  - code: 1
    name: One
    description:
      en: ${JSON.stringify(english)}
      de: ${JSON.stringify(german)}
`;

  it.each([
    ["a trailing line break only in the source", "The first code.\n", "Der erste Code.", "end"],
    ["a leading line break only in the translation", "The first code.", "\nDer erste Code.", "start"],
    ["both, crossed", "\nThe first code.", "Der erste Code.\n", "start and end"],
  ])("are refused at load, at the translation (%s)", async (_, english, german, where) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "registry.yaml"), registry(english, german));
    await expect(loadRegistry(path.join(dir, "registry.yaml"), { cwd: dir })).rejects.toThrow(
      `registry.yaml:9:11: error: the "de" text of codes.One must ${where} with a line break exactly when the "en" source text does (at 8:11)`.replace(
        " (at 8:11)",
        " (at registry.yaml:8:11)",
      ),
    );
  });

  it("agreeing on them, give a catalog GNU msgfmt accepts", async () => {
    const { dir, registry: loaded } = await loadFixture({ "registry.yaml": registry("\nThe first code.\n", "\nDer erste Code.\n") });
    expect(await msgfmt(fileAt(await renderAll(loaded, dir), "gettext/de/demo.po"))).toMatch(
      /^\d+ translated messages?, \d+ untranslated messages?\.\n$/,
    );
  });
});
