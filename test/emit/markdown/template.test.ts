import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../generator/diagnostics/index.js";
import { resolvePageTexts } from "../../../generator/emit/markdown/page-texts.js";
import { renderTemplate, type TemplateScope } from "../../../generator/emit/markdown/render-template.js";
import { generate } from "../../../generator/index.js";
import type { PartialPageTexts, TextLayer } from "../../../generator/load/templates/page-texts.js";
import { parseTemplate, type Template } from "../../../generator/load/templates/template.js";
import { runCli } from "../../helpers/cli.js";
import { readTables } from "../../helpers/gfm.js";
import { repoRoot } from "../../helpers/paths.js";
import { tempDir, writeTree } from "../../helpers/temp.js";

function parsed(source: string): Template {
  const result = parseTemplate(source, "page.md");
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join("\n"));
  return result.template;
}

function errors(source: string): string[] {
  const result = parseTemplate(source, "page.md");
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

const SCOPE: TemplateScope = {
  values: {
    notice: "<!-- notice -->",
    title: "Title",
    description: "Described.",
    id: "the-id",
    locale: "en",
    languages: "English",
    map: "![Map](<the-id.map.svg>)",
  },
  texts: {
    language: "English",
    ranges: "Ranges",
    codes: "Codes",
    range: "Range",
    code: "Code",
    name: "Name",
    use: "Use",
    description: "Description",
    reference: "Reference",
    aliases: "Aliases",
    yes: "yes",
    no: "no",
    status: "Status",
    active: "active",
    deprecated: "deprecated",
    retired: "retired",
    since: "since {version}",
    map: "Map of {title} ({from}–{to})",
  },
  tables: { ranges: "| R |\n| --- |", codes: "| C |\n| --- |" },
  conditions: { description: true, ranges: false, translations: true, map: true },
};

describe("parseTemplate", () => {
  it.each([
    [
      "an unknown table",
      "{{ notice }}\n{{ table:foo }}\n",
      'page.md:2:1: error: unknown placeholder "{{ table:foo }}" (known tables: ranges, codes)',
    ],
    [
      "an unknown name",
      "{{ notice }}\nText {{bogus}} here\n",
      'page.md:2:6: error: unknown placeholder "{{ bogus }}" (known: notice, title, description, id, locale, languages, map, text:KEY, table:TABLE, if:CONDITION, end)',
    ],
    [
      "an unknown text key",
      "{{ notice }}\n## {{ text:nope }}\n",
      'page.md:2:4: error: unknown placeholder "{{ text:nope }}" (known text keys: language, ranges, codes, range, code, name, use, description, reference, aliases, yes, no, status, active, deprecated, retired, since, map)',
    ],
    [
      "an unknown condition",
      "{{ notice }}\n{{ if:nope }}\n{{ end }}\n",
      'page.md:2:1: error: unknown placeholder "{{ if:nope }}" (known conditions: description, ranges, translations, map)',
    ],
    ["an end without if", "{{ notice }}\n\n  {{ end }}\n", "page.md:3:3: error: {{ end }} without an open {{ if:CONDITION }}"],
    [
      "an if without end",
      "{{ notice }}\n{{ if:ranges }}\n{{ if:description }}\n{{ end }}\n",
      "page.md:2:1: error: {{ if:ranges }} is not closed by {{ end }}",
    ],
    [
      "an unclosed placeholder",
      "{{ notice }}\n{{ title\n}}\n",
      'page.md:2:1: error: unclosed placeholder: "{{" has no "}}" on the same line (write {{ "{{" }} for a literal "{{")',
    ],
    [
      "no notice",
      "# {{ title }}\n",
      "page.md:1:1: error: the template does not place {{ notice }} outside {{ if }} blocks; every generated page must carry the notice",
    ],
    [
      "a notice only inside a block",
      "{{ if:ranges }}{{ notice }}{{ end }}\n",
      "page.md:1:1: error: the template does not place {{ notice }} outside {{ if }} blocks; every generated page must carry the notice",
    ],
    [
      "a placeholder after CRLF lines",
      "{{ notice }}\r\n\r\n{{ table:x }}\r\n",
      'page.md:3:1: error: unknown placeholder "{{ table:x }}" (known tables: ranges, codes)',
    ],
  ])("reports %s at its position", (_, source, expected) => {
    expect(errors(source)).toEqual([expected]);
  });

  it("reports every problem at once", () => {
    expect(errors("{{ a }} {{ b }}\n{{ end }}\n{{ c")).toHaveLength(5);
  });
});

describe("renderTemplate", () => {
  it("places values, texts and tables, and ends with one line break", () => {
    const template = parsed("{{ notice }}\n# {{ title }} ({{ id }}, {{locale}})\n## {{ text:codes }}\n{{ table:codes }}\n\n\n");
    expect(renderTemplate(template, SCOPE)).toBe("<!-- notice -->\n# Title (the-id, en)\n## Codes\n| C |\n| --- |\n");
  });

  it("drops false blocks and the lines of block tags that stand alone", () => {
    const template = parsed(
      "{{ notice }}\n\n{{ if:ranges }}\n{{ table:ranges }}\n\n{{ end }}\n  {{ if:description }}  \n{{ description }}\n{{ end }}\nEnd\n",
    );
    expect(renderTemplate(template, SCOPE)).toBe("<!-- notice -->\n\nDescribed.\nEnd\n");
  });

  it("keeps the text around inline blocks and nests blocks", () => {
    const template = parsed("{{ notice }}\nA{{ if:translations }}B{{ if:ranges }}C{{ end }}D{{ end }}E\n");
    expect(renderTemplate(template, SCOPE)).toBe("<!-- notice -->\nABDE\n");
  });

  it('writes {{ "{{" }} as a literal "{{", and never scans values for placeholders', () => {
    const scope = { ...SCOPE, values: { ...SCOPE.values, title: "{{ table:codes }} {{ notice }}" } };
    expect(renderTemplate(parsed('{{ notice }}\n{{ "{{" }} title }}: {{ title }}\n'), scope)).toBe(
      "<!-- notice -->\n{{ title }}: {{ table:codes }} {{ notice }}\n",
    );
  });

  it("normalizes CRLF templates to LF", () => {
    expect(renderTemplate(parsed("{{ notice }}\r\n{{ if:ranges }}\r\nx\r\n{{ end }}\r\n# {{ title }}\r\n"), SCOPE)).toBe(
      "<!-- notice -->\n# Title\n",
    );
  });
});

describe("resolvePageTexts", () => {
  const builtIn: TextLayer = {
    texts: new Map<string, PartialPageTexts>([
      ["en", SCOPE.texts],
      ["de", { ...SCOPE.texts, language: "Deutsch", yes: "ja" }],
      ["pt", { language: "Português", yes: "sim" }],
    ]),
  };
  const user: TextLayer = { texts: new Map([["de", { yes: "jawohl" }]]) };

  it.each([
    ["de", "language", "Deutsch"],
    ["de", "yes", "jawohl"],
    ["de", "no", "no"],
    ["pt-BR", "yes", "sim"],
    ["pt-BR", "language", "Português"],
    ["pt-BR", "ranges", "Ranges"],
    ["xx", "codes", "Codes"],
    ["xx", "language", "xx"],
  ] as const)("%s %s is %j (the user's texts first, then parent tags, then English)", (locale, key, expected) => {
    expect(resolvePageTexts([user, builtIn], locale)[key]).toBe(expected);
  });
});

describe("templates from a folder", () => {
  async function project(files: Readonly<Record<string, string>>): Promise<string> {
    const dir = await tempDir();
    await writeTree(dir, files);
    return dir;
  }

  it("a copy of the built-in templates renders the same pages", async () => {
    const dir = await project({});
    await cp(path.join(repoRoot, "templates"), path.join(dir, "mine"), { recursive: true });
    expect((await runCli(["generate", "--out", "out", "--templates", "mine"], dir)).code).toBe(0);
    // The notice names the registry relative to the output folder, which differs: compare the rest.
    const body = (text: string) => text.slice(text.indexOf("\n"));
    for (const name of ["close-codes.md", "close-codes.de.md"]) {
      const expected = await readFile(path.join(repoRoot, "generated", name), "utf8");
      expect(body(await readFile(path.join(dir, "out", name), "utf8"))).toBe(body(expected));
    }
  });

  it("override the page template, one locale's template and single words, file by file", async () => {
    const dir = await project({
      "mine/page.md": "---\ntitle: {{ id }}\n---\n{{ notice }}\n\nCustom page in {{ locale }}.\n\n{{ table:codes }}\n",
      "mine/page.de.md": "{{ notice }}\n\n# {{ title }}\n\n{{ table:ranges }}\n",
      "mine/locales/de.yaml": "range: Spanne\n",
      "mine/locales/en.yaml": '"yes": "✓"\n"no": "✗"\n',
    });
    const run = await runCli(["generate", "--out", "out", "--templates", "mine"], dir);
    expect(run.stderr).toBe("");
    const english = await readFile(path.join(dir, "out", "close-codes.md"), "utf8");
    expect(english.startsWith("---\ntitle: close-codes\n---\n<!-- Code generated by codebook from ")).toBe(true);
    expect(english).toContain("Custom page in en.");
    const codes = readTables(english);
    expect(codes).toHaveLength(1);
    expect(codes[0]!.rows[0]!.map((cell) => cell.text).slice(4, 6)).toEqual(["✓", "✓"]);
    const german = readTables(await readFile(path.join(dir, "out", "close-codes.de.md"), "utf8"));
    expect(german).toHaveLength(1);
    expect(german[0]!.header.map((cell) => cell.text)).toEqual(["Spanne", "Name", "Verwendung", "Referenz"]);
  });

  it("with an unknown placeholder is an error at its position, and nothing is written", async () => {
    const dir = await project({
      "mine/page.md": "{{ notice }}\n\n## Codes\n\n  {{ table:status }}\n",
      "mine/locales/de.yaml": "colour: Farbe\nyes: true\n",
    });
    const run = await runCli(["generate", "--out", "out", "--templates", "mine"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      'mine/locales/de.yaml:1:1: error: unknown text key "colour" (known: language, ranges, codes, range, code, name, use, description, reference, aliases, yes, no, status, active, deprecated, retired, since, map)',
      'mine/locales/de.yaml:2:6: error: text "yes" must be a non-empty string (quote yes, no, true, false and numbers)',
      'mine/page.md:5:3: error: unknown placeholder "{{ table:status }}" (known tables: ranges, codes)',
      "codebook: 3 errors; nothing was written",
    ]);
    expect(await readdir(dir)).toEqual(["mine"]);
  });

  it("that does not exist is an error", async () => {
    const dir = await project({});
    await expect(generate({ cwd: dir, templates: "missing" })).rejects.toThrow(
      "missing:1:1: error: templates folder not found (it holds page.md, page.<locale>.md and locales/<locale>.yaml)",
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
