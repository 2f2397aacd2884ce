import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentText, inlineDoc, propertyKey, stringLiteral } from "../../../generator/emit/ts/literals.js";

// The literal writers skip the replaces most texts do not need; each is held equal here to the version it replaced.

/** Seeded, so that a failure reproduces; `FC_SEED=7 FC_RUNS=5000` hunts further. */
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

/** Texts made of the characters the writers treat apart, with ordinary ones and lone surrogates. */
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom(..."aZ_$09 *@/\\\"'\t\n\r\u2028\u2029\u0000é😀-", "\uD800", "\uDC00"),
    maxLength: 14,
  }),
  fc.constantFrom("", "__proto__", "constructor", "A1", "1A", "$", "_", "a-b", "ä", "*/", "/*", " @x", "a\n @b"),
);

function stringLiteralBefore(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function propertyKeyBefore(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== "__proto__" ? key : stringLiteralBefore(key);
}

function commentTextBefore(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/^(\s*)@/gm, "$1\\@");
}

function inlineDocBefore(text: string, indent: string, tags: readonly [string, string][] = []): string {
  const line = (part: string): string => commentTextBefore(part).replace(/\s*\n\s*/g, " ");
  if (tags.length === 0) return `${indent}/** ${line(text)} */`;
  return [
    `${indent}/**`,
    `${indent} * ${line(text)}`,
    ...tags.map(([tag, tagText]) => `${indent} * @${tag} ${line(tagText)}`),
    `${indent} */`,
  ].join("\n");
}

describe("the TypeScript literal writers write what they wrote before", () => {
  it("string literals and property keys", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(stringLiteral(value)).toBe(stringLiteralBefore(value));
        expect(propertyKey(value)).toBe(propertyKeyBefore(value));
      }),
      { seed: SEED, numRuns: runs(3000) },
    );
  });

  it("comment text and one-line doc comments", () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.constantFrom("deprecated", "see"), text), { maxLength: 2 }), (value, tags) => {
        expect(commentText(value)).toBe(commentTextBefore(value));
        expect(inlineDoc(value, "    ", tags)).toBe(inlineDocBefore(value, "    ", tags));
      }),
      { seed: SEED, numRuns: runs(3000) },
    );
  });
});
