import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCell, renderTable } from "../../../generator/emit/markdown/escape.js";
import { displayWidth } from "../../../generator/emit/markdown/string-width.js";
import { HOSTILE_TEXTS } from "../../helpers/hostile.js";
import { previousDisplayWidth, previousEscapeCell, previousRenderTable } from "./previous-markdown.js";

/** Pieces that make the width and the escaping take every branch: emoji of every kind, marks, specials. */
const FRAGMENTS = [
  ..."abc XYZ 09 #*",
  ..."日本語 简体 한국어 ＡＢＣ ｱｲｳ",
  ..."äöüß éè ñ ø Ωλ Жд مرحبا שלום",
  "\u0301",
  "\u20dd",
  "\u20e3",
  "\ufe0f",
  "\ufe0e",
  "\u200d",
  "\u200b",
  "\u00ad",
  "\u007f",
  "\u0085",
  "\u0000",
  "\u001b",
  "\ud83d",
  "\ude00",
  "😀",
  "👍🏽",
  "🏽",
  "1️⃣",
  "1⃣",
  "#️⃣",
  "*⃣",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🏳‍🌈",
  "🏳‍⚧",
  "🧑🏽‍💻",
  "❤️‍🔥",
  "👁‍🗨",
  "1‍2",
  "🇫🇷",
  "🇫",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "🏴",
  "©",
  "©️",
  "™",
  "☺",
  "☺️",
  "☔",
  "⌚",
  "↔",
  "☃︎",
  "𠀀",
  "𝒜",
  ..."\\`*_[]|~#!&<>",
  "&amp;",
  "\n",
  "\r",
  "\t",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u061c",
  "  ",
  "   ",
  "\u00a0",
  "\u3000",
  "\u2003",
  "\ufeff",
];

/** Any code point at all, lone surrogates included. */
const anyCodePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
);
const texts = fc.string({
  unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: anyCodePoint }),
  maxLength: 24,
});
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
    const rows = fc.array(fc.array(texts.map(escapeCell), { maxLength: 4 }), { maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(texts.map(escapeCell), { minLength: 1, maxLength: 4 }),
        rows,
        (header, body) => renderTable(header, body) === previousRenderTable(header, body),
      ),
      { seed: 14, numRuns: 1000 },
    );
  });
});
