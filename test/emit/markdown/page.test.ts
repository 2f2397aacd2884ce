import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import { describeMap } from "../../../generator/emit/svg/map-words.js";
import { type CodeRange, type GeneratedFile, loadRegistry, type Registry, renderRegistry } from "../../../generator/index.js";
import { loadMarkdownTemplates } from "../../../generator/load/load-templates.js";
import type { MarkdownTemplates } from "../../../generator/load/templates/template-set.js";
import { runCli } from "../../helpers/cli.js";
import { gfm, type ReadTable, readBlocks, readImage, readTables, rowHasCells } from "../../helpers/gfm.js";
import { HOSTILE_TEXTS, hostileRegistry } from "../../helpers/hostile.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { tempDir } from "../../helpers/temp.js";

let templates: MarkdownTemplates;

beforeAll(async () => {
  const loaded = await loadMarkdownTemplates(undefined, repoRoot);
  if (!loaded.ok) throw new Error("the built-in templates do not load");
  templates = loaded.templates;
});

function pagePath(registry: Registry, locale: string): string {
  return locale === registry.sourceLocale ? `${registry.id}.md` : `${registry.id}.${locale}.md`;
}

function mapPath(registry: Registry, locale: string): string {
  return locale === registry.sourceLocale ? `${registry.id}.map.svg` : `${registry.id}.map.${locale}.svg`;
}

/** The map image of a page, as a reader gets it: its `alt` text and its source. */
function mapImageOf(contents: string): { alt: string; src: string } | undefined {
  const inline = gfm.parse(contents, {}).find((token) => token.type === "inline" && token.children?.[0]?.type === "image");
  const image = inline?.children?.[0];
  return image === undefined ? undefined : readImage(image);
}

function depthOf(registry: Registry, range: CodeRange): number {
  const parent = registry.ranges.find((candidate) => candidate.name === range.parent);
  return parent === undefined ? 0 : depthOf(registry, parent) + 1;
}

function texts(table: ReadTable): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.text));
}

/** Asserts that a page's two tables read back as the registry's ranges and codes, in `locale`. */
function expectTablesMatchRegistry(contents: string, registry: Registry, locale: string): void {
  const words = pageTextsFor(templates, locale);
  const tables = readTables(contents);
  expect(tables).toHaveLength(2);
  const [ranges, codes] = tables as [ReadTable, ReadTable];

  expect(ranges.header.map((cell) => cell.text)).toEqual([words.range, words.name, words.use, words.reference]);
  const orderedRanges = [...registry.ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  expect(texts(ranges)).toEqual(
    orderedRanges.map((range) => [
      `${"↳ ".repeat(depthOf(registry, range))}${range.from === range.to ? range.from : `${range.from}–${range.to}`}`,
      range.aliases.length === 0 ? range.name : `${range.name} (${range.aliases.map((alias) => alias.name).join(", ")})`,
      range.description[locale]!,
      range.reference ?? range.url ?? "",
    ]),
  );
  // Compared percent-decoded: a link may percent-encode what the URL writes raw (a `(`, a `;` after `&name`).
  expect(ranges.rows.map((row) => row[3]!.hrefs.map(decodeURIComponent))).toEqual(
    orderedRanges.map((range) => (range.url === undefined ? [] : [decodeURIComponent(gfm.normalizeLink(range.url))])),
  );

  const labelled = registry.sets.filter((set) => set.label !== undefined);
  const anyAliases = registry.codes.some((entry) => entry.aliases.length > 0);
  expect(codes.header.map((cell) => cell.text)).toEqual([
    words.code,
    words.name,
    words.status,
    words.description,
    ...labelled.map((set) => set.label![locale]!),
    words.reference,
    ...(anyAliases ? [words.aliases] : []),
  ]);
  const orderedCodes = [...registry.codes].sort((a, b) => a.code - b.code);
  expect(
    texts(codes).map((row) => [row[0], row[1], row[2], row[3], row[4 + labelled.length], ...(anyAliases ? [row.at(-1)] : [])]),
  ).toEqual(
    orderedCodes.map((entry) => [
      String(entry.code),
      entry.name,
      words[entry.lifecycle.status],
      entry.description[locale]!,
      entry.reference ?? entry.url ?? "",
      ...(anyAliases ? [entry.aliases.map((alias) => alias.name).join(", ")] : []),
    ]),
  );
  for (const row of codes.rows) for (const cell of row.slice(4, 4 + labelled.length)) expect([words.yes, words.no]).toContain(cell.text);

  for (const table of tables) {
    expect(rowHasCells(table.headerLine, table.header.length)).toBe(true);
    for (const line of table.rowLines) expect(rowHasCells(line, table.header.length)).toBe(true);
  }
}

describe("the default registry's pages", () => {
  let registry: Registry;
  let files: GeneratedFile[];

  beforeAll(async () => {
    registry = await loadRegistry(defaultRegistry);
    files = await renderRegistry(registry, { outDir: path.join(repoRoot, "generated"), targets: ["md"] });
  });

  it("are <id>.md in the source locale and <id>.<locale>.md for every other locale, each with its map", () => {
    expect(files.map((file) => file.path)).toEqual(
      registry.locales.flatMap((locale) => [pagePath(registry, locale), mapPath(registry, locale)]),
    );
    expect(files[0]!.path).toBe("close-codes.md");
    expect(files[1]!.path).toBe("close-codes.map.svg");
    expect(files[3]!.path).toBe("close-codes.map.de.svg");
  });

  it("are committed in generated/ as generate writes them", async () => {
    for (const file of files) expect(await readFile(path.join(repoRoot, "generated", file.path), "utf8")).toBe(file.contents);
  });

  it("hold the English column headers and the wire and close() columns in the source page", () => {
    const [ranges, codes] = readTables(files[0]!.contents) as [ReadTable, ReadTable];
    expect(ranges.header.map((cell) => cell.text)).toEqual(["Range", "Name", "Use", "Reference"]);
    expect(codes.header.map((cell) => cell.text)).toEqual([
      "Code",
      "Name",
      "Status",
      "Description",
      "On the wire",
      "close()",
      "Reference",
      "Aliases",
    ]);
    const column = (header: string) =>
      Object.fromEntries(codes.rows.map((row) => [row[0]!.text, row[codes.header.findIndex((cell) => cell.text === header)]!.text]));
    const notOnTheWire = ["1005", "1006", "1015"];
    const closeCall = ["1000", "3000", "3003", "3008"];
    for (const [code, answer] of Object.entries(column("On the wire"))) expect(answer).toBe(notOnTheWire.includes(code) ? "no" : "yes");
    for (const [code, answer] of Object.entries(column("close()"))) expect(answer).toBe(closeCall.includes(code) ? "yes" : "no");
  });

  it.each(["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"])("have built-in words for %s", (locale) => {
    const loaded = templates.layers.at(-1)!.texts.get(locale);
    expect(Object.keys(loaded ?? {}).sort()).toEqual(Object.keys(pageTextsFor(templates, "en")).sort());
  });

  it("read back, in every locale, as every range and code of the registry with that locale's texts", () => {
    for (const locale of registry.locales) {
      const file = files.find((candidate) => candidate.path === pagePath(registry, locale))!;
      expectTablesMatchRegistry(file.contents, registry, locale);
    }
  });

  it("start with the notice, then the title, the languages, the map and the description", () => {
    for (const locale of registry.locales) {
      const file = files.find((candidate) => candidate.path === pagePath(registry, locale))!;
      expect(file.contents.split("\n")[0]).toBe("<!-- Code generated by codebook from ../schema/close-codes.yaml. DO NOT EDIT. -->");
      const blocks = readBlocks(file.contents);
      const languages = registry.locales.map((other) => pageTextsFor(templates, other).language).join(" · ");
      expect(blocks.slice(0, 5)).toEqual([
        "html_block",
        `heading: ${registry.title[locale]}`,
        `paragraph: ${languages}`,
        `image: ${describeMap(registry, locale, pageTextsFor(templates, locale))}`,
        `paragraph: ${registry.description![locale]}`,
      ]);
      expect(mapImageOf(file.contents)?.src).toBe(mapPath(registry, locale));
      const links = gfm
        .parse(file.contents, {})
        .flatMap((token) => token.children ?? [])
        .filter((token) => token.type === "link_open");
      const pages = links.map((token) => String(token.attrGet("href"))).filter((href) => href.endsWith(".md"));
      expect(pages).toEqual(registry.locales.filter((other) => other !== locale).map((other) => pagePath(registry, other)));
    }
  });
});

describe("pages of a registry of hostile texts", () => {
  let registry: Registry;
  let files: GeneratedFile[];

  beforeAll(async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "hostile.yaml"), stringify(hostileRegistry()));
    registry = await loadRegistry(path.join(dir, "hostile.yaml"));
    files = await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["md"] });
  });

  it("read back as exactly the registry's texts, in every table cell", () => {
    expect(files.map((file) => file.path)).toEqual(["hostile.md", "hostile.map.svg", "hostile.ar.md", "hostile.map.ar.svg"]);
    for (const locale of registry.locales)
      expectTablesMatchRegistry(files.find((file) => file.path === pagePath(registry, locale))!.contents, registry, locale);
  });

  it("read back as exactly the registry's title and description", () => {
    for (const locale of registry.locales) {
      const blocks = readBlocks(files.find((file) => file.path === pagePath(registry, locale))!.contents);
      expect(blocks.filter((block) => !block.startsWith("table"))).toEqual([
        "html_block",
        `heading: ${registry.title[locale]}`,
        "paragraph: English · ar",
        `image: ${describeMap(registry, locale, pageTextsFor(templates, locale))}`,
        `paragraph: ${registry.description![locale]}`,
        "heading: Ranges",
        "heading: Codes",
      ]);
    }
  });

  it("never expand placeholders or markers written in the texts", () => {
    const contents = files[0]!.contents;
    expect(readTables(contents)).toHaveLength(2);
    expect(contents).toContain("{{ table:codes }} {{ notice }} {{ unknown }} {{");
    expect(contents.match(/<!-- /g)).toHaveLength(1);
    const codes = readTables(contents)[1]!;
    expect(codes.rows.map((row) => row[3]!.text)).toContain(HOSTILE_TEXTS["placeholder syntax"]);
  });

  it("are written by the CLI, and a second run leaves them untouched", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "hostile.yaml"), stringify(hostileRegistry()));
    const first = await runCli(["generate", "hostile.yaml", "--out", "out"], dir);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    for (const file of files) expect(await readFile(path.join(dir, "out", file.path), "utf8")).toBe(file.contents);
    const second = await runCli(["generate", "hostile.yaml", "--out", "out"], dir);
    expect(second.stdout).toMatch(/ up to date$/);
  });
});
