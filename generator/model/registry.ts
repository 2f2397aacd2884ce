/** A text in every locale of its registry, keyed by locale tag. */
export type LocalizedText = Readonly<Record<string, string>>;

/** An inclusive span of integers. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Another name of a code, emitted as a constant equal to it: a deprecated legacy name unless it says otherwise. */
export interface Alias {
  readonly name: string;
  /** Why it is deprecated and what to use instead, or what the second name is for; without it the emitters name the code. */
  readonly note: string | undefined;
  /** `false` for a second name kept on purpose (`deprecated: false` in the registry). */
  readonly deprecated: boolean;
}

/**
 * A field's value: a boolean, a number, a string (string and one-of), a text in every locale (text), or a
 * code of the field's target registry (code).
 */
export type FieldValue = boolean | number | string | LocalizedText;

/** The registry a `code` field maps to: enough of it to check values and to type them. */
export interface FieldTarget {
  /** The `id` of the target registry (`http-status`). */
  readonly id: string;
  /** The `type` of the target registry (`HttpStatus`). */
  readonly type: string;
  /** The target registry's file, as diagnostics print it (relative to the working folder: never in an output). */
  readonly file: string;
  /** Its registered codes, in its order. */
  readonly codes: readonly { readonly code: number; readonly name: string }[];
}

/** A declared field: every registered code has a value of it (its own, inherited from a range, or the default). */
export interface Field {
  readonly name: string;
  readonly type: "boolean" | "integer" | "number" | "string" | "one-of" | "text" | "code";
  /** For `one-of`: the strings a value may be, in the registry's order. */
  readonly values: readonly string[];
  /** For `code`: the registry whose codes the values are. */
  readonly target: FieldTarget | undefined;
  readonly default: FieldValue | undefined;
  readonly description: string | undefined;
  /** A column header for the docs; a field without one gets no column. */
  readonly label: LocalizedText | undefined;
}

/** A declared range of codes. Ranges nest: a range wholly inside another is its child. */
export interface CodeRange extends Interval {
  readonly name: string;
  readonly description: LocalizedText;
  readonly reference: string | undefined;
  readonly url: string | undefined;
  /** Only for a range of one code. */
  readonly aliases: readonly Alias[];
  /** The name of the innermost range that holds this one. */
  readonly parent: string | undefined;
  /** The field values the range gives its codes, by field name (those it inherits from its parents are not here). */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** Where a code is in its life: `retired` reserves its number and name forever. */
export type CodeStatus = "active" | "deprecated" | "retired";

/** A code's status and history, as the registry writes them. */
export interface CodeLifecycle {
  readonly status: CodeStatus;
  /** Why it is deprecated or retired (required for those statuses). */
  readonly note: string | undefined;
  /** The name of the code that replaces it. */
  readonly replacement: string | undefined;
  readonly since: string | undefined;
  readonly deprecatedSince: string | undefined;
  readonly retiredSince: string | undefined;
}

/** A registered code. */
export interface CodeEntry {
  readonly code: number;
  readonly name: string;
  readonly description: LocalizedText;
  readonly reference: string | undefined;
  readonly url: string | undefined;
  readonly aliases: readonly Alias[];
  /** The name of the innermost declared range that holds the code. */
  readonly range: string | undefined;
  readonly lifecycle: CodeLifecycle;
  /** The value of every declared field, resolved (own, inherited from a range, or default), by field name. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** The fields whose value the code gives itself, in declaration order. */
  readonly ownFields: readonly string[];
  /** Where the code is documented: its own `docs.url`, or the registry's template expanded for it. */
  readonly docUrl?: string;
}

/** A `docs.url` template split into literal text and placeholders: `https://x/{code}` → `["https://x/", { placeholder: "code" }]`. */
export type DocUrlPart = string | { readonly placeholder: "code" | "name" | "id" };

/** The registry's `docs.url` template, as written and parsed. */
export interface DocUrlTemplate {
  readonly template: string;
  readonly parts: readonly DocUrlPart[];
}

/** A named set of codes; each becomes a guard `is<Name><Type>`. */
export interface CodeSet {
  readonly name: string;
  /** The guard's name when the registry gives one; otherwise `is<Name><Type>`. */
  readonly guard: string | undefined;
  readonly description: LocalizedText | undefined;
  /** A short column header for the docs; a set without one gets no column. */
  readonly label: LocalizedText | undefined;
  /** The members as sorted, disjoint, non-adjacent intervals. */
  readonly intervals: readonly Interval[];
}

/** A text of an ICU registry, parsed: literal text (quotes resolved) and `{placeholder}` arguments. */
export type MessagePart = string | { readonly argument: string };

/** Where something was written: a file (absolute) and a 1-based line and column. */
export interface SourceOrigin {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** Where the parts of a registry were written, by name: what the generated declarations point back to. */
export interface RegistryOrigins {
  /** The registry's `type`. */
  readonly type: SourceOrigin;
  /** Each code's name, by name; likewise for ranges, sets and aliases. */
  readonly codes: ReadonlyMap<string, SourceOrigin>;
  readonly ranges: ReadonlyMap<string, SourceOrigin>;
  readonly sets: ReadonlyMap<string, SourceOrigin>;
  readonly aliases: ReadonlyMap<string, SourceOrigin>;
  /** Each locale's locale file (its `locale` key), or its entry under `locales` when its texts are inline. */
  readonly locales: ReadonlyMap<string, SourceOrigin>;
}

/** The resolved registry: validated, merged with its locale files, every default applied. */
export interface Registry {
  readonly id: string;
  readonly type: string;
  /** The registry's `title`, or its `type` in every locale when it has none. */
  readonly title: LocalizedText;
  readonly description: LocalizedText | undefined;
  /** What `describe<Type>` returns for an unknown code. */
  readonly unknown: LocalizedText;
  /** Every locale; the first is the source locale. */
  readonly locales: readonly string[];
  readonly sourceLocale: string;
  readonly messageFormat: "plain" | "icu";
  /** For an `icu` registry, every distinct text parsed into parts (validated at load); empty for `plain`. */
  readonly messages: ReadonlyMap<string, readonly MessagePart[]>;
  readonly bounds: Interval;
  /** The declared fields, in declaration order. */
  readonly fields: readonly Field[];
  /** In declaration order. */
  readonly ranges: readonly CodeRange[];
  /** The codes in use (active and deprecated), in declaration order: what the code of every target declares. */
  readonly codes: readonly CodeEntry[];
  /** Retired codes, in declaration order: their numbers and names are reserved, kept only in the data and the docs. */
  readonly retired: readonly CodeEntry[];
  /** The registry's declared version, checked by `codebook diff` against the change's level. */
  readonly version: string | undefined;
  readonly sets: readonly CodeSet[];
  /** The registry's `docs.url` template, which each code without a `docs.url` of its own expands. */
  readonly docs?: DocUrlTemplate;
  /**
   * The texts that a locale lacks and that use the source text instead (`missingTranslations: source`): key
   * (`codes.DataLoss`, as in the catalogs) → those locales. Catalogs that can say "untranslated" say it.
   */
  readonly fallbacks: ReadonlyMap<string, readonly string[]>;
  /** The absolute path of the registry file (emitters print it relative to their output folder). */
  readonly sourcePath: string;
  /** Where each part was written, when known (see {@link Registry.locateOrigins}). */
  readonly origins?: RegistryOrigins;
  /**
   * Works out `origins` for a registry loaded from files (a model built in memory has none): on demand, since it
   * needs the YAML's positions, which a load computes only to locate a diagnostic. Memoized.
   */
  readonly locateOrigins?: () => RegistryOrigins;
}
