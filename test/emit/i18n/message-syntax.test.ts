import { parse } from "@formatjs/icu-messageformat-parser";
import fc from "fast-check";
import i18next from "i18next";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import {
  I18NEXT_LITERAL_KEY,
  I18NEXT_LITERALS,
  i18nextLiteral,
  i18nextMessage,
  icuLiteral,
  icuMessage,
} from "../../../generator/emit/i18n/message-syntax.js";

/** Strings made mostly of the characters ICU MessageFormat and i18next read as syntax. */
const hostile = fc.string({
  unit: fc.constantFrom("{", "}", "'", "$", "t", "(", ")", "<", ">", "/", "#", "-", ",", '"', "\\", " ", "a", "é", "\n"),
  minLength: 1,
  maxLength: 24,
});

const HOSTILE_EXAMPLES = [
  "{code}",
  "{{code}}",
  "{{- code}}",
  "$t(codes.A)",
  "it's",
  "''",
  "'{'",
  "<b>bold</b>",
  "{",
  "}}",
  "a {b, plural, one {#} other {#}}",
  '$t(x, {"a": 1})',
];

async function i18nextInstance() {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { ns: {} } }, lng: "en", fallbackLng: false, defaultNS: "app", initAsync: false });
  instance.addResource("en", "ns", `${I18NEXT_LITERAL_KEY}.interpolation`, I18NEXT_LITERALS.interpolation);
  instance.addResource("en", "ns", `${I18NEXT_LITERAL_KEY}.nesting`, I18NEXT_LITERALS.nesting);
  instance.addResource("en", "ns", `${I18NEXT_LITERAL_KEY}.brace`, I18NEXT_LITERALS.brace);
  return instance;
}

describe("icuLiteral", () => {
  it.each(HOSTILE_EXAMPLES)("formats %j back verbatim with intl-messageformat", (text) => {
    expect(new IntlMessageFormat(icuLiteral(text), "en").format()).toBe(text);
  });

  it("parses to exactly one literal for any text", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const elements = parse(icuLiteral(text));
        expect(elements.map((element) => ("value" in element ? element.value : "")).join("")).toBe(text);
        expect(elements.every((element) => element.type === 0)).toBe(true);
        expect(new IntlMessageFormat(icuLiteral(text), "en").format()).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps placeholders next to quoted literals apart", () => {
    const message = icuMessage(["{", { argument: "code" }, "} it's"]);
    expect(new IntlMessageFormat(message, "en").format({ code: 4001 })).toBe("{4001} it's");
  });
});

describe("i18nextLiteral", () => {
  it.each(HOSTILE_EXAMPLES)("comes back verbatim from t() for %j, even with variables passed", async (text) => {
    const instance = await i18nextInstance();
    instance.addResource("en", "ns", "text", i18nextLiteral(text, "ns"));
    expect(instance.t("ns:text", { code: 4001, x: "X" })).toBe(text);
  });

  it("comes back verbatim from t() for any text", async () => {
    const instance = await i18nextInstance();
    fc.assert(
      fc.property(hostile, (text) => {
        instance.addResource("en", "ns", "text", i18nextLiteral(text, "ns"));
        expect(instance.t("ns:text", { code: 4001 })).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("fills {{code}} placeholders and keeps a brace before one literal", async () => {
    const instance = await i18nextInstance();
    instance.addResource("en", "ns", "text", i18nextMessage(["{", { argument: "code" }, "} {{x}}"], "ns"));
    expect(instance.t("ns:text", { code: 4001, x: "X" })).toBe("{4001} {{x}}");
  });
});
