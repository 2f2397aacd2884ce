/** gettext `Plural-Forms` expressions, as GNU gettext's documentation gives them. */
const ONE_FORM = "nplurals=1; plural=0;";
const ONE_OTHER = "nplurals=2; plural=(n != 1);";
const ZERO_ONE_OTHER = "nplurals=2; plural=(n > 1);";
const EAST_SLAVIC = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
const POLISH = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
const CZECH = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;";

/** By full tag first (`pt-BR` differs from `pt`), then by language. */
const PLURAL_FORMS: Readonly<Record<string, string>> = {
  "pt-BR": ZERO_ONE_OTHER,
  ...Object.fromEntries(["ja", "zh", "ko", "vi", "th", "id", "ms"].map((language) => [language, ONE_FORM])),
  ...Object.fromEntries(
    ["en", "de", "nl", "sv", "da", "nb", "nn", "no", "it", "es", "pt", "el", "fi", "et", "hu", "bg", "ca", "eu", "gl", "tr"].map(
      (language) => [language, ONE_OTHER],
    ),
  ),
  fr: ZERO_ONE_OTHER,
  ...Object.fromEntries(["ru", "uk", "be"].map((language) => [language, EAST_SLAVIC])),
  pl: POLISH,
  cs: CZECH,
  sk: CZECH,
};

/** The `Plural-Forms` header for a BCP 47 tag, when codebook knows it. */
export function pluralForms(locale: string): string | undefined {
  // Own properties only: a locale is input, and no inherited property of an object is a plural rule.
  const language = locale.split("-")[0]!;
  return Object.hasOwn(PLURAL_FORMS, locale)
    ? PLURAL_FORMS[locale]
    : Object.hasOwn(PLURAL_FORMS, language)
      ? PLURAL_FORMS[language]
      : undefined;
}
