import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCell, renderTable } from "../../../generator/emit/markdown/escape.js";
import { displayWidth } from "../../../generator/emit/markdown/string-width.js";
import { HOSTILE_TEXTS } from "../../helpers/hostile.js";
import { unicodeTexts as texts } from "../../helpers/unicode-texts.js";
import { previousDisplayWidth, previousEscapeCell, previousRenderTable } from "./previous-markdown.js";

/**
 * The code points the exhaustive comparison tries: all of the first two planes (where every emoji, mark and wide
 * character but the CJK extensions is) and the tags and variation selectors of plane 14, and every 61st of the rest.
 */
const CODE_POINTS = Array.from({ length: 0x110000 }, (_, codePoint) => codePoint).filter(
  (codePoint) => codePoint < 0x20000 || (codePoint >= 0xe0000 && codePoint < 0xe0200) || codePoint % 61 === 0,
);
const SETTINGS = { seed: 14, numRuns: 5000 } as const;

describe("displayWidth against its previous implementation", () => {
  it("counts random texts of ASCII, CJK, emoji sequences, marks, controls and specials alike", () => {
    fc.assert(
      fc.property(texts, (text) => displayWidth(text) === previousDisplayWidth(text)),
      SETTINGS,
    );
  });

  it("counts every code point of the planes emoji and marks live in alike, after a letter, before a variation selector and joined to itself", () => {
    const differences: string[] = [];
    for (const codePoint of CODE_POINTS) {
      const character = String.fromCodePoint(codePoint);
      for (const text of [`é${character}`, `${character}\ufe0f`, `${character}\u200d${character}`]) {
        if (displayWidth(text) !== previousDisplayWidth(text)) differences.push(`U+${codePoint.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it.each(Object.entries(HOSTILE_TEXTS))("counts %s alike", (_, text) => {
    expect(displayWidth(text)).toBe(previousDisplayWidth(text));
    expect(displayWidth(escapeCell(text))).toBe(previousDisplayWidth(escapeCell(text)));
  });
});

describe("escapeCell against its previous implementation", () => {
  it("escapes random texts alike", () => {
    fc.assert(
      fc.property(texts, (text) => escapeCell(text) === previousEscapeCell(text)),
      SETTINGS,
    );
  });

  it.each(Object.entries(HOSTILE_TEXTS))("escapes %s alike", (_, text) => {
    expect(escapeCell(text)).toBe(previousEscapeCell(text));
  });
});

describe("renderTable against its previous implementation", () => {
  it("prints random tables of escaped cells alike, rows shorter than the header included", () => {
    const cells = texts.map(escapeCell);
    const tables = fc
      .array(cells, { minLength: 1, maxLength: 4 })
      .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.array(cells, { maxLength: header.length }), { maxLength: 6 })));
    fc.assert(
      fc.property(tables, ([header, body]) => renderTable(header, body) === previousRenderTable(header, body)),
      { seed: 14, numRuns: 1000 },
    );
  });
});
