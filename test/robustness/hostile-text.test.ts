import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { Project } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { importTypeScript } from "../helpers/module.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";

type Text = Record<string, string>;
interface HostileRegistry {
  id: string;
  title: Text;
  description: Text;
  unknown: Text;
  locales: string[];
  ranges: { from: number; to: number; name: string; description: Text; reference?: string; url?: string }[];
  codes: { code: number; name: string; description: Text; reference?: string; aliases?: { name: string }[] }[];
  sets: { name: string; description: Text; label: Text }[];
}

import { loadRegistry } from "../../generator/index.js";
import { formatjsReader, gettextReader, i18nextReader, keyForCode, probeCodes } from "../helpers/catalog-readers.js";
import { fileAt, importModule } from "../helpers/generated-module.js";
import { renderAll } from "../helpers/registry.js";

const fixture = path.join(repoRoot, "test", "fixtures", "hostile", "hostile.yaml");
/** What the texts are, read by the YAML library alone: what every output must hold exactly. */
const expected = parse(await readFile(fixture, "utf8")) as HostileRegistry;

interface Generated {
  readonly ts: string;
  readonly json: string;
  readonly md: string;
  readonly module: Record<string, unknown>;
  readonly compile: { ok: boolean; output: string };
}

let generated: Generated;

/** Type-checks one generated module as an ES module (NodeNext reads `type` from the nearest package.json). */
async function compileModule(source: string) {
  const dir = await tempDir();
  await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
  return compileStrict(dir, { "hostile.ts": source });
}

beforeAll(async () => {
  const out = await tempDir();
  const run = await runCli(["generate", fixture, "--out", out, "--quiet"], repoRoot);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  const read = (name: string) => readFile(path.join(out, name), "utf8");
  const ts = await read("hostile.ts");
  generated = {
    ts,
    json: await read("hostile.json"),
    md: await read("hostile.md"),
    compile: await compileModule(ts),
    module: await importTypeScript(out, "hostile", ts),
  };
});

describe("hostile but valid text", () => {
  it("gives TypeScript that compiles under the strictest flags", () => {
    expect(generated.compile.output).toBe("");
    expect(generated.compile.ok).toBe(true);
  });

  it("injects no declaration: the module exports exactly the generated names", () => {
    expect(Object.keys(generated.module).sort()).toEqual(
      [
        "COMMENT_BREAKER",
        "Hostile",
        "Hostiles",
        "createHostileDescriber",
        "describeHostile",
        "getHostileName",
        "getHostileRange",
        "hostileCatalogAr",
        "hostileCatalogEn",
        "hostileCatalogs",
        "hostileLocales",
        "hostileRanges",
        "isHostile",
        "isOddHostile",
        "resolveHostileLocale",
      ].sort(),
    );
    const file = new Project({ useInMemoryFileSystem: true }).createSourceFile("hostile.ts", generated.ts);
    expect([...file.getExportedDeclarations().keys()].sort()).toEqual(
      [
        ...Object.keys(generated.module),
        "HostileCatalog",
        "HostileLocale",
        "HostileName",
        "HostileRange",
        "HostileRangeName",
        "HostileValue",
        "OddHostile",
      ].sort(),
    );
    expect(
      file
        .getStatements()
        .map((statement) => statement.getKindName())
        .filter((kind) => kind === "ExpressionStatement"),
    ).toEqual([]);
  });

  it("describe<Type> returns the exact text of every code, range and locale", () => {
    const describeHostile = generated.module.describeHostile as (code: number, locale?: string) => string;
    for (const locale of expected.locales) {
      for (const entry of expected.codes) expect(describeHostile(entry.code, locale)).toBe(entry.description[locale]);
      for (const range of expected.ranges) expect(describeHostile(range.to, locale)).toBe(range.description[locale]);
      expect(describeHostile(100_000, locale)).toBe(expected.unknown[locale]);
      const catalog = (generated.module.hostileCatalogs as Record<string, { title: string }>)[locale];
      expect(catalog?.title).toBe(expected.title[locale]);
    }
  });

  it("the JSON holds the exact texts", () => {
    const json = JSON.parse(generated.json) as HostileRegistry;
    expect(json.title).toEqual(expected.title);
    expect(json.description).toEqual(expected.description);
    expect(json.unknown).toEqual(expected.unknown);
    expect(json.codes.map((entry) => [entry.description, entry.reference])).toEqual(
      expected.codes.map((entry) => [entry.description, entry.reference]),
    );
    expect(json.ranges.map((range) => [range.description, range.reference])).toEqual(
      expected.ranges.map((range) => [range.description, range.reference]),
    );
    expect(json.sets.map((set) => [set.description, set.label])).toEqual(expected.sets.map((set) => [set.description, set.label]));
  });

  describe("the Markdown renders the exact texts", () => {
    let tokens: MarkdownToken[];
    beforeAll(() => {
      tokens = new MarkdownIt({ html: true }).parse(generated.md, {});
    });

    it("holds one HTML block, the generated notice, and no other HTML than line breaks and the codes' anchors", () => {
      expect(tokens.filter((token) => token.type === "html_block").map((token) => token.content)).toEqual([
        expect.stringMatching(/^<!-- Code generated by codebook from .*\. DO NOT EDIT\. -->\n$/),
      ]);
      const html = tokens.flatMap((token) => token.children ?? []).filter((token) => token.type === "html_inline");
      const anchors = [...new Set(expected.codes.map((entry) => entry.code))].map((code) => `<a id="${expected.id}-${code}">`);
      expect(new Set(html.map((token) => token.content))).toEqual(new Set(["<br>", "</a>", ...anchors]));
    });

    it("in the title and the description", () => {
      const source = expected.locales[0]!;
      const blocks = tokens.map((token, index) => ({ token, inline: tokens[index + 1] }));
      const heading = blocks.find(({ token }) => token.type === "heading_open" && token.tag === "h1");
      expect(textOf(heading?.inline)).toBe(expected.title[source]);
      const paragraphs = blocks.filter(({ token }) => token.type === "paragraph_open").map(({ inline }) => textOf(inline));
      // The page opens with links to the other languages' pages, then its map (an image, no text), then the description.
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs[1]).toBe("");
      expect(paragraphs[2]).toBe(expected.description[source]);
    });

    it("in every cell of the ranges and codes tables", () => {
      const source = expected.locales[0]!;
      const [ranges, codes] = tablesOf(tokens);
      expect(ranges?.header).toEqual(["Range", "Name", "Use", "Reference"]);
      expect(ranges?.rows.map((row) => [row[1], row[2], row[3]])).toEqual(
        expected.ranges.map((range) => [range.name, range.description[source], range.reference ?? range.url]),
      );
      expect(codes?.header).toEqual(["Code", "Name", "Status", "Description", expected.sets[0]!.label[source], "Reference", "Aliases"]);
      expect(codes?.rows.map((row) => [row[0], row[1], row[2], row[3], row[5], row[6]])).toEqual(
        expected.codes.map((entry) => [
          String(entry.code),
          entry.name,
          "active",
          entry.description[source],
          entry.reference ?? "",
          (entry.aliases ?? []).map((alias) => alias.name).join(", "),
        ]),
      );
    });
  });
});

type MarkdownToken = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** The text a reader sees in an inline token: a `<br>` or a line break is a newline, markup adds nothing. */
function textOf(inline: MarkdownToken | undefined): string | undefined {
  if (inline === undefined) return undefined;
  return (inline.children ?? [])
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak" || (child.type === "html_inline" && child.content === "<br>"))
        return "\n";
      return "";
    })
    .join("");
}

/** Every table as its header texts and rows of cell texts. */
function tablesOf(tokens: readonly MarkdownToken[]): { header: string[]; rows: string[][] }[] {
  const tables: { header: string[]; rows: string[][] }[] = [];
  let row: string[] = [];
  tokens.forEach((token, index) => {
    if (token.type === "table_open") tables.push({ header: [], rows: [] });
    if (token.type === "tr_open") row = [];
    if (token.type === "th_open" || token.type === "td_open") row.push(textOf(tokens[index + 1]) ?? "");
    if (token.type === "tr_close") {
      const table = tables.at(-1)!;
      if (table.header.length === 0) table.header = row;
      else table.rows.push(row);
    }
  });
  return tables;
}

describe("a hostile registry file name", () => {
  it("cannot end the comment that names it in any output", async () => {
    const folder = await tempDir();
    // The folder's name ends in `*`, so that its path separator closes a `/*` comment.
    const name = "odd\n*/ export const injected = 1; --> <!-- \u2028.yaml";
    await mkdir(path.join(folder, "odd\n*"));
    await writeFile(path.join(folder, name), await readFile(fixture, "utf8"));
    const run = await runCli(["generate", name, "--out", "out", "--quiet"], folder);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const ts = await readFile(path.join(folder, "out", "hostile.ts"), "utf8");
    const md = await readFile(path.join(folder, "out", "hostile.md"), "utf8");
    const notice = String.raw`Code generated by codebook from ../odd\u000a*\/ export const injected = 1; -\-> <!-\- \u2028.yaml. DO NOT EDIT.`;
    expect(ts.split("\n", 2)).toEqual([`// ${notice}`, ""]);
    expect(md.split("\n", 2)).toEqual([`<!-- ${notice} -->`, ""]);
    expect(await compileModule(ts)).toEqual({ ok: true, output: "" });
    const tokens = new MarkdownIt({ html: true }).parse(md, {});
    expect(tokens.filter((token) => token.type === "html_block").map((token) => token.content)).toEqual([`<!-- ${notice} -->\n`]);
  });
});

describe("hostile but valid text in the i18n catalogs", () => {
  it("comes back exactly through i18next, FormatJS and gettext, as describe gives it", async () => {
    const registry = await loadRegistry(fixture);
    const files = await renderAll(registry, await tempDir());
    const module = await importModule(fileAt(files, "hostile.ts"));
    const describeHostile = module.describeHostile as (code: number, locale: string) => string;
    for (const locale of registry.locales) {
      const readers = [
        await i18nextReader(registry, files, locale),
        formatjsReader(registry, files, locale),
        gettextReader(registry, files, locale),
      ];
      for (const read of readers) {
        for (const code of probeCodes(registry))
          expect(read(keyForCode(module, "Hostile", code), code)).toBe(describeHostile(code, locale));
        expect(read("title", 0)).toBe(expected.title[locale]);
      }
    }
  });
});
