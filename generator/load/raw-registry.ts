/** The registry as the JSON Schema guarantees it: what `build-model` starts from. */
export type RawText = string | Readonly<Record<string, string>>;
export type RawAlias = string | { readonly name: string; readonly note?: string; readonly deprecated?: boolean };
export type RawMember = number | string | { readonly from: number; readonly to: number };

/** The types a field may have. */
export type FieldType = "boolean" | "integer" | "number" | "string" | "one-of" | "text" | "code";

/** A field declaration as written: its default and its values are checked against its type by the model. */
export interface RawField {
  readonly name: string;
  readonly type: FieldType;
  readonly values?: readonly string[];
  readonly registry?: string;
  readonly default?: unknown;
  readonly description?: string;
  readonly label?: RawText;
}

/** Field values as written on a code or range, by field name. */
export type RawFieldValues = Readonly<Record<string, unknown>>;

/** Where codes are documented: a URL template (registry) or a URL (code). */
export interface RawDocs {
  readonly url: string;
}

export interface RawCode {
  readonly code: number;
  readonly name: string;
  readonly description: RawText;
  readonly reference?: string;
  readonly url?: string;
  readonly docs?: RawDocs;
  readonly aliases?: readonly RawAlias[];
  readonly status?: "active" | "deprecated" | "retired";
  readonly note?: string;
  readonly replacement?: string;
  readonly since?: string;
  readonly deprecatedSince?: string;
  readonly retiredSince?: string;
  readonly fields?: RawFieldValues;
}

export interface RawRange {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly description: RawText;
  readonly reference?: string;
  readonly url?: string;
  readonly aliases?: readonly RawAlias[];
  readonly fields?: RawFieldValues;
}

export interface RawSet {
  readonly name: string;
  readonly guard?: string;
  readonly description?: RawText;
  readonly label?: RawText;
  readonly include: readonly RawMember[];
  readonly exclude?: readonly RawMember[];
}

export interface RawRegistry {
  readonly id: string;
  readonly version?: string;
  readonly type: string;
  readonly title?: RawText;
  readonly description?: RawText;
  readonly unknown?: RawText;
  readonly locales: readonly string[];
  readonly messageFormat?: "plain" | "icu";
  readonly nameStyle?: "PascalCase" | "UPPER_SNAKE";
  readonly missingTranslations?: "error" | "source";
  readonly bounds?: { readonly min?: number; readonly max?: number };
  readonly fields?: readonly RawField[];
  readonly ranges?: readonly RawRange[];
  readonly codes: readonly RawCode[];
  readonly sets?: readonly RawSet[];
  readonly docs?: RawDocs;
}
