import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatjsCatalogWriter } from "../../../generator/emit/i18n/formatjs-catalog.js";
import { poComment, poString } from "../../../generator/emit/i18n/gettext-catalog.js";
import { i18nextLiteral, icuLiteral } from "../../../generator/emit/i18n/message-syntax.js";

// The catalogs' writers skip work most texts do not need; each is held equal here to the version it replaced.

/** Seeded, so that a failure reproduces; `FC_SEED=7 FC_RUNS=5000` hunts further. */
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

/** Texts made of the characters each writer treats apart, with ordinary ones and lone surrogates. */
const text = fc.string({
  unit: fc.constantFrom(..."ab {}<'$t(\\\"\t\n\r\u2028\u2029é😀:.", "\uD800", "\uDC00"),
  maxLength: 16,
});

const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function poStringBefore(keyword: string, text: string): string {
  const quoted = (part: string): string => `"${part.replace(/[\\"\t\n\r]/g, (char) => ESCAPES[char]!)}"`;
  const lines = text.split(/(?<=\n)/);
  if (lines.length === 1) return `${keyword} ${quoted(text)}`;
  return [`${keyword} ""`, ...lines.map(quoted)].join("\n");
}

function poCommentBefore(marker: string, text: string): string {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => (line === "" ? marker : `${marker} ${line}`))
    .join("\n");
}

function icuLiteralBefore(text: string): string {
  return text.replace(/[{}<][{}<']*|'/g, (run) => (run === "'" ? "''" : `'${run.replace(/'/g, "''")}'`));
}

function i18nextLiteralBefore(text: string, namespace: string): string {
  return text.replace(/\{\{|\$t\(/g, (sequence) => `$t(${namespace}:_literal.${sequence === "{{" ? "interpolation" : "nesting"})`);
}

describe("the catalogs' text writers write what they wrote before", () => {
  it("gettext strings and comments", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(poString("msgid", value)).toBe(poStringBefore("msgid", value));
        expect(poComment("#.", value)).toBe(poCommentBefore("#.", value));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it("ICU and i18next literals", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(icuLiteral(value)).toBe(icuLiteralBefore(value));
        expect(i18nextLiteral(value, "app")).toBe(i18nextLiteralBefore(value, "app"));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it("FormatJS catalogs as JSON.stringify writes them, repeated ids and all", () => {
    const member = fc.record({ key: fc.oneof(text, fc.constantFrom("__proto__", "a", "b")), description: text, message: text });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 8 }), (members) => {
        const ids = members.map((each) => `app:${each.key}`);
        const write = formatjsCatalogWriter(
          ids,
          members.map((each) => each.description),
        );
        const messages = members.map((each) => each.message);
        const catalog = Object.fromEntries(
          members.map((each, index) => [ids[index]!, { defaultMessage: each.message, description: each.description }]),
        );
        expect(write(messages)).toBe(JSON.stringify(catalog, null, 2));
      }),
      { seed: SEED, numRuns: runs(1000) },
    );
  });
});
