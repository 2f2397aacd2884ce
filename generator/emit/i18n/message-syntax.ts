import type { MessagePart, Registry } from "../../model/registry.js";

/**
 * A text as parts: a plain registry's text is one literal part (braces and all); an ICU registry's text is
 * the parse made at load time.
 */
export function messageParts(registry: Registry, text: string): readonly MessagePart[] {
  if (registry.messageFormat === "plain") return [text];
  const parts = registry.messages.get(text);
  if (parts === undefined) throw new Error(`codebook: the ICU text ${JSON.stringify(text)} was not parsed at load time`);
  return parts;
}

/**
 * A run of characters that ICU MessageFormat (as FormatJS parses it) would read as syntax (arguments, tags),
 * with the apostrophes that follow it, or a lone apostrophe.
 */
const ICU_SYNTAX = /[{}<][{}<']*|'/g;

/** A character that starts a match of {@link ICU_SYNTAX}. */
const ICU_SYNTAX_CHARACTER = /[{}<']/;

/**
 * Literal text as ICU MessageFormat, so that FormatJS formats it back verbatim: each syntax run is quoted
 * (`'{'`) with its apostrophes doubled inside, and any other apostrophe is doubled (`''`). A quoted run
 * starts with a syntax character and swallows the apostrophes after it, so a quote is never followed by one.
 */
export function icuLiteral(text: string): string {
  // Most texts hold none: a test is cheaper than a replace that finds nothing.
  if (!ICU_SYNTAX_CHARACTER.test(text)) return text;
  return text.replace(ICU_SYNTAX, (run) => (run === "'" ? "''" : `'${run.replace(/'/g, "''")}'`));
}

/** Parts as canonical ICU MessageFormat: quoted literals and `{name}` placeholders. */
export function icuMessage(parts: readonly MessagePart[]): string {
  // A plain registry's every text, and most ICU texts, are one literal part.
  if (parts.length === 1 && typeof parts[0] === "string") return icuLiteral(parts[0]);
  return parts.map((part) => (typeof part === "string" ? icuLiteral(part) : `{${part.argument}}`)).join("");
}

/** A text as the TypeScript module and gettext carry it: a plain text as is, an ICU text in canonical ICU. */
export function icuText(registry: Registry, text: string): string {
  return registry.messageFormat === "plain" ? text : icuMessage(messageParts(registry, text));
}

/** The i18next resource key holding a sequence i18next would otherwise read as syntax. */
export const I18NEXT_LITERAL_KEY = "_literal";

/**
 * The sequences i18next reads as syntax in a resource value, and the `_literal` keys that hold them; `brace`
 * is a `{` just before a `{{placeholder}}`, which would otherwise read as `{{{`.
 */
export const I18NEXT_LITERALS = { interpolation: "{{", nesting: "$t(", brace: "{" } as const;

function nestLiteral(namespace: string, name: keyof typeof I18NEXT_LITERALS): string {
  return `$t(${namespace}:${I18NEXT_LITERAL_KEY}.${name})`;
}

/**
 * Literal text as an i18next resource value. i18next has no escape syntax, so each `{{` (interpolation) and
 * `$t(` (nesting) becomes a nesting of the `_literal` entry that holds it: `$t(close-codes:_literal.nesting)`.
 * Nesting output is not scanned again, so the sequence comes back verbatim.
 */
export function i18nextLiteral(text: string, namespace: string): string {
  if (!text.includes("{{") && !text.includes("$t(")) return text;
  return text.replace(/\{\{|\$t\(/g, (sequence) => nestLiteral(namespace, sequence === "{{" ? "interpolation" : "nesting"));
}

/** Parts as an i18next resource value: escaped literals and `{{name}}` placeholders. */
export function i18nextMessage(parts: readonly MessagePart[], namespace: string): string {
  if (parts.length === 1 && typeof parts[0] === "string") return i18nextLiteral(parts[0], namespace);
  return parts
    .map((part, index) => {
      if (typeof part !== "string") return `{{${part.argument}}}`;
      const literal = i18nextLiteral(part, namespace);
      const beforePlaceholder = typeof parts[index + 1] === "object";
      return beforePlaceholder && literal.endsWith("{") ? `${literal.slice(0, -1)}${nestLiteral(namespace, "brace")}` : literal;
    })
    .join("");
}

/** Whether an i18next resource value nests a `_literal` entry (so the resource must carry them). */
export function usesI18nextLiterals(value: string, namespace: string): boolean {
  // Asked of every value of every locale: most hold no nesting at all.
  return value.includes("$t(") && value.includes(`$t(${namespace}:${I18NEXT_LITERAL_KEY}.`);
}
