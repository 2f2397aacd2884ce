/**
 * Every kind of problem codebook reports, by the stage that finds it. A diagnostic's `code` is one of these, so the
 * compiler refuses a misspelt or unlisted one; the code is stable and machine-readable, the message is for people.
 */
export type DiagnosticCode =
  // Reading a file.
  | "not-a-file"
  | "not-utf8"
  | "too-large"
  | "unreadable"
  // YAML and JSON syntax, and the YAML forms codebook refuses.
  | "control-character"
  | "duplicate-key"
  | "json-syntax"
  | "lone-surrogate"
  | "yaml-aliases"
  | "yaml-depth"
  | "yaml-key"
  | "yaml-syntax"
  | "yaml-tag"
  | "yaml-version"
  | "wrong-kind-of-file"
  // JSON Schema (every ajv keyword).
  | "schema"
  // `extends`.
  | "extends"
  | "extends-cycle"
  | "extends-fixed"
  | "extends-locales"
  // Locale files and translations.
  | "duplicate-locale-file"
  | "duplicate-translation"
  | "line-break-mismatch"
  | "locale-mismatch"
  | "missing-translation"
  | "unknown-text"
  | "unlisted-locale"
  // The registry's semantic checks.
  | "bounds"
  | "code-outside-ranges"
  | "duplicate-alias"
  | "duplicate-code"
  | "duplicate-locale"
  | "duplicate-name"
  | "duplicate-range"
  | "duplicate-set"
  | "empty-set"
  | "inverted-range"
  | "out-of-bounds"
  | "overlapping-ranges"
  | "range-alias"
  | "reserved-word"
  | "unknown-member"
  // Typed fields: their declarations, the values codes and ranges give, and the registries of code fields.
  | "duplicate-field"
  | "field-declaration"
  | "field-registry"
  | "field-type"
  | "missing-field"
  | "reserved-field"
  | "unknown-field"
  | "unknown-target-code"
  // Code lifecycle: status, retired numbers and names.
  | "lifecycle-note"
  | "lifecycle-status"
  | "retired-code-reused"
  | "retired-member"
  | "retired-name-reused"
  | "unknown-replacement"
  // Doc links: a `docs.url` that is not an absolute http(s) URL, or names an unknown placeholder.
  | "doc-url"
  | "doc-url-placeholder"
  // ICU MessageFormat texts.
  | "icu-syntax"
  | "icu-unsupported"
  | "placeholder-mismatch"
  | "unknown-placeholder"
  // The names the TypeScript target declares.
  | "name-clash"
  // Markdown templates and their texts.
  | "template-end"
  | "template-if"
  | "template-notice"
  | "template-placeholder"
  | "template-unclosed"
  | "templates-folder"
  | "texts-key"
  | "texts-locale"
  | "texts-shape"
  | "texts-value"
  // Markers in Markdown files to inject into.
  | "marker-locale"
  | "marker-mismatch"
  | "marker-nested"
  | "marker-none"
  | "marker-registry"
  | "marker-syntax"
  | "marker-table"
  | "marker-unbalanced"
  | "marker-unknown"
  // Config files.
  | "duplicate-entry"
  | "missing-registry"
  | "unknown-target"
  // A whole run: registries and output folders together.
  | "duplicate-id"
  | "duplicate-output"
  | "output-collision"
  | "output-overwrites-input"
  // codebook diff: the baseline it compares against.
  | "diff-baseline"
  | "not-registry-json";
