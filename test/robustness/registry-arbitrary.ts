import { match } from "@formatjs/intl-localematcher";
import fc from "fast-check";

/**
 * Random valid registries for property tests, drawn imperatively with `fc.gen()`, and an oracle that answers
 * every question the generated module answers straight from the raw data, without the generator's model.
 */

type Text = string | Record<string, string>;
type Member = number | string | { from: number; to: number };

export interface RawRange {
  from: number;
  to: number;
  name: string;
  description: Text;
  reference?: string;
  url?: string;
  aliases?: { name: string; note?: string }[];
}

export interface RawCode {
  code: number;
  name: string;
  description: Text;
  reference?: string;
  url?: string;
  aliases?: (string | { name: string; note?: string })[];
}

export interface RawSet {
  name: string;
  guard?: string;
  description?: Text;
  label?: Text;
  include: Member[];
  exclude?: Member[];
}

export interface RawRegistry {
  id: string;
  type: string;
  title: Text;
  description?: Text;
  unknown?: Text;
  locales: string[];
  missingTranslations?: "error" | "source";
  bounds?: { min: number; max: number };
  ranges?: RawRange[];
  codes: RawCode[];
  sets?: RawSet[];
}

type Draw = fc.GeneratorValue;

const LOCALES = ["en", "de", "fr", "ja", "ar", "zh-CN", "pt-BR", "zh-Hant-TW", "es-419"];

/** The control characters a registry may not hold (see yaml-restrictions); a random text leaves them out. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
const REFUSED_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Pieces of text that have broken, or could break, one of the output formats; of the controls, the valid ones. */
// biome-ignore format: a table of short pieces reads better as a grid than one piece a line
const HOSTILE = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: "${x}" is hostile text, for the emitters' template literals
  "*/", "/*", "//", "`", "${x}", '"', "'", "\\", "\\n", "\u2028", "\u2029", "[0m",
  "<b>", "</script>", "<!--", "-->", "&amp;", "|", "- ", "1. ", "# ", "> ", "    ", "***", "[a](b)", "😀", "👨‍👩‍👧",
  "\u202e", "\u200f", "e\u0301", "\n", "\r\n", "\r", "\t", "  ", "@example", " @see", "\uFEFF", "\uFFFD",
];

/** Names that are valid PascalCase but mean something to JavaScript. */
const SPECIAL_NAMES = [
  "NaN",
  "Infinity",
  "Constructor",
  "Prototype",
  "ToString",
  "ValueOf",
  "Object",
  "Array",
  "Symbol",
  "Default",
  "Undefined",
  "Error",
];

const textArbitrary = fc
  .array(
    fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", maxLength: 8 }), fc.string({ unit: "binary", maxLength: 3 })),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  // A single final line break is what YAML writes as a `|` block, whose final line break codebook drops at load.
  .map((parts) =>
    parts
      .join("")
      .replace(REFUSED_CONTROLS, "")
      .replace(/([^\n])\n$/u, "$1"),
  )
  .filter((text) => /\S/u.test(text));

const pascalArbitrary = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NAMES) },
);

/**
 * Types the clash check refuses (see emit/ts/check-names.ts): the globals the generated code reads, and the types
 * whose derived names are private helpers (`describeIn`, `describeRangeIn`, `LocaleMatchData`).
 */
const REFUSED_TYPES = new Set(["Number", "Math", "Exclude", "In", "RangeIn", "LocaleMatchData"]);

// fc.gen() reuses an arbitrary when its builder and arguments look alike, and two regular expressions do:
// each regex-based arbitrary is built once and drawn through its own factory.
const idArbitrary = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4}){0,2}$/);
const aliasStemArbitrary = fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/);
const typeArbitrary = pascalArbitrary.filter((name) => !REFUSED_TYPES.has(name));
const anyText = () => textArbitrary;
const anyId = () => idArbitrary;
const anyAliasStem = () => aliasStemArbitrary;
const anyType = () => typeArbitrary;

/** A translation made to start and end with a line break exactly when its source text does, as codebook requires. */
function matchLineBreaks(text: string, source: string): string {
  let result = text;
  if (source.startsWith("\n") !== result.startsWith("\n")) result = source.startsWith("\n") ? `\n${result}` : result.replace(/^\n+/, "");
  if (source.endsWith("\n") !== result.endsWith("\n")) result = source.endsWith("\n") ? `${result}\n` : result.replace(/\n+$/, "");
  return result;
}

function drawText(g: Draw, locales: readonly string[], sourceFallback: boolean): Text {
  if (locales.length === 1 && g(fc.boolean)) return g(anyText);
  const text: Record<string, string> = {};
  locales.forEach((locale, index) => {
    if (index > 0 && sourceFallback && g(fc.boolean)) return;
    text[locale] = index === 0 ? g(anyText) : matchLineBreaks(g(anyText), text[locales[0]!]!);
  });
  return text;
}

/** A laminar family of intervals (any two nest or are disjoint, no span twice) from random candidates. */
function laminar(candidates: readonly [number, number][]): { from: number; to: number }[] {
  const kept: { from: number; to: number }[] = [];
  for (const [a, b] of candidates) {
    const interval = { from: Math.min(a, b), to: Math.max(a, b) };
    const fits = kept.every(
      (other) =>
        !(other.from === interval.from && other.to === interval.to) &&
        (interval.to < other.from ||
          interval.from > other.to ||
          (interval.from >= other.from && interval.to <= other.to) ||
          (other.from >= interval.from && other.to <= interval.to)),
    );
    if (fits) kept.push(interval);
  }
  return kept;
}

function drawBounds(g: Draw): { min: number; max: number } | undefined {
  switch (g(fc.integer, { min: 0, max: 4 })) {
    case 0:
      return undefined;
    case 1:
      return { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
    case 2:
      return { min: Number.MAX_SAFE_INTEGER - 40, max: Number.MAX_SAFE_INTEGER };
    default: {
      const min = g(fc.integer, { min: -5000, max: 5000 });
      return { min, max: min + g(fc.integer, { min: 0, max: 3000 }) };
    }
  }
}

/** A random valid registry. */
export function drawRegistry(g: Draw): RawRegistry {
  const bounds = drawBounds(g);
  const from = bounds?.min ?? 0;
  const to = bounds?.max ?? Number.MAX_SAFE_INTEGER;
  // Points near either end of the bounds, so that ranges nest and codes fall in them.
  const point = () =>
    g(() =>
      fc.oneof(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: from, max: Math.min(to, from + 200) }),
        fc.integer({ min: Math.max(from, to - 200), max: to }),
      ),
    );
  const locales = g(fc.shuffledSubarray, LOCALES, { minLength: 1, maxLength: 3 });
  const missingTranslations = g(fc.constantFrom, undefined, "error", "source");
  const fallback = missingTranslations === "source";
  const text = () => drawText(g, locales, fallback);

  const spans = laminar(
    Array.from({ length: g(fc.integer, { min: 0, max: 6 }) }, () => {
      const start = point();
      return [start, g(fc.boolean) ? start : point()] as [number, number];
    }),
  );
  const codeNumbers = new Set<number>();
  for (let count = g(fc.integer, { min: 1, max: 10 }); count > 0; count -= 1) {
    const candidate = point();
    if (spans.length === 0 || spans.some((span) => candidate >= span.from && candidate <= span.to)) {
      codeNumbers.add(candidate);
    } else {
      const span = spans[g(fc.integer, { min: 0, max: spans.length - 1 })]!;
      codeNumbers.add(span.from + (Math.abs(candidate) % (span.to - span.from + 1)));
    }
  }
  const setCount = g(fc.integer, { min: 0, max: 3 });
  const nameCount = spans.length + codeNumbers.size + setCount;
  const names: string[] = g(() =>
    fc.uniqueArray(pascalArbitrary, { minLength: nameCount, maxLength: nameCount, selector: (name) => name.toLowerCase() }),
  );
  let aliasCount = 0;
  const aliases = () =>
    Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => {
      // An underscore keeps aliases apart from every generated name (those are camelCase or PascalCase).
      aliasCount += 1;
      const name = `${g(anyAliasStem)}_${aliasCount}`;
      return g(fc.boolean) ? { name, note: g(anyText) } : name;
    });
  const reference = () => (g(fc.boolean) ? { reference: g(anyText) } : {});
  const url = (): { url?: string } =>
    g(fc.boolean) ? { url: g(fc.constantFrom, "https://example.com/a", "http://example.com/b?c=d&e=f#g") } : {};

  const ranges: RawRange[] = spans.map((span, index) => {
    const rangeAliases = span.from === span.to ? aliases().map((alias) => (typeof alias === "string" ? { name: alias } : alias)) : [];
    return {
      ...span,
      name: names[index]!,
      description: text(),
      ...reference(),
      ...url(),
      ...(rangeAliases.length > 0 ? { aliases: rangeAliases } : {}),
    };
  });
  const codes: RawCode[] = [...codeNumbers].map((code, index) => {
    const codeAliases = aliases();
    return {
      code,
      name: names[spans.length + index]!,
      description: text(),
      ...reference(),
      ...url(),
      ...(codeAliases.length > 0 ? { aliases: codeAliases } : {}),
    };
  });
  const registered = [...codes.map((entry) => entry.name), ...ranges.map((range) => range.name)];
  const member = (): Member => {
    const kind = g(fc.integer, { min: 0, max: 2 });
    if (kind === 0) return point();
    if (kind === 1) return g(fc.constantFrom<string[]>, ...registered);
    const [a, b] = [point(), point()];
    return { from: Math.min(a, b), to: Math.max(a, b) };
  };
  const type = g(anyType);
  const guards = new Set([`is${type}`]);
  const sets: RawSet[] = names.slice(spans.length + codeNumbers.size).map((name) => {
    const include = Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, member);
    const exclude = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, member);
    const set: RawSet = { name, include };
    if (g(fc.boolean)) set.description = text();
    if (g(fc.boolean)) set.label = text();
    const registry = { codes, ranges } as RawRegistry;
    if (exclude.length > 0 && !isEmptySet(registry, include, exclude)) set.exclude = exclude;
    const custom = `is${name}Custom`;
    if (g(fc.boolean) && !guards.has(custom)) set.guard = custom;
    guards.add(set.guard ?? `is${name}${type}`);
    return set;
  });
  const clash = sets.some((set, index) =>
    sets.some((other, otherIndex) => otherIndex !== index && other.guard === undefined && set.guard === `is${other.name}${type}`),
  );
  if (clash) for (const set of sets) delete set.guard;

  const registry: RawRegistry = {
    id: g(anyId),
    type,
    title: text(),
    locales,
    codes,
  };
  if (g(fc.boolean)) registry.description = text();
  if (g(fc.boolean)) registry.unknown = text();
  if (missingTranslations !== undefined) registry.missingTranslations = missingTranslations;
  if (bounds !== undefined) registry.bounds = bounds;
  if (ranges.length > 0) registry.ranges = ranges;
  if (sets.length > 0) registry.sets = sets;
  return registry;
}

function isEmptySet(registry: RawRegistry, include: readonly Member[], exclude: readonly Member[]): boolean {
  const probe = { ...registry, locales: ["en"], sets: [{ name: "Probe", include: [...include], exclude: [...exclude] }] };
  const oracle = new Oracle(probe);
  // A set's members are the integers of its include spans: test every span's ends and a few inside.
  const candidates = include.flatMap((item) => {
    const span = oracle.span(item);
    return span === undefined
      ? []
      : [span.from, span.to, ...Array.from({ length: Math.min(64, span.to - span.from + 1) }, (_, offset) => span.from + offset)];
  });
  const excluded = exclude.flatMap((item) => {
    const span = oracle.span(item);
    return span === undefined ? [] : [span.to + 1, span.from - 1];
  });
  return ![...candidates, ...excluded].some((value) => oracle.inSet(0, value));
}

/** Answers every question the generated module answers, straight from the raw registry. */
export class Oracle {
  readonly source: string;

  constructor(readonly registry: RawRegistry) {
    this.source = registry.locales[0]!;
  }

  /** The interval a set member stands for. */
  span(member: Member): { from: number; to: number } | undefined {
    if (typeof member === "number") return { from: member, to: member };
    if (typeof member === "object") return member;
    const code = this.registry.codes.find((entry) => entry.name === member);
    if (code !== undefined) return { from: code.code, to: code.code };
    return this.registry.ranges?.find((range) => range.name === member);
  }

  isCode(value: unknown): boolean {
    return typeof value === "number" && this.registry.codes.some((entry) => entry.code === value);
  }

  name(value: number): string | undefined {
    return this.registry.codes.find((entry) => entry.code === value)?.name;
  }

  range(value: number): RawRange | undefined {
    if (!Number.isInteger(value)) return undefined;
    const holding = (this.registry.ranges ?? []).filter((range) => value >= range.from && value <= range.to);
    return holding.sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  }

  inSet(index: number, value: number): boolean {
    const set = this.registry.sets![index]!;
    const within = (members: readonly Member[] | undefined) =>
      (members ?? []).some((member) => {
        const span = this.span(member);
        return span !== undefined && value >= span.from && value <= span.to;
      });
    return Number.isInteger(value) && within(set.include) && !within(set.exclude);
  }

  /** The text of `text` in `locale`, falling back to the source locale as `missingTranslations: source` does. */
  text(text: Text, locale: string): string {
    return typeof text === "string" ? text : (text[locale] ?? text[this.source]!);
  }

  /** The supported locale for a requested tag: `Intl.LocaleMatcher`'s best fit (`_` read as `-`), else the source locale. */
  resolveLocale(requested: string | undefined): string {
    if (requested === undefined) return this.source;
    return match([requested.replace(/_/g, "-")], this.registry.locales, this.source, { algorithm: "best fit" });
  }

  describe(value: number, requested?: string): string {
    const locale = this.resolveLocale(requested);
    const entry = Number.isInteger(value) ? this.registry.codes.find((code) => code.code === value) : undefined;
    if (entry !== undefined) return this.text(entry.description, locale);
    const range = this.range(value);
    if (range !== undefined) return this.text(range.description, locale);
    return this.registry.unknown === undefined ? "Unknown code." : this.text(this.registry.unknown, locale);
  }

  /** Values worth asking about: every code, range end and set member edge, their neighbours, and oddities. */
  edgeValues(): number[] {
    const values = new Set<number>([
      0,
      -0,
      -1,
      1,
      0.5,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 2,
      NaN,
      Infinity,
      -Infinity,
    ]);
    const around = (value: number) => {
      for (const item of [value - 1, value, value + 1, value + 0.5]) values.add(item);
    };
    for (const entry of this.registry.codes) around(entry.code);
    for (const range of this.registry.ranges ?? []) [range.from, range.to].forEach(around);
    for (const set of this.registry.sets ?? []) {
      for (const member of [...set.include, ...(set.exclude ?? [])]) {
        const span = this.span(member);
        if (span !== undefined) [span.from, span.to].forEach(around);
      }
    }
    if (this.registry.bounds !== undefined) [this.registry.bounds.min, this.registry.bounds.max].forEach(around);
    return [...values];
  }
}
