/**
 * The words of a Markdown page that do not come from the registry: column headers, section titles, yes/no, the
 * title of the code map (`{title}`, `{from}` and `{to}` in it are the registry's title and bounds) and the
 * language's own name. They are data, in `templates/locales/<locale>.yaml`; this module names them
 * (`emit/markdown/page-texts.ts` resolves them for a locale).
 */

/** Every key a locale texts file may hold. */
export const PAGE_TEXT_KEYS = [
  "language",
  "ranges",
  "codes",
  "range",
  "code",
  "name",
  "use",
  "description",
  "reference",
  "aliases",
  "yes",
  "no",
  "status",
  "active",
  "deprecated",
  "retired",
  "since",
  "map",
] as const;

/** One key of the page texts. */
export type PageTextKey = (typeof PAGE_TEXT_KEYS)[number];

/** The page texts of one locale. */
export type PageTexts = Readonly<Record<PageTextKey, string>>;

/** Texts from one file: any subset of the keys. */
export type PartialPageTexts = Readonly<Partial<Record<PageTextKey, string>>>;

/** Where texts are looked up: the user's templates first, the built-in ones last. */
export interface TextLayer {
  readonly texts: ReadonlyMap<string, PartialPageTexts>;
}
