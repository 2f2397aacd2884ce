import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { element, escapeXml } from "../../../generator/emit/svg/xml.js";
import { HOSTILE_TEXTS } from "../../helpers/hostile.js";
import { unicodeTexts } from "../../helpers/unicode-texts.js";
import { previousAttributes, previousEscapeXml } from "./previous-xml.js";

describe("escapeXml against its previous implementation", () => {
  it("escapes random texts alike", () => {
    fc.assert(
      fc.property(unicodeTexts, (text) => escapeXml(text) === previousEscapeXml(text)),
      { seed: 14, numRuns: 5000 },
    );
  });

  it.each(Object.entries(HOSTILE_TEXTS))("escapes %s alike", (_, text) => {
    expect(escapeXml(text)).toBe(previousEscapeXml(text));
  });
});

describe("element attributes against their previous implementation", () => {
  it("writes random attributes alike, in their order, numbers rounded and undefined ones left out", () => {
    const value = fc.oneof(unicodeTexts, fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer(), fc.constant(undefined));
    const attributes = fc.array(fc.tuple(fc.constantFrom("x", "y", "class", "font-size", "d", "aria-label", "data-a"), value), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(attributes, (pairs) => {
        const given = Object.fromEntries(pairs);
        return element("rect", given) === `<rect${previousAttributes(given)}/>`;
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});
