import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatjsCatalogWriter } from "../../../generator/emit/i18n/formatjs-catalog.js";
import { poComment, poString } from "../../../generator/emit/i18n/gettext-catalog.js";
import { i18nextResourceWriter } from "../../../generator/emit/i18n/i18next-catalog.js";
import { jsonString } from "../../../generator/emit/i18n/json-text.js";
import {
  I18NEXT_LITERALS,
  i18nextLiteral,
  i18nextMessage,
  icuLiteral,
  icuMessage,
  usesI18nextLiterals,
} from "../../../generator/emit/i18n/message-syntax.js";
import type { MessagePart } from "../../../generator/model/registry.js";

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

function icuMessageBefore(parts: readonly MessagePart[]): string {
  return parts.map((part) => (typeof part === "string" ? icuLiteralBefore(part) : `{${part.argument}}`)).join("");
}

function i18nextMessageBefore(parts: readonly MessagePart[], namespace: string): string {
  return parts
    .map((part, index) => {
      if (typeof part !== "string") return `{{${part.argument}}}`;
      const literal = i18nextLiteralBefore(part, namespace);
      const beforePlaceholder = typeof parts[index + 1] === "object";
      return beforePlaceholder && literal.endsWith("{") ? `${literal.slice(0, -1)}$t(${namespace}:_literal.brace)` : literal;
    })
    .join("");
}

type Resource = { [key: string]: string | Resource };

/** An i18next resource as it was built before its layout was shared by the locales: nested objects, then JSON.stringify. */
function i18nextResourceBefore(keys: readonly string[], values: readonly string[], literals: boolean): string {
  const resource: Resource = {};
  for (const [index, key] of keys.entries()) {
    const segments = key.split(".");
    let node = resource;
    for (const segment of segments.slice(0, -1)) {
      const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (typeof child === "object") node = child;
      else node = node[segment] = {};
    }
    node[segments.at(-1)!] = values[index]!;
  }
  if (literals) resource._literal = { ...I18NEXT_LITERALS };
  return JSON.stringify(resource, null, 2);
}

describe("the catalogs' text writers write what they wrote before", () => {
  it("JSON strings", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(jsonString(value)).toBe(JSON.stringify(value));
      }),
      { seed: SEED, numRuns: runs(3000) },
    );
  });

  it("i18next resources as JSON.stringify writes the nested objects, whatever the keys", () => {
    const segment = fc.oneof(
      fc.constantFrom("codes", "ranges", "A", "B", "0", "7", "10", "__proto__", "constructor", "_literal", "", 'x"y'),
      text,
    );
    const key = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("."));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, text), { maxLength: 10 }), fc.boolean(), (members, literals) => {
        const keys = members.map(([each]) => each);
        const values = members.map(([, value]) => value);
        expect(i18nextResourceWriter(keys, literals)(values)).toBe(i18nextResourceBefore(keys, values, literals));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

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

  it("ICU and i18next messages of any parts, and whether a value nests a literal", () => {
    const part = fc.oneof(text, fc.constantFrom({ argument: "code" }, { argument: "x" })) as fc.Arbitrary<MessagePart>;
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), (parts) => {
        expect(icuMessage(parts)).toBe(icuMessageBefore(parts));
        const value = i18nextMessage(parts, "app");
        expect(value).toBe(i18nextMessageBefore(parts, "app"));
        expect(usesI18nextLiterals(value, "app")).toBe(value.includes("$t(app:_literal."));
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it("FormatJS catalog files as JSON.stringify writes them with a line break, repeated ids and all", () => {
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
        expect(write(messages)).toBe(`${JSON.stringify(catalog, null, 2)}\n`);
      }),
      { seed: SEED, numRuns: runs(1000) },
    );
  });
});
