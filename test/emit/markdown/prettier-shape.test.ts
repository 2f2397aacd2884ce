import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { escapeCell, renderCode, renderLink, renderTable } from "../../../generator/emit/markdown/escape.js";
import { findRegions, injectTables } from "../../../generator/emit/markdown/inject.js";
import { displayWidth } from "../../../generator/emit/markdown/string-width.js";
import { renderNamedTable } from "../../../generator/emit/markdown/tables.js";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import { type GeneratedFile, loadRegistry, type Registry, renderRegistry } from "../../../generator/index.js";
import { loadMarkdownTemplates } from "../../../generator/load/load-templates.js";
import type { MarkdownTemplates } from "../../../generator/load/templates/template-set.js";
import { HOSTILE_TEXTS, hostileRegistry } from "../../helpers/hostile.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { tempDir } from "../../helpers/temp.js";

/** What `prettier --write` makes of a Markdown file, with Prettier's default options. */
function formatted(markdown: string): Promise<string> {
  return prettier.format(markdown, { parser: "markdown" });
}

let templates: MarkdownTemplates;
let closeCodes: Registry;
let hostile: Registry;
let pages: GeneratedFile[];

beforeAll(async () => {
  const loaded = await loadMarkdownTemplates(undefined, repoRoot);
  if (!loaded.ok) throw new Error("the built-in templates do not load");
  templates = loaded.templates;
  closeCodes = await loadRegistry(defaultRegistry);
  const dir = await tempDir();
  await writeFile(path.join(dir, "hostile.yaml"), stringify(hostileRegistry()));
  hostile = await loadRegistry(path.join(dir, "hostile.yaml"));
  const fixture = await loadRegistry(path.join(repoRoot, "test/fixtures/hostile/hostile.yaml"));
  pages = [];
  for (const registry of [closeCodes, hostile, fixture]) {
    const files = await renderRegistry(registry, { outDir: path.join(dir, registry.id), targets: ["md"] });
    pages.push(...files.filter((file) => file.path.endsWith(".md")));
  }
});

describe("displayWidth", () => {
  it("counts every single code point as Prettier does", () => {
    const differences: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      const expected = prettier.util.getStringWidth(character);
      if (displayWidth(character) !== expected) differences.push(`U+${codePoint.toString(16)}: ${expected}`);
    }
    expect(differences).toEqual([]);
  });

  it.each([
    ...Object.entries(HOSTILE_TEXTS),
    ["keycaps", "1️⃣ 1⃣ #️⃣ *⃣"],
    ["ZWJ sequences", "👨‍👩‍👧‍👦 🏳️‍🌈 🏳‍🌈 🏳‍⚧ 🧑🏽‍💻 ❤️‍🔥 👁‍🗨"],
    ["flags and tags", "🇫🇷 🇯🇵 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴"],
    ["text and emoji presentation", "© ©️ ™ ☺ ☺️ ☔ ⌚ ↔ ↔️ ❤ ❤️ ☃︎"],
    ["CJK and fullwidth", "日本語のテキスト 简体中文 한국어 ＡＢＣ｡ｱｲｳ"],
    ["escaped cells", escapeCell("a | b `c` 😀 中")],
  ])("counts %s as Prettier does", (_, text) => {
    expect(displayWidth(text)).toBe(prettier.util.getStringWidth(text));
  });
});

describe("tables in Prettier's shape", () => {
  it("pads every column to its widest cell and leaves Prettier nothing to change", async () => {
    const cells = [
      ["1", escapeCell("日本語 | パイプ"), renderCode("a|b"), renderLink("RFC `6455`", "https://example.com/a(b)")],
      ["22", escapeCell("😀 👨‍👩‍👧 🇫🇷"), renderCode("``"), renderLink("x", "https://example.com/?a=1&b=2")],
      ["333", escapeCell("   spaced   out  "), "", escapeCell("a\nb")],
    ];
    const table = renderTable(["Code", "Text", "Name", "Link"].map(escapeCell), cells);
    // CJK characters and emoji count two columns each, a ZWJ family or a flag one emoji; `|` stays escaped.
    expect(table.split("\n")).toEqual([
      "| Code | Text                                          | Name   | Link                                       |",
      "| ---- | --------------------------------------------- | ------ | ------------------------------------------ |",
      "| 1    | 日本語 \\| パイプ                              | `a\\|b` | [RFC \\`6455\\`](<https://example.com/a(b)>) |",
      "| 22   | 😀 👨‍👩‍👧 🇫🇷                                      | ` `` ` | [x](https://example.com/?a=1&b=2)          |",
      "| 333  | &#32;&#32;&#32;spaced &#32;&#32;out&#32;&#32; |        | a<br>b                                     |",
    ]);
    expect(await formatted(`${table}\n`)).toBe(`${table}\n`);
  });

  it.each(Object.entries(HOSTILE_TEXTS))("keeps a table holding %s as it is", async (_, text) => {
    const table = renderTable([escapeCell(text), "B"], [[escapeCell(text), renderLink(text, "https://example.com/x|y")]]);
    expect(await formatted(`${table}\n`)).toBe(`${table}\n`);
  });
});

describe("pages and injected regions, formatted by Prettier", () => {
  it("come back byte for byte: every locale of the default registry and the hostile registries", async () => {
    expect(pages.map((page) => page.path)).toEqual(
      expect.arrayContaining(closeCodes.locales.map((l) => (l === "en" ? "close-codes.md" : `close-codes.${l}.md`))),
    );
    for (const page of pages) expect({ path: page.path, contents: await formatted(page.contents) }).toEqual(page);
  });

  it("leave an injected README, with both tables in every locale, as it is", async () => {
    const sections = [closeCodes, hostile].flatMap((registry) =>
      registry.locales.flatMap((locale) =>
        (["ranges", "codes"] as const).map(
          (table) =>
            `## ${registry.id} ${table} ${locale}\n\n<!-- codebook:start ${registry.id} ${table} ${locale} -->\n<!-- codebook:end ${registry.id} -->\n`,
        ),
      ),
    );
    const text = `# A README\n\nSome prose.\n\n${sections.join("\n")}`;
    const { regions, diagnostics } = findRegions(text, "README.md");
    expect(diagnostics).toEqual([]);
    const source = {
      registries: new Map([closeCodes, hostile].map((registry) => [registry.id, registry])),
      render: (registry: Registry, table: "ranges" | "codes", locale: string) =>
        renderNamedTable(registry, table, locale, pageTextsFor(templates, locale)),
    };
    const injected = injectTables(text, "README.md", regions, source);
    if (!injected.ok) throw new Error("injection failed");
    expect(injected.text).toContain('| <a id="close-codes-1000"></a>1000 |');
    expect(await formatted(injected.text)).toBe(injected.text);
  });

  it("keep the project README's regions current after prettier --write", async () => {
    const readme = await formatted(await readFile(path.join(repoRoot, "README.md"), "utf8"));
    const { regions, diagnostics } = findRegions(readme, "README.md");
    expect(diagnostics).toEqual([]);
    expect(regions.length).toBeGreaterThan(0);
    const source = {
      registries: new Map([[closeCodes.id, closeCodes]]),
      render: (registry: Registry, table: "ranges" | "codes", locale: string) =>
        renderNamedTable(registry, table, locale, pageTextsFor(templates, locale)),
    };
    const injected = injectTables(readme, "README.md", regions, source);
    expect(injected.ok && injected.text).toBe(readme);
  });
});
