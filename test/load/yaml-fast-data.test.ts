import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseYaml, parseYamlCarefully } from "../../generator/load/yaml-document.js";
import { readYamlDataFast, refusedInText, resolvePlain } from "../../generator/load/yaml-fast-data.js";
import { repoRoot } from "../helpers/paths.js";

/** Seeded, so that a failure reproduces; `FC_SEED=7 FC_RUNS=5000 npx vitest run test/load/yaml-fast-data.test.ts` hunts further. */
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

const sourceOf = (text: string) => ({ file: "doc.yaml", path: path.join(repoRoot, "doc.yaml"), text, bom: false });

/**
 * The data written out with everything equality could blur: -0, NaN, each object's prototype and own property
 * names (`__proto__` and `constructor` included), arrays apart from objects.
 */
function canonical(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const prototype = Object.getPrototypeOf(value) === Object.prototype ? "" : "!prototype";
  const entries = Object.getOwnPropertyNames(value).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    return `${JSON.stringify(key)}${descriptor.enumerable && descriptor.writable ? "" : "!flags"}:${canonical(descriptor.value)}`;
  });
  return `${prototype}{${entries.join(",")}}`;
}

/**
 * The property that makes the fast path safe: whenever it reads a document, the careful path (yaml with every
 * check) accepts that document and reads the same data. Returns whether the fast path read it.
 */
function expectSameAsCareful(text: string): boolean {
  const fast = readYamlDataFast(text.replace(/\r(?!\n)/g, "\n"));
  if (fast === undefined) return false;
  const careful = parseYamlCarefully(sourceOf(text));
  expect(careful.ok ? "accepted" : careful.diagnostics, JSON.stringify(text)).toBe("accepted");
  if (careful.ok) expect(canonical(fast.data), JSON.stringify(text)).toBe(canonical(careful.parsed.data));
  return true;
}

/** Texts that hit the parsers' corners: indicators, escapes, numbers of every core-schema form, controls, surrogates. */
const awkwardText = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."ab :#-?!&*'\"\\,[]{}|>%@`\n\r\t.0123456789xoeE+_~"), maxLength: 12 }),
  fc.constantFrom(
    "null",
    "Null",
    "NULL",
    "~",
    "",
    "true",
    "True",
    "FALSE",
    "yes",
    "no",
    "on",
    "y",
    "0o17",
    "0x1F",
    "0b11",
    "010",
    "-0",
    "+5",
    "1_000",
    "1e3",
    ".5",
    "5.",
    "1.0",
    ".inf",
    "-.Inf",
    ".NaN",
    "12345678901234567890",
    "2026-12-01",
    "1:30",
    "<<",
    "__proto__",
    "constructor",
    "\u0000",
    "\u001b",
    "\u0085",
    "\u00a0",
    "\ud800",
    "\udc00x",
    "😀",
    "\u2028",
    "é",
    " lead",
    "trail ",
    "a\n\nb",
    "\n",
    "#x",
    "a #b",
    "a: b",
    "- a",
    "'q'",
    '"q"',
  ),
);

const dataArbitrary = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    awkwardText,
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(awkwardText, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** The ways a document gets written: yaml's and js-yaml's serializers, in block and flow styles. */
const writers: readonly ((data: unknown) => string)[] = [
  (data) => stringify(data),
  (data) => stringify(data, { collectionStyle: "flow" }),
  (data) => stringify(data, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" }),
  (data) => stringify(data, { blockQuote: "literal" }),
  (data) => dump(data),
  (data) => dump(data, { flowLevel: 1 }),
];

/** Lines of YAML-like text: valid documents, near-misses and mistakes, mixed at random indentations. */
const fragment = fc.constantFrom(
  "a: 1",
  "a: b",
  "b: c",
  "- x",
  "- a: 1",
  "? a",
  ": b",
  "a:",
  "a: |",
  "a: |-",
  "a: |+",
  "a: >",
  "a: >2",
  "  text",
  "   more text",
  "",
  "# comment",
  "a: &x 1",
  "b: *x",
  "c: !!str 5",
  "d: !tag x",
  "%YAML 1.1",
  "%YAML 1.2",
  "%TAG ! tag:x,2000:",
  "---",
  "...",
  "a: [1, 2]",
  "a: {en: One, two}",
  "a: {en: One, de: Zwei}",
  "a: { en: 'x', }",
  "{a: 1}: b",
  "[a]: b",
  "a: 'it''s'",
  'a: "\\x41\\u00e9\\ud800"',
  'a: "\\t\\u001b"',
  "\ta: 1",
  "a:\t1",
  "a: b: c",
  "a: - b",
  "a: 'open",
  "a: 1 # c",
  "a: 1#c",
  "a: x\r",
  "a: @b",
  "a: `b`",
  "a: %b",
  "__proto__: {x: 1}",
  "a: 0o17",
  "a: 0x1f",
  "a: .inf",
  "a: -0",
  "a: 1e3",
  "a: 1_000",
  "1: one",
  "1.0: one",
  "null: x",
  "~: x",
  "true: x",
  "a: [[[[1]]]]",
  "a: {b: {c: {d: 1}}}",
  "  - y",
  "    z: 2",
  "--- a",
  "--- |",
  "... # end",
  "a: ---",
  "- ---",
  "a: b ---",
  `${"k".repeat(1030)}: v`,
  `"${"k".repeat(1030)}": v`,
  `[${"k".repeat(1030)}: v]`,
  `- ${"x".repeat(1030)}`,
);
const soup = fc
  .array(fc.tuple(fc.constantFrom("", "  ", "    ", " "), fragment), { maxLength: 10 })
  .map((lines) => `${lines.map(([indent, line]) => indent + line).join("\n")}\n`);

describe("the fast YAML path reads what the careful path reads, or leaves the document to it", () => {
  it("for random data written by yaml's and js-yaml's serializers, it reads every document the careful path accepts", () => {
    let read = 0;
    let accepted = 0;
    fc.assert(
      fc.property(dataArbitrary, fc.nat({ max: writers.length - 1 }), (data, writer) => {
        const text = writers[writer]!(data);
        if (expectSameAsCareful(text)) read += 1;
        const careful = parseYamlCarefully(sourceOf(text));
        if (careful.ok) accepted += 1;
      }),
      { seed: SEED, numRuns: runs(600) },
    );
    // Not a path that always gives up: it reads most of what the careful path accepts.
    expect(read).toBeGreaterThan(accepted / 2);
  });

  it("for random YAML-like text (valid, invalid, refused forms), it never reads a document differently or reads one the careful path refuses", () => {
    let read = 0;
    fc.assert(
      fc.property(soup, (text) => {
        if (expectSameAsCareful(text)) read += 1;
      }),
      { seed: SEED, numRuns: runs(1500) },
    );
    expect(read).toBeGreaterThan(0);
  });

  it.each([
    ["tab indentation", "a:\n\tb: 1\n"],
    ["a tab after a colon", "a:\t1\n"],
    ["nesting past the limit", `${"[".repeat(70)}1${"]".repeat(70)}\n`],
    ["nesting far past js-yaml's limit", `${"- ".repeat(200)}1\n`],
    ["a lone surrogate escape", 'a: "\\ud800"\n'],
    ["a control character", 'a: "\\u001b[31m"\n'],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["an alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a %YAML 1.1 directive", "%YAML 1.1\n---\na: 010\n"],
    ["a null key", "~: 1\n"],
    ["a map as a key", "? {a: 1}\n: 2\n"],
    ["a flow map cut by a comma", "a: {en: Stop, then go}\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["an empty document", ""],
    ["an implicit key over 1,024 characters", `${"k".repeat(1100)}: v\n`],
    ["a quoted key over 1,024 characters in the source", `"${"\\u0041".repeat(200)}": v\n`],
    ["a long key of a pair in a flow sequence", `[${"a".repeat(1100)}: b]\n`],
  ])("%s is left to the careful path", (_name, text) => {
    expect(readYamlDataFast(text)).toBeUndefined();
  });

  it("reads every valid file of the repository as the careful path does (registries, locale files, templates, fixtures)", () => {
    const files = ["schema", "examples", "templates", "test/fixtures"].flatMap((folder) =>
      readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.ya?ml$/.test(file))
        .map((file) => path.join(repoRoot, folder, file)),
    );
    const read = files.filter((file) => expectSameAsCareful(readFileSync(file, "utf8").replace(/^\uFEFF/, "")));
    expect(files.length).toBeGreaterThan(20);
    // The default registry and its locale files take the fast path.
    expect(read).toEqual(
      expect.arrayContaining([path.join(repoRoot, "schema", "close-codes.yaml"), path.join(repoRoot, "schema", "close-codes.fr.yaml")]),
    );
  });

  it("computes positions only when asked: a diagnostic's position is the careful path's", () => {
    const text = "id: demo\ncodes:\n  - code: 1\n    name: One\n";
    const fast = parseYaml(sourceOf(text));
    const careful = parseYamlCarefully(sourceOf(text));
    if (!fast.ok || !careful.ok) throw new Error("both paths accept the document");
    expect(fast.parsed.data).toStrictEqual(careful.parsed.data);
    expect(fast.parsed.lineCounter.linePos(text.indexOf("name"))).toEqual(careful.parsed.lineCounter.linePos(text.indexOf("name")));
    expect(fast.parsed.document.getIn(["codes", 0, "name"])).toBe("One");
  });
});

/** resolvePlain before it told most strings by their first character. */
function resolvePlainBefore(source: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === "t" || source[0] === "T";
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? NaN : source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source))
    return parseFloat(source);
  return source;
}

describe("the fast path's scalar checks, held to the expressions they replaced", () => {
  const plain = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."~nNuUlLtTrReEfFaAsSoOxX0123456789+-.iIbB_: é"), maxLength: 8 }),
    fc.constantFrom("null", "NULL", "Null", "~", "", "true", "False", "0o17", "0x1F", "-.inf", ".NaN", "1e3", "+.5", "5.", "x"),
  );

  it("resolves a plain scalar as before", () => {
    fc.assert(
      fc.property(plain, (source) => {
        expect(Object.is(resolvePlain(source), resolvePlainBefore(source)), JSON.stringify(source)).toBe(true);
      }),
      { seed: SEED, numRuns: runs(5000) },
    );
  });

  it("refuses the control characters and lone surrogates the expression matched", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the expression the scan replaced
    const before = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom(
        "a",
        "\t",
        "\n",
        "\r",
        "\u001f",
        "\u0020",
        "\u007e",
        "\u007f",
        "\u009f",
        "\u00a0",
        "\ud800",
        "\udbff",
        "\udc00",
        "\udfff",
        "😀",
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 10 }), (text) => {
        expect(refusedInText(text), JSON.stringify(text)).toBe(before.test(text));
      }),
      { seed: SEED, numRuns: runs(5000) },
    );
  });
});
