import { describe, expect, it } from "vitest";
import { escapeCell, escapeInline, renderCode, renderLink, renderTable } from "../../../generator/emit/markdown/escape.js";
import { gfm, readBlocks, readTables, rowHasCells } from "../../helpers/gfm.js";
import { HOSTILE_TEXTS } from "../../helpers/hostile.js";

const hostile = Object.entries(HOSTILE_TEXTS);

/** What a reader gets back: line breaks of any kind come back as LF. */
/** A text reads back exactly: a line feed as `<br>`, a carriage return as a character reference. */
const readBack = (text: string) => text;

describe("escapeCell", () => {
  it.each(hostile)("%s: reads back as the same text from a body cell and a header cell", (_, text) => {
    const markdown = renderTable([escapeCell(text), "Other"], [[escapeCell(text), "after"]]);
    const [table, ...others] = readTables(markdown);
    expect(others).toEqual([]);
    expect(table!.header.map((cell) => cell.text)).toEqual([readBack(text), "Other"]);
    expect(table!.rows.map((row) => row.map((cell) => cell.text))).toEqual([[readBack(text), "after"]]);
    expect(rowHasCells(table!.headerLine, 2)).toBe(true);
  });

  it.each(hostile)("%s: keeps every row at the header's cell count", (_, text) => {
    const markdown = renderTable(
      ["A", "B", "C"],
      [
        [escapeCell(text), escapeCell(text), escapeCell(text)],
        ["1", escapeCell(text), "3"],
      ],
    );
    const table = readTables(markdown)[0]!;
    expect(table.rows).toHaveLength(2);
    for (const line of table.rowLines) expect(rowHasCells(line, 3)).toBe(true);
    expect(table.rows[1]!.map((cell) => cell.text)).toEqual(["1", readBack(text), "3"]);
  });

  it.each([
    ["a\r\nb", "a&#13;<br>b"],
    ["a\rb\nc", "a&#13;b<br>c"],
    [" x ", "&#32;x&#32;"],
    ["\u202e", "&#8238;"],
    ["a|b", "a\\|b"],
  ])("escapes %j as %j", (text, expected) => {
    expect(escapeCell(text)).toBe(expected);
  });

  it("leaves plain prose, emoji and RTL text as they are", () => {
    for (const text of ["Normal closure; the purpose was fulfilled (RFC 6455 §7.4.1).", "👩‍👩‍👧 🇩🇪", "مرحبا שלום", "日本語のテキスト"]) {
      expect(escapeCell(text)).toBe(text);
    }
  });
});

describe("escapeInline", () => {
  it.each(hostile)("%s: reads back as one heading", (_, text) => {
    expect(readBlocks(`# ${escapeInline(text)}\n`)).toEqual([`heading: ${readBack(text)}`]);
  });

  it.each(hostile)("%s: reads back as one paragraph, alone and after another line", (_, text) => {
    expect(readBlocks(`${escapeInline(text)}\n`)).toEqual([`paragraph: ${readBack(text)}`]);
    expect(readBlocks(`Intro\n${escapeInline(text)}\n`)).toEqual([`paragraph: Intro\n${readBack(text)}`]);
  });
});

describe("renderLink", () => {
  const urls = [
    "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1",
    "https://example.com/a|b",
    "https://example.com/?q=1&amp;r=2&copy",
    "https://example.com/back\\slash/`tick`/(paren)/[bracket]",
    "https://example.com/open(paren/only",
    "https://example.com/ünïcødé/👍",
  ];
  it.each(urls)("links to %s from a table cell, with hostile link texts", (url) => {
    for (const [, text] of hostile) {
      const table = readTables(renderTable(["Reference", "Next"], [[renderLink(text, url), "next"]]))[0]!;
      const [cell, next] = table.rows[0]!;
      expect(cell!.text).toBe(readBack(text));
      // The destination may percent-encode what the URL writes raw (a `(`, a `;` after `&name`): the same URL.
      expect(decodeURIComponent(cell!.hrefs[0]!)).toBe(decodeURIComponent(gfm.normalizeLink(url)));
      expect(next!.text).toBe("next");
    }
  });
});

describe("renderCode", () => {
  it.each(["CLOSE_NORMAL", "$legacy_Name$", "a`b", "`leading", "trailing`", "``", " both ends ", "a|b", "a\\|b", "\\"])(
    "shows %j verbatim in a table cell",
    (text) => {
      const table = readTables(renderTable(["Code", "Next"], [[renderCode(text), "next"]]))[0]!;
      expect(table.rows[0]!.map((cell) => cell.text)).toEqual([text, "next"]);
    },
  );
});
