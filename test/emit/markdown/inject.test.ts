import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatDiagnostic } from "../../../generator/diagnostics/index.js";
import { findRegions, injectTables, type TableSource } from "../../../generator/emit/markdown/inject.js";
import { renderNamedTable } from "../../../generator/emit/markdown/tables.js";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import { loadRegistry, type Registry } from "../../../generator/index.js";
import { loadMarkdownTemplates } from "../../../generator/load/load-templates.js";
import { runCli, spawnCli } from "../../helpers/cli.js";
import { readTables, rowHasCells } from "../../helpers/gfm.js";
import { HOSTILE_TEXTS, hostileRegistry } from "../../helpers/hostile.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { tempDir, writeTree } from "../../helpers/temp.js";

let registry: Registry;
/** A stand-in table that names what was asked for, so results can be spelled out exactly. */
let fake: TableSource;

beforeAll(async () => {
  registry = await loadRegistry(defaultRegistry);
  fake = { registries: new Map([[registry.id, registry]]), render: (from, table, locale) => `| ${from.id} ${table} ${locale} |\n| --- |` };
});

/** Injects with the stand-in tables; throws the formatted diagnostics. */
function inject(text: string): string {
  const { regions, diagnostics } = findRegions(text, "doc.md");
  const result = injectTables(text, "doc.md", regions, fake);
  const all = [...diagnostics, ...(result.ok ? [] : result.diagnostics)];
  if (all.length > 0 || !result.ok) throw new Error(all.map(formatDiagnostic).join("\n"));
  return result.text;
}

function diagnosticsOf(text: string): string[] {
  const { regions, diagnostics } = findRegions(text, "doc.md");
  const result = injectTables(text, "doc.md", regions, fake);
  return [...diagnostics, ...(result.ok ? [] : result.diagnostics)].map(formatDiagnostic);
}

/** A table of the default registry as the built-in templates render it. */
async function tableOf(table: "ranges" | "codes", locale = "en"): Promise<string> {
  const loaded = await loadMarkdownTemplates(undefined, repoRoot);
  if (!loaded.ok) throw new Error("the built-in templates do not load");
  return renderNamedTable(registry, table, locale, pageTextsFor(loaded.templates, locale));
}

describe("injectTables", () => {
  it("replaces each region by a blank line, its table and a blank line, and keeps every other byte", () => {
    const before = "# Title  \n\n\tTabbed — ünïcødé 👩‍👩‍👧 <!-- a comment -->\n\n";
    const between = "\nText between regions.\n\n";
    const after = "\ntrailing spaces   \nno final line break";
    const text = `${before}<!-- codebook:start close-codes ranges -->\nstale\n| old | table |\n<!-- codebook:end close-codes -->${between}   <!--codebook:start close-codes codes de-->\n<!-- codebook:end close-codes -->${after}`;
    expect(inject(text)).toBe(
      `${before}<!-- codebook:start close-codes ranges -->\n\n| close-codes ranges en |\n| --- |\n\n<!-- codebook:end close-codes -->${between}` +
        `   <!--codebook:start close-codes codes de-->\n\n| close-codes codes de |\n| --- |\n\n<!-- codebook:end close-codes -->${after}`,
    );
  });

  it("gives the same file when run again", () => {
    const once = inject("<!-- codebook:start close-codes codes -->\n<!-- codebook:end close-codes -->\n");
    expect(inject(once)).toBe(once);
  });

  it("writes a region with its start marker's CRLF line endings, leaving the rest as it was", () => {
    const text = "Intro\r\n\r\n<!-- codebook:start close-codes codes -->\r\nold\r\n<!-- codebook:end close-codes -->\r\nOutro\n";
    expect(inject(text)).toBe(
      "Intro\r\n\r\n<!-- codebook:start close-codes codes -->\r\n\r\n| close-codes codes en |\r\n| --- |\r\n\r\n<!-- codebook:end close-codes -->\r\nOutro\n",
    );
  });

  it("ignores markers in fenced code blocks", () => {
    const text = [
      "```markdown",
      "<!-- codebook:start close-codes codes -->",
      "<!-- codebook:end close-codes -->",
      "```",
      "~~~~",
      "<!-- codebook:start nope nope",
      "~~~",
      "<!-- codebook:end other -->",
      "~~~~",
      "<!-- codebook:start close-codes ranges -->",
      "<!-- codebook:end close-codes -->",
      "",
    ].join("\n");
    const result = inject(text);
    expect(result.startsWith(text.slice(0, text.indexOf("<!-- codebook:start close-codes ranges -->")))).toBe(true);
    expect(result).toContain("| close-codes ranges en |");
    expect(result).not.toContain("| close-codes codes en |");
  });

  it.each([
    [
      "a start without an end",
      "x\n<!-- codebook:start close-codes codes -->\n",
      ["doc.md:2:1: error: start marker without an end marker (<!-- codebook:end close-codes -->)"],
    ],
    [
      "an end without a start",
      "<!-- codebook:end close-codes -->\n",
      ["doc.md:1:1: error: end marker without a start marker (<!-- codebook:start ID TABLE [LOCALE] -->)"],
    ],
    [
      "a nested start",
      "<!-- codebook:start close-codes codes -->\n  <!-- codebook:start close-codes ranges -->\n<!-- codebook:end close-codes -->\n",
      [
        'doc.md:2:3: error: start marker inside the region "close-codes" opened at 1:1; close that one first with <!-- codebook:end close-codes -->',
      ],
    ],
    [
      "an end naming another id",
      "<!-- codebook:start close-codes codes -->\n<!-- codebook:end close-code -->\n",
      [
        'doc.md:2:19: error: end marker for "close-code" closes the region "close-codes" opened at 1:1; write <!-- codebook:end close-codes -->',
      ],
    ],
    [
      "an unknown registry id",
      "<!-- codebook:start http-status codes -->\n<!-- codebook:end http-status -->\n",
      ['doc.md:1:21: error: unknown registry id "http-status" (known: close-codes)'],
    ],
    [
      "an unknown table",
      "<!-- codebook:start close-codes sets -->\n<!-- codebook:end close-codes -->\n",
      ['doc.md:1:33: error: unknown table "sets" (known: ranges, codes)'],
    ],
    [
      "an unknown marker",
      "<!-- codebook:begin close-codes codes -->\n",
      [
        'doc.md:1:1: error: unknown marker "codebook:begin" (expected <!-- codebook:start ID TABLE [LOCALE] --> or <!-- codebook:end ID -->)',
      ],
    ],
    [
      "a marker over two lines",
      "<!-- codebook:start close-codes codes\n-->\n",
      [
        "doc.md:1:1: error: a codebook marker must be one whole line: <!-- codebook:start ID TABLE [LOCALE] --> or <!-- codebook:end ID -->",
      ],
    ],
    [
      "a start without a table",
      "<!-- codebook:start close-codes -->\n<!-- codebook:end close-codes -->\n",
      ["doc.md:1:1: error: a start marker names a registry and a table: <!-- codebook:start ID TABLE [LOCALE] -->"],
    ],
    [
      "an end with extra words",
      "<!-- codebook:start close-codes codes -->\n<!-- codebook:end close-codes codes -->\n",
      [
        "doc.md:2:1: error: an end marker names the registry of its start marker: <!-- codebook:end ID -->",
        "doc.md:1:1: error: start marker without an end marker (<!-- codebook:end close-codes -->)",
      ],
    ],
    [
      "no marker at all (an indented one is code)",
      "Text\n\n    <!-- codebook:start close-codes codes -->\n",
      [
        "doc.md:1:1: error: no codebook markers in this file (expected <!-- codebook:start ID TABLE [LOCALE] --> … <!-- codebook:end ID -->)",
      ],
    ],
  ])("reports %s at its position", (_, text, expected) => {
    expect(diagnosticsOf(text)).toEqual(expected);
  });

  it("reports an unknown locale at its position", () => {
    expect(diagnosticsOf("<!-- codebook:start close-codes codes xx -->\n<!-- codebook:end close-codes -->\n")).toEqual([
      `doc.md:1:39: error: registry "close-codes" has no locale "xx" (known: ${registry.locales.join(", ")})`,
    ]);
  });
});

describe("codebook generate/check --inject", () => {
  const doc = (eol: string) =>
    [
      "\uFEFF# My docs",
      "",
      "<!-- codebook:start close-codes ranges -->",
      "<!-- codebook:end close-codes -->",
      "",
      "Between.",
      "",
      "<!-- codebook:start close-codes codes de -->",
      "old",
      "<!-- codebook:end close-codes -->",
      "The end.",
    ].join(eol);

  it("fills the regions with the registry's tables, keeps the rest byte for byte, then finds them current", async () => {
    const dir = await tempDir();
    for (const eol of ["\n", "\r\n"]) {
      await writeFile(path.join(dir, "doc.md"), doc(eol));
      const run = await runCli(["generate", "--out", "out", "--inject", "doc.md"], dir);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("wrote doc.md");
      const written = await readFile(path.join(dir, "doc.md"), "utf8");
      const ranges = (await tableOf("ranges")).split("\n").join(eol);
      const codes = (await tableOf("codes", "de")).split("\n").join(eol);
      const expected = doc(eol)
        .replace(`ranges -->${eol}`, `ranges -->${eol}${eol}${ranges}${eol}${eol}`)
        .replace(`codes de -->${eol}old${eol}`, `codes de -->${eol}${eol}${codes}${eol}${eol}`);
      expect(written).toBe(expected);
      expect((await runCli(["check", "--out", "out", "--inject", "doc.md"], dir)).code).toBe(0);
    }
  });

  it("check exits 1 on a stale region and changes nothing", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "doc.md"), doc("\n"));
    await runCli(["generate", "--out", "out", "--inject", "doc.md"], dir);
    const stale = (await readFile(path.join(dir, "doc.md"), "utf8")).replace(
      /\| <a id="close-codes-1000"><\/a>1000 +\| \[NormalClosure\]\([^)]*\) +\|/,
      "| 1000 | NormalClosure (edited) |",
    );
    expect(stale).toContain("(edited)");
    await writeFile(path.join(dir, "doc.md"), stale);
    const run = await spawnCli(["check", "--out", "out", "--inject", "doc.md"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("doc.md: stale (differs from what generate would write)");
    expect(await readFile(path.join(dir, "doc.md"), "utf8")).toBe(stale);
  });

  it("on a marker error, reports it at its position and writes no file at all", async () => {
    const dir = await tempDir();
    const good = doc("\n");
    const bad =
      "Intro\n<!-- codebook:start close-codes codes -->\n<!-- codebook:start close-codes ranges -->\n<!-- codebook:end close-codes -->\n<!-- codebook:end close-codes -->\n";
    await writeTree(dir, { "good.md": good, "docs/bad.md": bad });
    const run = await runCli(["generate", "--out", "out", "--inject", "good.md", "--inject", "docs/bad.md"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      'docs/bad.md:3:1: error: start marker inside the region "close-codes" opened at 2:1; close that one first with <!-- codebook:end close-codes -->',
      "docs/bad.md:5:1: error: end marker without a start marker (<!-- codebook:start ID TABLE [LOCALE] -->)",
      "codebook: 2 errors; nothing was written",
    ]);
    expect(await readFile(path.join(dir, "good.md"), "utf8")).toBe(good);
    expect(await readFile(path.join(dir, "docs/bad.md"), "utf8")).toBe(bad);
    expect((await readdir(dir)).sort()).toEqual(["docs", "good.md"]);
  });

  it("reports a missing file as an error", async () => {
    const dir = await tempDir();
    const run = await runCli(["check", "--inject", "nope.md"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("nope.md:1:1: error: no such file");
  });

  it("fills regions from registries given on the command line, with hostile texts that read back exactly", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "hostile.yaml": stringify(hostileRegistry()),
      "doc.md":
        "<!-- codebook:start hostile codes -->\n<!-- codebook:end hostile -->\n<!-- codebook:start hostile ranges ar -->\n<!-- codebook:end hostile -->\n",
    });
    const run = await runCli(["generate", "hostile.yaml", "--out", "out", "--inject", "doc.md"], dir);
    expect(run.stderr).toBe("");
    const tables = readTables(await readFile(path.join(dir, "doc.md"), "utf8"));
    expect(tables).toHaveLength(2);
    for (const table of tables) for (const line of table.rowLines) expect(rowHasCells(line, table.header.length)).toBe(true);
    expect(tables[0]!.rows.map((row) => row[3]!.text)).toEqual(Object.values(HOSTILE_TEXTS));
    expect(tables[1]!.rows.filter((row) => row[0]!.text !== "↳ 50").map((row) => row[2]!.text)).toEqual(
      Object.values(HOSTILE_TEXTS).map((text) => `${text} ع`),
    );
  });
});

describe("the project README", () => {
  it("holds the default registry's tables, current", async () => {
    const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
    for (const table of ["ranges", "codes"] as const) {
      const expected = await tableOf(table);
      expect(readme).toContain(`<!-- codebook:start close-codes ${table} -->\n\n${expected}\n\n<!-- codebook:end close-codes -->`);
    }
    const run = await runCli(["check", "--inject", "README.md"], repoRoot);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
