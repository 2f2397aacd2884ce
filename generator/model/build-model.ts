import {
  type CitingMessage,
  type Diagnostic,
  type DiagnosticCode,
  type Result,
  type SourceLocation,
  withRelated,
} from "../diagnostics/index.js";
import type { RawAlias, RawMember, RawRange, RawRegistry, RawText } from "../load/raw-registry.js";
import { type DataPath, locate, type ParsedYaml } from "../load/yaml-document.js";
import { RESERVED_WORDS } from "../validate/identifiers.js";
import { closestMatch } from "../validate/suggest.js";
import { resolveDocUrls } from "./doc-urls.js";
import { resolveFields } from "./fields.js";
import { indexInnermost, intervalsContain, normalizeIntervals, subtractIntervals } from "./intervals.js";
import { checkReplacements, reportRetiredReuse, resolveLifecycle, splitRetired } from "./lifecycle.js";
import type { PartReporter, RelatedPath } from "./part-reporter.js";
import type { Alias, CodeEntry, CodeRange, CodeSet, FieldTarget, Interval, LocalizedText, Registry } from "./registry.js";

/** Collects located diagnostics for one parsed file. */
export class Reporter implements PartReporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly parsed: ParsedYaml) {}

  /** Reports a problem at the value (or key) found at `path`. */
  error(path: DataPath, code: DiagnosticCode, message: string, target: "value" | "key" = "value"): void {
    this.diagnostics.push(this.diagnostic(path, code, message, target));
  }

  /** The diagnostic of a problem at the value (or key) found at `path`, without reporting it. */
  diagnostic(path: DataPath, code: DiagnosticCode, message: string, target: "value" | "key" = "value"): Diagnostic {
    return { ...this.locate(path, target), code, message };
  }

  /**
   * Reports a problem at the value found at `path` that points at other places too (an earlier definition):
   * they travel as the diagnostic's `related` locations, and `message` cites each as `12:5` (`base.yaml:12:5` when
   * it is in another file than the problem).
   */
  errorWithRelated(path: DataPath, code: DiagnosticCode, related: readonly RelatedPath[], message: CitingMessage): void {
    const places = related.map((place) => ({ ...this.locate(place.path, "value"), message: place.message }));
    this.diagnostics.push(withRelated({ ...this.locate(path, "value"), code }, places, message));
  }

  /** The file and position of the value (or key) at `path`. */
  protected locate(path: DataPath, target: "value" | "key"): SourceLocation {
    return { file: this.parsed.source.file, ...locate(this.parsed, path, target) };
  }
}

/** What a check of the finished model receives besides it: where each of the registry's values was written. */
export interface CheckContext {
  /** The diagnostic of a problem at the value (or key) found at `path` in the registry's files. */
  readonly diagnostic: (path: DataPath, code: DiagnosticCode, message: string, target?: "value" | "key") => Diagnostic;
}

/**
 * A check of the finished model that a later stage brings (a target's `check`: the TypeScript target refuses the
 * names that would break its module). Its problems are reported with the model's own, all at once.
 */
export type RegistryCheck = (registry: Registry, context: CheckContext) => readonly Diagnostic[];

/** Where translations for a text may come from besides the registry itself (locale files). */
export type TextSupplement = (path: DataPath, locale: string) => string | undefined;

/** Reports that the text at `path` (its key: `codes.DataLoss`) has no text in `locales`. */
export type MissingReporter = (path: DataPath, key: string, locales: readonly string[]) => void;

export interface BuildContext {
  readonly raw: RawRegistry;
  readonly reporter: Reporter;
  /** Texts found in locale files, keyed by the registry path of the text they translate. */
  readonly supplement: TextSupplement;
  /**
   * Reports missing translations where they belong (the loader knows the locale files).
   * @default an error at the registry's text
   */
  readonly reportMissing?: MissingReporter;
  /** The checks the model's consumers add (see {@link RegistryCheck}). @default none */
  readonly checks?: readonly RegistryCheck[];
  /** The registry of each `code` field, by field index, as the loader found it (see `FieldContext.targets`). */
  readonly fieldTargets?: ReadonlyMap<number, FieldTarget>;
}

/** The context inside `buildModel`: the caller's, and where the fallbacks are collected. */
interface ModelContext extends BuildContext {
  /** The locales of each text that fell back to the source text, by key. */
  readonly fallbacks: Map<string, readonly string[]>;
  /** The listed locales, each once (a locale listed twice is reported by `checkLocales`). */
  readonly locales: readonly string[];
}

const DEFAULT_BOUNDS: Interval = { from: 0, to: Number.MAX_SAFE_INTEGER };

/** What `describe<Type>` returns for an unknown code when the registry has no `unknown` text. */
const DEFAULT_UNKNOWN = "Unknown code.";

/** The built-in English `unknown` text: in the other locales it stands for a translation that is missing. */
function defaultUnknown(context: ModelContext): LocalizedText {
  const others = context.raw.locales.slice(1);
  if (others.length > 0) context.fallbacks.set("unknown", others);
  return sameInEvery(context.raw.locales, DEFAULT_UNKNOWN);
}

/** A text that is the same in every locale: a default that has nothing to translate (`title` is the type's name). */
function sameInEvery(locales: readonly string[], text: string): LocalizedText {
  return Object.fromEntries(locales.map((locale) => [locale, text]));
}

/**
 * Resolves a schema-valid registry into the model every emitter reads, running the semantic checks
 * that JSON Schema cannot express: duplicates, overlaps, bounds, translations, set members.
 */
export function buildModel(input: BuildContext): Result<{ readonly registry: Registry }> {
  const context: ModelContext = { ...input, fallbacks: new Map(), locales: [...new Set(input.raw.locales)] };
  const { raw, reporter } = context;
  checkLocales(raw, reporter);
  const bounds = resolveBounds(raw, reporter);
  const names = new NameRegistry(reporter);
  const fieldContext = {
    raw,
    reporter,
    text: (value: RawText, path: DataPath, key: string) => resolveText(context, value, path, key),
    targets: context.fieldTargets ?? new Map(),
  };
  const declaredRanges = resolveRanges(context, bounds, names);
  const resolved = resolveFields(fieldContext, declaredRanges, resolveCodes(context, bounds, declaredRanges, names));
  const { fields, ranges } = resolved;
  const docs = resolveDocUrls(raw, resolved.codes, reporter);
  const all = docs.codes;
  checkReplacements(reporter, all);
  const { live: codes, retired } = splitRetired(all);
  const sets = resolveSets(context, bounds, all, ranges);
  const text = (value: RawText, key: string): LocalizedText => resolveText(context, value, [key], key);
  const registry: Registry = {
    id: raw.id,
    version: raw.version,
    type: raw.type,
    title: raw.title === undefined ? sameInEvery(raw.locales, raw.type) : text(raw.title, "title"),
    description: raw.description === undefined ? undefined : text(raw.description, "description"),
    unknown: raw.unknown === undefined ? defaultUnknown(context) : text(raw.unknown, "unknown"),
    locales: raw.locales,
    sourceLocale: raw.locales[0]!,
    messageFormat: raw.messageFormat ?? "plain",
    messages: new Map(),
    bounds,
    fields,
    ranges,
    codes,
    retired,
    sets,
    ...(docs.template === undefined ? {} : { docs: docs.template }),
    fallbacks: context.fallbacks,
    sourcePath: reporter.parsed.source.path,
  };
  for (const check of input.checks ?? []) reporter.diagnostics.push(...check(registry, reporter));
  if (reporter.diagnostics.length > 0) return { ok: false, diagnostics: reporter.diagnostics };
  return { ok: true, registry };
}

function checkLocales(raw: RawRegistry, reporter: Reporter): void {
  const seen = new Map<string, number>();
  raw.locales.forEach((locale, index) => {
    const first = seen.get(locale.toLowerCase());
    if (first !== undefined) {
      const earlier = [{ path: ["locales", first], message: "first listed here" }];
      reporter.errorWithRelated(
        ["locales", index],
        "duplicate-locale",
        earlier,
        (at) => `locale "${locale}" is listed twice (first at ${at})`,
      );
    } else {
      seen.set(locale.toLowerCase(), index);
    }
  });
}

function resolveBounds(raw: RawRegistry, reporter: Reporter): Interval {
  const from = raw.bounds?.min ?? DEFAULT_BOUNDS.from;
  const to = raw.bounds?.max ?? DEFAULT_BOUNDS.to;
  for (const [key, value] of [
    ["min", from],
    ["max", to],
  ] as const) {
    if (!Number.isSafeInteger(value)) {
      reporter.error(["bounds", key], "bounds", `bounds.${key} must be a safe integer (at most ${Number.MAX_SAFE_INTEGER} in magnitude)`);
    }
  }
  if (from > to) reporter.error(["bounds"], "bounds", `bounds.min (${from}) is greater than bounds.max (${to})`);
  // Invalid bounds are reported once; checking every code against them would only repeat the error.
  if (from > to || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return DEFAULT_BOUNDS;
  return { from, to };
}

/** Names of codes and ranges share one namespace (set members refer to either), compared case-insensitively. */
class NameRegistry {
  private readonly names = new Map<string, { name: string; path: DataPath; retired: boolean }>();
  private readonly aliases = new Map<string, DataPath>();

  constructor(private readonly reporter: Reporter) {}

  /** Adds a code's or range's name; a retired code's name is reserved, and reusing it names the retirement. */
  addName(name: string, path: DataPath, retired = false): void {
    const key = name.toLowerCase();
    const previous = this.names.get(key);
    if (previous === undefined) {
      this.names.set(key, { name, path, retired });
      return;
    }
    if (previous.retired !== retired) {
      const [at, retiredAt] = retired ? [previous.path, path] : [path, previous.path];
      reportRetiredReuse(this.reporter, at, retiredAt, "retired-name-reused", `"${name}" is the name of a retired code`);
      return;
    }
    const how = previous.name === name ? "" : ` (differs only in case from "${previous.name}")`;
    const earlier = [{ path: previous.path, message: "first defined here" }];
    this.reporter.errorWithRelated(path, "duplicate-name", earlier, (at) => `duplicate name "${name}"${how}; first defined at ${at}`);
  }

  addAlias(name: string, path: DataPath): void {
    if (RESERVED_WORDS.has(name)) {
      this.reporter.error(path, "reserved-word", `"${name}" is a reserved word and cannot name a constant; choose another alias`);
      return;
    }
    const previous = this.aliases.get(name);
    if (previous !== undefined) {
      const earlier = [{ path: previous, message: "first defined here" }];
      this.reporter.errorWithRelated(path, "duplicate-alias", earlier, (at) => `duplicate alias "${name}"; first defined at ${at}`);
      return;
    }
    this.aliases.set(name, path);
  }
}

function resolveAliases(raw: readonly RawAlias[] | undefined, path: DataPath, names: NameRegistry): Alias[] {
  return (raw ?? []).map((alias, index) => {
    const name = typeof alias === "string" ? alias : alias.name;
    names.addAlias(name, typeof alias === "string" ? [...path, index] : [...path, index, "name"]);
    return typeof alias === "string"
      ? { name, note: undefined, deprecated: true }
      : { name, note: alias.note, deprecated: alias.deprecated ?? true };
  });
}

function checkInBounds(reporter: Reporter, path: DataPath, value: number, bounds: Interval, what: string): boolean {
  if (value >= bounds.from && value <= bounds.to) return true;
  reporter.error(path, "out-of-bounds", `${what} ${value} is outside the registry's bounds ${bounds.from}–${bounds.to}`);
  return false;
}

function resolveRanges(context: ModelContext, bounds: Interval, names: NameRegistry): CodeRange[] {
  const { raw, reporter } = context;
  const rawRanges = raw.ranges ?? [];
  rawRanges.forEach((range, index) => {
    names.addName(range.name, ["ranges", index, "name"]);
    if (range.from > range.to) {
      reporter.error(["ranges", index, "to"], "inverted-range", `range ${range.name} ends (${range.to}) before it starts (${range.from})`);
    }
    checkInBounds(reporter, ["ranges", index, "from"], range.from, bounds, "range start");
    checkInBounds(reporter, ["ranges", index, "to"], range.to, bounds, "range end");
    if ((range.aliases?.length ?? 0) > 0 && range.from !== range.to) {
      reporter.error(
        ["ranges", index, "aliases"],
        "range-alias",
        `aliases are only allowed on a range of one code; ${range.name} spans ${range.from}–${range.to}`,
      );
    }
  });
  const parents = findParents(rawRanges, reporter);
  return rawRanges.map((range, index) => ({
    from: range.from,
    to: range.to,
    name: range.name,
    description: resolveText(context, range.description, ["ranges", index, "description"], `ranges.${range.name}`),
    reference: range.reference,
    url: range.url,
    aliases: resolveAliases(range.aliases, ["ranges", index, "aliases"], names),
    parent: parents[index],
    fields: {},
  }));
}

/** The innermost enclosing range of each range; reports partial overlaps and duplicate spans. */
function findParents(ranges: readonly RawRange[], reporter: Reporter): (string | undefined)[] {
  const order = ranges
    .map((range, index) => ({ range, index }))
    .filter(({ range }) => range.from <= range.to)
    .sort((a, b) => a.range.from - b.range.from || b.range.to - a.range.to || a.index - b.index);
  const parents: (string | undefined)[] = ranges.map(() => undefined);
  const open: { range: RawRange; index: number }[] = [];
  for (const current of order) {
    while (open.length > 0 && open.at(-1)!.range.to < current.range.from) open.pop();
    const enclosing = open.at(-1);
    if (enclosing !== undefined) {
      const { range } = enclosing;
      const other = [{ path: ["ranges", enclosing.index], message: `range ${range.name} is here` }];
      const span = (at: string): string => `${range.name} (${range.from}–${range.to}, at ${at})`;
      if (range.from === current.range.from && range.to === current.range.to) {
        reporter.errorWithRelated(
          ["ranges", current.index],
          "duplicate-range",
          other,
          (at) => `range ${current.range.name} has the same span as ${span(at)}`,
        );
        continue;
      }
      if (current.range.to > range.to) {
        const message = (at: string): string =>
          `range ${current.range.name} (${current.range.from}–${current.range.to}) partially overlaps ${span(at)}; ranges must nest or be disjoint`;
        reporter.errorWithRelated(["ranges", current.index], "overlapping-ranges", other, message);
        continue;
      }
      parents[current.index] = range.name;
    }
    open.push(current);
  }
  return parents;
}

function resolveCodes(context: ModelContext, bounds: Interval, ranges: readonly CodeRange[], names: NameRegistry): CodeEntry[] {
  const { raw, reporter } = context;
  const seen = new Map<number, number>();
  // Sorted once, each code is a binary search (ranges × codes would be quadratic). Whether a code lies in
  // some range is asked of their union, so the diagnostic does not depend on the ranges nesting properly.
  const innermost = indexInnermost(ranges);
  const covered = normalizeIntervals(ranges.filter((range) => range.from <= range.to));
  return raw.codes.map((entry, index) => {
    const path = ["codes", index] as const;
    names.addName(entry.name, [...path, "name"], entry.status === "retired");
    checkInBounds(reporter, [...path, "code"], entry.code, bounds, "code");
    const first = seen.get(entry.code);
    if (first !== undefined && (raw.codes[first]!.status === "retired") !== (entry.status === "retired")) {
      const [at, retiredAt] = entry.status === "retired" ? [first, index] : [index, first];
      reportRetiredReuse(
        reporter,
        ["codes", at, "code"],
        ["codes", retiredAt, "code"],
        "retired-code-reused",
        `code ${entry.code} is the number of retired code ${raw.codes[retiredAt]!.name}`,
      );
    } else if (first !== undefined) {
      const earlier = [{ path: ["codes", first, "code"], message: "first defined here" }];
      reporter.errorWithRelated(
        [...path, "code"],
        "duplicate-code",
        earlier,
        (at) => `duplicate code ${entry.code} (first defined at ${at})`,
      );
    } else {
      seen.set(entry.code, index);
    }
    const range = innermost(entry.code);
    if (ranges.length > 0 && !intervalsContain(covered, entry.code)) {
      reporter.error(
        [...path, "code"],
        "code-outside-ranges",
        `code ${entry.code} lies outside every declared range; declare a range that holds it`,
      );
    }
    return {
      code: entry.code,
      name: entry.name,
      description: resolveText(context, entry.description, [...path, "description"], `codes.${entry.name}`),
      reference: entry.reference,
      url: entry.url,
      aliases: resolveAliases(entry.aliases, [...path, "aliases"], names),
      range: range?.name,
      lifecycle: resolveLifecycle(reporter, entry, path),
      fields: {},
      ownFields: [],
    };
  });
}

function resolveSets(context: ModelContext, bounds: Interval, codes: readonly CodeEntry[], ranges: readonly CodeRange[]): CodeSet[] {
  const { raw, reporter } = context;
  const byName = new Map<string, Interval>();
  for (const range of ranges) byName.set(range.name, range);
  const retired = new Set<string>();
  for (const code of codes) {
    if (code.lifecycle.status === "retired") retired.add(code.name);
    else byName.set(code.name, { from: code.code, to: code.code });
  }
  const seen = new Map<string, number>();
  return (raw.sets ?? []).map((set, index) => {
    const path = ["sets", index] as const;
    const first = seen.get(set.name.toLowerCase());
    if (first !== undefined) {
      const other = raw.sets![first]!.name;
      const how = other === set.name ? "" : ` (differs only in case from "${other}")`;
      const earlier = [{ path: ["sets", first, "name"], message: "first defined here" }];
      reporter.errorWithRelated(
        [...path, "name"],
        "duplicate-set",
        earlier,
        (at) => `duplicate set "${set.name}"${how}; first defined at ${at}`,
      );
    } else {
      seen.set(set.name.toLowerCase(), index);
    }
    const members = (list: readonly RawMember[] | undefined, key: string): Interval[] =>
      (list ?? []).flatMap((member, position) =>
        typeof member === "string" && retired.has(member)
          ? refuseRetiredMember(reporter, member, [...path, key, position])
          : resolveMember(reporter, byName, bounds, member, [...path, key, position]),
      );
    const intervals = subtractIntervals(members(set.include, "include"), members(set.exclude, "exclude"));
    if (intervals.length === 0 && reporter.diagnostics.length === 0) {
      reporter.error([...path, "include"], "empty-set", `set ${set.name} has no members once its exclusions are removed`);
    }
    return {
      name: set.name,
      guard: set.guard,
      description:
        set.description === undefined
          ? undefined
          : resolveText(context, set.description, [...path, "description"], `sets.${set.name}.description`),
      label: set.label === undefined ? undefined : resolveText(context, set.label, [...path, "label"], `sets.${set.name}.label`),
      intervals: normalizeIntervals(intervals),
    };
  });
}

/** A retired code is no member of anything: its number may be covered by a span, but it cannot be named. */
function refuseRetiredMember(reporter: Reporter, name: string, path: DataPath): Interval[] {
  reporter.error(
    path,
    "retired-member",
    `"${name}" is a retired code and cannot be a member of a set; name a code in use or write its number`,
  );
  return [];
}

function resolveMember(
  reporter: Reporter,
  byName: ReadonlyMap<string, Interval>,
  bounds: Interval,
  member: RawMember,
  path: DataPath,
): Interval[] {
  if (typeof member === "number") {
    return checkInBounds(reporter, path, member, bounds, "set member") ? [{ from: member, to: member }] : [];
  }
  if (typeof member === "string") {
    const interval = byName.get(member);
    if (interval === undefined) {
      const suggestion = closestMatch(member, [...byName.keys()]);
      const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
      reporter.error(path, "unknown-member", `"${member}" names no code or range of this registry${hint}`);
      return [];
    }
    return [interval];
  }
  if (member.from > member.to) {
    reporter.error([...path, "to"], "inverted-range", `span ends (${member.to}) before it starts (${member.from})`);
    return [];
  }
  const inBounds =
    checkInBounds(reporter, [...path, "from"], member.from, bounds, "span start") &&
    checkInBounds(reporter, [...path, "to"], member.to, bounds, "span end");
  return inBounds ? [{ from: member.from, to: member.to }] : [];
}

/**
 * Resolves a text into every locale: the registry's own map (or plain string, always the source-locale text),
 * completed from locale files, and from the source locale where the registry allows it (recorded in
 * `fallbacks` under `key`). Reports unlisted locales, and passes missing ones to `reportMissing`.
 */
function resolveText(context: ModelContext, value: RawText, path: DataPath, key: string): LocalizedText {
  const { raw, reporter, supplement, locales } = context;
  const [sourceLocale] = locales;
  const result: Record<string, string> = {};
  if (typeof value === "string") {
    result[sourceLocale!] = value;
  } else {
    for (const [locale, text] of Object.entries(value)) {
      if (!locales.includes(locale)) {
        reporter.error(
          [...path, locale],
          "unlisted-locale",
          `locale "${locale}" is not listed in \`locales\` (${locales.join(", ")}); add it there or remove this text`,
          "key",
        );
      }
      result[locale] = text;
    }
  }
  const missing: string[] = [];
  const fellBack: string[] = [];
  const resolved: Record<string, string> = {};
  for (const locale of locales) {
    const fromFile = supplement(path, locale);
    if (fromFile !== undefined) result[locale] ??= fromFile;
    if (result[locale] === undefined) {
      if (raw.missingTranslations === "source" && result[sourceLocale!] !== undefined) {
        result[locale] = result[sourceLocale!]!;
        fellBack.push(locale);
      } else {
        missing.push(locale);
        continue;
      }
    }
    resolved[locale] = result[locale]!;
  }
  if (fellBack.length > 0) context.fallbacks.set(key, fellBack);
  if (missing.length > 0) (context.reportMissing ?? reportMissingAtText(context))(path, key, missing);
  return resolved;
}

/** The default for {@link BuildContext.reportMissing}: one error at the registry's text. */
function reportMissingAtText(context: BuildContext): MissingReporter {
  return (path, _key, missing) => {
    const which = missing.map((locale) => `"${locale}"`).join(", ");
    context.reporter.error(
      path,
      "missing-translation",
      `missing translation${missing.length > 1 ? "s" : ""} for ${which}; add ${missing.length > 1 ? "them" : "it"}, or set \`missingTranslations: source\` to fall back to ${context.raw.locales[0]}`,
    );
  };
}
