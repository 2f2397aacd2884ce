import { match } from "@formatjs/intl-localematcher";
import { LANGUAGE_CODES, NEAR_LANGUAGES, REGION_CODES, REGION_SCRIPTS } from "./generated/cldr-codes.js";

/**
 * The data a generated module needs to match a requested locale tag as `Intl.LocaleMatcher`'s "best fit" does,
 * limited to the registry's locales. It is computed at generation time from CLDR: the likely subtags (through
 * `Intl.Locale#maximize`, as @formatjs/intl-localematcher itself uses them) and the language-matching distances
 * of @formatjs/intl-localematcher, asked as an oracle. The generated module then needs no Intl data of its own.
 * What does not depend on the registry (the two-letter codes ICU knows, and the regions where a language's likely
 * script changes) was asked of ICU once, ahead of time: generated/cldr-codes.ts.
 */
export interface LocaleMatching {
  /** Each supported locale, maximized: `zh-CN` → `zh-Hans-CN`, `de` → `de-Latn-DE`. */
  readonly maximal: Readonly<Record<string, string>>;
  /**
   * Likely subtags of the supported languages: `zh` → `Hans-CN`; a region whose script differs from the
   * language's own, `zh-TW` → `Hant-TW`; a script, `zh-Hant` → `Hant-TW`.
   */
  readonly likely: Readonly<Record<string, string>>;
  /**
   * Another language (two-letter codes only) or script that best fit matches to a supported locale: `lb` → `de`,
   * `ca` → `es`, `sr-Cyrl` → `sr-Latn`.
   */
  readonly related: Readonly<Record<string, string>>;
  /**
   * Where a language and script have several supported locales, the one best fit prefers for a requested region
   * that none of them has: `"*"` for most regions, and the regions where it differs (`es-Latn`: `MX` → `es-419`).
   */
  readonly regions: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Likely subtags by tag: the same few hundred tags are maximized for every supported language of every registry. */
const maximized = new Map<string, { language: string; script: string; region: string }>();

function maximize(tag: string): { language: string; script: string; region: string } {
  let subtags = maximized.get(tag);
  if (subtags === undefined) {
    const locale = new Intl.Locale(tag).maximize();
    subtags = { language: locale.language, script: locale.script ?? "", region: locale.region ?? "" };
    maximized.set(tag, subtags);
  }
  return subtags;
}

/**
 * The regions whose likely script differs from the language's own, and that script (`zh`: `TW` → `Hant`), asked
 * of ICU region by region. scripts/cldr-codes.ts asks it ahead of time for every two-letter language ICU knows.
 */
export function askRegionScripts(language: string, regions: readonly string[] = REGION_CODES): Record<string, string> {
  const own = maximize(language).script;
  const differing: Record<string, string> = {};
  for (const region of regions) {
    const { script } = maximize(`${language}-${region}`);
    if (script !== own) differing[region] = script;
  }
  return differing;
}

/** What `match` returns when no supported locale is near enough: no registry has it, no language code is it. */
const NO_MATCH = "und";

/**
 * Which of `supported` (maximized languages) best fit can match `language` (a two-letter code) to a locale of. The
 * oracle is asked with one locale of each, the one with `language`'s likely script and region: its distance is the
 * two languages' alone. Every other locale of a language is at least as far (a script or a region that differs only
 * adds to the distance), so `language` matches no locale of a language left out. Each answer is taken out of the
 * list and the oracle asked again, until it finds none near enough. scripts/cldr-codes.ts asks it ahead of time for
 * every two-letter language ICU knows.
 */
export function askMatchableLanguages(language: string, supported: readonly string[]): string[] {
  const own = maximize(language);
  // Without a likely script and region, the locales asked would differ in more than their language: no proof.
  if (own.script === "" || own.region === "") return [...supported];
  const found = supported.filter((candidate) => candidate === own.language);
  const locales = supported
    .filter((candidate) => candidate !== own.language)
    .map((candidate) => `${candidate}-${own.script}-${own.region}`);
  for (let chosen = match([language], locales, NO_MATCH); chosen !== NO_MATCH; chosen = match([language], locales, NO_MATCH)) {
    locales.splice(locales.indexOf(chosen), 1);
    found.push(chosen.split("-")[0]!);
  }
  return found;
}

/**
 * The languages of {@link LANGUAGE_CODES} that best fit can match to a locale of one of `supported` (maximized
 * languages), from the table asked ahead of time with {@link askMatchableLanguages}; every language when the table lacks
 * one of `supported`. The others would each cost a `match` call only to come back with the source locale.
 */
export function nearLanguages(supported: readonly string[]): readonly string[] {
  if (!supported.every((language) => Object.hasOwn(NEAR_LANGUAGES, language))) return LANGUAGE_CODES;
  const near = new Set(supported.flatMap((language) => NEAR_LANGUAGES[language]!));
  return LANGUAGE_CODES.filter((language) => near.has(language));
}

/** {@link askRegionScripts}, from the table asked ahead of time where it has the language. */
function regionScripts(language: string): Readonly<Record<string, string>> {
  return LANGUAGE_CODES.includes(language) ? (REGION_SCRIPTS[language] ?? {}) : askRegionScripts(language);
}

function sortedRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Best fit's choice among several supported locales of one language and script, by requested region: `"*"`,
 * the most common choice, and the regions where it differs. A region that a candidate has is not listed (the
 * generated code picks that candidate first, as best fit does).
 */
function regionChoices(
  group: string,
  candidates: readonly string[],
  locales: readonly string[],
  regions: readonly string[],
  maximal: Readonly<Record<string, string>>,
): Record<string, string> {
  const chosen = new Map<string, string>();
  for (const region of regions) {
    if (candidates.some((locale) => maximal[locale]!.endsWith(`-${region}`))) continue;
    const choice = match([`${group}-${region}`], locales, locales[0]!);
    if (candidates.includes(choice)) chosen.set(region, choice);
  }
  const counts = new Map<string, number>();
  for (const choice of chosen.values()) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || candidates.indexOf(a[0]) - candidates.indexOf(b[0]))[0]?.[0] ?? candidates[0]!;
  return { "*": common, ...sortedRecord([...chosen].filter(([, choice]) => choice !== common)) };
}

/**
 * The matching data by locale list. It depends on the list alone (and on the ICU data of the Node.js running
 * codebook), and every registry of a run that shares its locales would compute the same again.
 */
const computed = new Map<string, LocaleMatching>();

/** The matching data for a registry's locales; the first is the source locale, the fallback. */
export function localeMatching(locales: readonly string[]): LocaleMatching {
  const key = locales.join(" ");
  let matching = computed.get(key);
  if (matching === undefined) {
    matching = computeLocaleMatching(locales);
    computed.set(key, matching);
  }
  return matching;
}

/**
 * The matching data for `locales`, asking the oracle which of `languages` is related to a supported locale: by
 * default only those {@link nearLanguages} says can be, which gives the same data as asking all of
 * {@link LANGUAGE_CODES} (test/emit/ts/locale-matching.test.ts holds the two equal).
 */
export function computeLocaleMatching(locales: readonly string[], languages?: readonly string[]): LocaleMatching {
  const regions = REGION_CODES;
  const source = locales[0]!;
  const maximal = Object.fromEntries(
    locales.map((locale) => {
      const { language, script, region } = maximize(locale);
      return [locale, `${language}-${script}-${region}`];
    }),
  );
  const supportedLanguages = [...new Set(locales.map((locale) => maximal[locale]!.split("-")[0]!))];
  const likely = new Map<string, string>();
  const related = new Map<string, string>();
  const choices = new Map<string, Record<string, string>>();
  for (const language of supportedLanguages) {
    const own = maximize(language);
    likely.set(language, `${own.script}-${own.region}`);
    const scripts = new Set([own.script]);
    for (const [region, script] of Object.entries(regionScripts(language))) {
      likely.set(`${language}-${region}`, `${script}-${region}`);
      scripts.add(script);
    }
    for (const locale of locales) if (maximal[locale]!.startsWith(`${language}-`)) scripts.add(maximal[locale]!.split("-")[1]!);
    for (const script of scripts) {
      if (script !== own.script) likely.set(`${language}-${script}`, `${script}-${maximize(`${language}-${script}`).region}`);
      const group = `${language}-${script}`;
      const candidates = locales.filter((locale) => maximal[locale]!.startsWith(`${group}-`));
      if (candidates.length === 0) {
        // CLDR relates some scripts of one language (sr-Cyrl and sr-Latn), not others (zh-Hant and zh-Hans).
        const chosen = match([group], locales, source);
        if (chosen !== source) related.set(group, chosen);
      }
      if (candidates.length < 2) continue;
      choices.set(group, regionChoices(group, candidates, locales, regions, maximal));
    }
  }
  for (const language of languages ?? nearLanguages(supportedLanguages)) {
    if (supportedLanguages.includes(language)) continue;
    const chosen = match([language], locales, source);
    if (chosen !== source) related.set(language, chosen);
  }
  return { maximal, likely: sortedRecord(likely), related: sortedRecord(related), regions: sortedRecord(choices) };
}
