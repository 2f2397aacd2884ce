import { match } from "@formatjs/intl-localematcher";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES, NEAR_LANGUAGES, REGION_CODES } from "../../../generator/emit/ts/generated/cldr-codes.js";
import { computeLocaleMatching, nearLanguages } from "../../../generator/emit/ts/locale-matching.js";

/** The languages the near-language table has, each the maximized language of a code of LANGUAGE_CODES. */
const TABLED = Object.keys(NEAR_LANGUAGES);

/** Scripts that some language is written in besides its likely one, and regions with their own CLDR rules. */
const SCRIPTS = ["Latn", "Cyrl", "Arab", "Hans", "Hant", "Deva", "Grek"];
const REGIONS = ["US", "GB", "IN", "CN", "TW", "HK", "BR", "PT", "MX", "419", "ES", "CH", "AT", "RS", "ME", "XA", "XB"];

/**
 * Locales as registries write them: the tabled languages and every code (aliases such as `iw` and `in` too),
 * alone or with a script and a region; languages the table lacks (`gsw`, `yue`); pseudo-locales (`en-XA`).
 */
const locale = fc.oneof(
  fc.constantFrom(...TABLED, ...LANGUAGE_CODES, "gsw", "yue", "haw", "ast", "ckb", "und", "en-XA", "ar-XB", "sr-Latn", "zh-Hant"),
  fc
    .tuple(
      fc.constantFrom(...TABLED, ...LANGUAGE_CODES),
      fc.option(fc.constantFrom(...SCRIPTS), { nil: undefined }),
      fc.option(fc.constantFrom(...REGIONS, ...REGION_CODES), { nil: undefined }),
    )
    .map((subtags) => subtags.filter((subtag) => subtag !== undefined).join("-")),
);

/** What the matching data was before the table: every language of LANGUAGE_CODES asked of the oracle. */
const askingEveryLanguage = (locales: readonly string[]) => computeLocaleMatching(locales, LANGUAGE_CODES);

describe("the languages asked of the oracle are only those the near-language table allows", () => {
  it.each([
    [["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"]],
    [["en", "en-GB", "es", "es-419", "zh-Hant-TW", "sr-Latn"]],
    [["de", "lb", "gsw"]],
    [["he", "iw", "yi"]],
    [["nb", "da", "sv", "nn"]],
    [["hr", "bs", "sr-Latn", "sr-Cyrl"]],
    [["en-XA", "ar-XB"]],
    [["fil", "tl", "ms"]],
  ])("give the same data as asking every language: %j", (locales) => {
    expect(computeLocaleMatching(locales)).toEqual(askingEveryLanguage(locales));
  });

  it("give the same data as asking every language, for any list of locales", () => {
    fc.assert(
      fc.property(fc.uniqueArray(locale, { minLength: 1, maxLength: 6 }), (locales) => {
        expect(computeLocaleMatching(locales)).toEqual(askingEveryLanguage(locales));
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it("holds, for a language it leaves out, no locale of the supported language that best fit matches it to", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLED),
        fc.constantFrom(...LANGUAGE_CODES),
        fc.option(fc.constantFrom(...SCRIPTS), { nil: undefined }),
        fc.option(fc.constantFrom(...REGIONS, ...REGION_CODES), { nil: undefined }),
        (supported, language, script, region) => {
          fc.pre(!NEAR_LANGUAGES[supported]!.includes(language) && new Intl.Locale(language).maximize().language !== supported);
          const tag = [supported, script, region].filter((subtag) => subtag !== undefined).join("-");
          expect(match([language], [tag], "und")).toBe("und");
        },
      ),
      { numRuns: 2000, seed: 14 },
    );
  });

  it("asks a few languages for a registry of tabled languages, and every language for one the table lacks", () => {
    expect(nearLanguages(["en", "de"])).toEqual(expect.arrayContaining(["lb", "af"]));
    expect(nearLanguages(["en", "de"]).length).toBeLessThan(LANGUAGE_CODES.length / 2);
    expect(nearLanguages(["ja"])).toEqual([]);
    expect(nearLanguages(["en", "gsw"])).toBe(LANGUAGE_CODES);
  });
});
