import type { Registry } from "../../model/registry.js";
import { generatedNotice } from "../header.js";
import type { EmitContext, GeneratedFile } from "../types.js";
import { type CatalogEntry, catalogEntries, catalogPath } from "./catalog-entries.js";
import { icuText } from "./message-syntax.js";
import { pluralForms } from "./plural-forms.js";

/**
 * The escapes every PO reader decodes. GNU gettext also knows `\a \b \f \v`, but other readers (gettext-parser,
 * and tools built on it) do not, and both read those characters written as they are.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

/** The characters a PO string escapes or splits at (see {@link ESCAPES}). */
const PO_SPECIAL = /[\\"\t\n\r]/;

/** A PO string: escapes inside quotes; a text with line breaks is split after each `\n`, as msgcat writes it. */
export function poString(keyword: string, text: string): string {
  // Most texts need neither: one scan instead of a split and a replace.
  if (!PO_SPECIAL.test(text)) return `${keyword} "${text}"`;
  const quoted = (part: string): string => `"${part.replace(/[\\"\t\n\r]/g, (char) => ESCAPES[char]!)}"`;
  const lines = text.split(/(?<=\n)/);
  if (lines.length === 1) return `${keyword} ${quoted(text)}`;
  return [`${keyword} ""`, ...lines.map(quoted)].join("\n");
}

/** The line breaks a comment is split at (see {@link poComment}). */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;

/** Comment lines (`#` or `#.`): one per line of the text, so a line break cannot end the comment. */
export function poComment(marker: string, text: string): string {
  if (!LINE_BREAK.test(text)) return text === "" ? marker : `${marker} ${text}`;
  return text
    .split(LINE_BREAK)
    .map((line) => (line === "" ? marker : `${marker} ${line}`))
    .join("\n");
}

/** The gettext locale name: `pt-BR` → `pt_BR`. */
export function gettextLanguage(locale: string): string {
  return locale.replace(/-/g, "_");
}

function header(registry: Registry, context: EmitContext, locale: string | undefined): string {
  // Every field `msgfmt --check` asks for; the dates and people are left empty, not invented (no timestamps).
  const fields: [string, string][] = [
    ["Project-Id-Version", registry.id],
    ["PO-Revision-Date", ""],
    ["Last-Translator", ""],
    ["Language-Team", ""],
    ["Language", locale === undefined ? "" : gettextLanguage(locale)],
    ["MIME-Version", "1.0"],
    ["Content-Type", "text/plain; charset=UTF-8"],
    ["Content-Transfer-Encoding", "8bit"],
  ];
  const plural = locale === undefined ? undefined : pluralForms(locale);
  if (plural !== undefined) fields.push(["Plural-Forms", plural]);
  fields.push(["X-Generator", "codebook"]);
  const title = registry.title[registry.sourceLocale]!;
  const comments = [
    poComment("#", generatedNotice(registry, context)),
    poComment("#", `${title}${locale === undefined ? ": the template" : ""} (${locale ?? registry.sourceLocale} texts; keys in msgctxt).`),
  ];
  if (registry.messageFormat === "icu") comments.push("# The texts are ICU MessageFormat: fill {code} with the code.");
  return [...comments, 'msgid ""', poString("msgstr", fields.map(([name, value]) => `${name}: ${value}\n`).join(""))].join("\n");
}

/** A text the locale lacks (it uses the source text) is untranslated here: gettext itself falls back to `msgid`. */
function translation(registry: Registry, entry: CatalogEntry, locale: string | undefined): string {
  if (locale === undefined || registry.fallbacks.get(entry.key)?.includes(locale) === true) return "";
  return icuText(registry, entry.texts[locale]!);
}

/** What a message is in every file: the note, the key and the source text, up to its `msgstr`. */
function messageHead(registry: Registry, entry: CatalogEntry): string {
  const source = icuText(registry, entry.texts[registry.sourceLocale]!);
  return `${poComment("#.", entry.note)}\n${poString("msgctxt", entry.key)}\n${poString("msgid", source)}\n`;
}

/**
 * One file: its header, then each message's head (the same in every file) with the locale's `msgstr`, each after a
 * blank line, and a final line break. One `join` of the pieces, the line breaks among them, makes the file: a line
 * break added to the joined text would be a second string that hashing and writing copy whole again.
 */
function poFile(
  registry: Registry,
  context: EmitContext,
  locale: string | undefined,
  entries: readonly CatalogEntry[],
  heads: readonly string[],
): string {
  const pieces: string[] = new Array(entries.length * 3 + 2);
  pieces[0] = header(registry, context, locale);
  for (let index = 0; index < entries.length; index += 1) {
    pieces[index * 3 + 1] = "\n\n";
    pieces[index * 3 + 2] = heads[index]!;
    pieces[index * 3 + 3] = poString("msgstr", translation(registry, entries[index]!, locale));
  }
  pieces[entries.length * 3 + 1] = "\n";
  return pieces.join("");
}

/**
 * `gettext/<locale>/<id>.po` for every locale and the template `gettext/<id>.pot`. Every message has its
 * key as `msgctxt` (`codes.NormalClosure`), the source text as `msgid` and the locale's text as `msgstr`
 * (the source locale's file translates each text to itself). A text that falls back to the source text
 * (`missingTranslations: source`) has an empty `msgstr`, so that translation tools count it as untranslated.
 */
export function emitGettextCatalogs(registry: Registry, context: EmitContext): GeneratedFile[] {
  const entries = catalogEntries(registry);
  const heads = entries.map((entry) => messageHead(registry, entry));
  return [
    ...registry.locales.map((locale) => ({
      path: catalogPath("gettext", locale, registry, "po"),
      contents: poFile(registry, context, locale, entries, heads),
    })),
    { path: `gettext/${registry.id}.pot`, contents: poFile(registry, context, undefined, entries, heads) },
  ];
}
