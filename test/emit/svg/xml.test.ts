import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { estimateWidth, fitText } from "../../../generator/emit/svg/text-fit.js";
import { element, escapeXml, formatNumber, textElement } from "../../../generator/emit/svg/xml.js";

/** The text of a `<text>` element holding `text`, read back by a strict XML parser. */
function readBack(text: string): string {
  const document = new DOMParser({
    onError: (level, message) => {
      // U+FFFD is what the escaping writes on purpose for a character XML cannot hold; the parser only notes it.
      if (level === "warning" && message.startsWith("Unicode replacement character")) return;
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${textElement({ "data-a": text }, text)}</svg>`, "image/svg+xml");
  const node = document.getElementsByTagName("text")[0]!;
  expect(node.getAttribute("data-a")).toBe(node.textContent);
  return node.textContent ?? "";
}

describe("escapeXml", () => {
  it.each([
    ["markup", "<b>bold</b> & <!-- c --> ]]> <?pi?>", "<b>bold</b> & <!-- c --> ]]> <?pi?>"],
    ["quotes", `"double" 'single'`, `"double" 'single'`],
    ["entities stay text", "&amp; &lt; &#65;", "&amp; &lt; &#65;"],
    ["line breaks and tabs become spaces", "a\nb\r\nc\td\u2028e\u2029f", "a b  c d e f"],
    ["C0 and C1 controls become U+FFFD", "a\u0000b\u0008c\u001fd\u007fe\u0085f", "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf"],
    ["lone surrogates become U+FFFD, pairs stay", "\ud800x\udc00 😀", "\ufffdx\ufffd 😀"],
    ["noncharacters U+FFFE and U+FFFF become U+FFFD", "\ufffe\uffff", "\ufffd\ufffd"],
    ["bidirectional controls and combining marks stay", "\u202eabc\u202c e\u0301", "\u202eabc\u202c e\u0301"],
  ])("%s: reads back as the text, in character data and attributes", (_, text, shown) => {
    expect(readBack(text)).toBe(shown);
    expect(escapeXml(text)).not.toMatch(/[<>"']/);
  });
});

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0.04, "0"],
    [12.345, "12.3"],
    [12.35, "12.4"],
    [100, "100"],
    [1 / 3, "0.3"],
  ])("%d → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("writes attributes in order, numbers rounded, undefined left out", () => {
    expect(element("rect", { class: "a", x: 1.25, y: undefined, width: 2 })).toBe('<rect class="a" x="1.3" width="2"/>');
  });
});

describe("fitText", () => {
  it("keeps a text that fits, shortens one that does not, and gives up below one character", () => {
    expect(fitText("Protocol", 100, 12)).toBe("Protocol");
    const shortened = fitText("ProtocolUnassigned", 80, 12)!;
    expect(shortened.endsWith("…")).toBe(true);
    expect("ProtocolUnassigned".startsWith(shortened.slice(0, -1))).toBe(true);
    expect(estimateWidth(shortened, 12)).toBeLessThanOrEqual(80);
    expect(fitText("Protocol", 5, 12)).toBeUndefined();
  });

  it("counts wide characters as one em and combining marks as none, and never splits a surrogate pair", () => {
    expect(estimateWidth("コード", 10)).toBe(30);
    expect(estimateWidth("e\u0301", 10)).toBe(estimateWidth("e", 10));
    expect(fitText("😀😀😀😀", 25, 10)).toBe("😀…");
  });
});
