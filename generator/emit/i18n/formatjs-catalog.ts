import type { Registry } from "../../model/registry.js";
import type { GeneratedFile } from "../types.js";
import { catalogEntries, catalogPath } from "./catalog-entries.js";
import { jsonString } from "./json-text.js";
import { icuMessage, messageParts } from "./message-syntax.js";

/**
 * The writer of a catalog's JSON for messages with these ids and descriptions: what
 * `JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, { defaultMessage, description }])), null, 2)` writes,
 * each member's id and description written once for every locale's file. A repeated id keeps its first place and
 * its last message, as `Object.fromEntries` does. No id may be an array index (`"7"`), which an object would list
 * first: every id holds a `:`.
 */
export function formatjsCatalogWriter(ids: readonly string[], descriptions: readonly string[]): (messages: readonly string[]) => string {
  const last = new Map<string, number>();
  for (const [index, id] of ids.entries()) last.set(id, index);
  const kept = [...last.values()];
  const heads = kept.map((index, at) => `${at === 0 ? "" : ","}\n  ${jsonString(ids[index]!)}: {\n    "defaultMessage": `);
  const tails = kept.map((index) => `,\n    "description": ${jsonString(descriptions[index]!)}\n  }`);
  return (messages) => {
    if (kept.length === 0) return "{}";
    const members = kept.map((index, at) => `${heads[at]}${jsonString(messages[index]!)}${tails[at]}`);
    return `{${members.join("")}\n}`;
  };
}

/**
 * `formatjs/<locale>/<id>.json`: one FormatJS catalog per locale, in the extracted-messages shape
 * `{ "<id>:<key>": { defaultMessage, description } }`. Message ids are the i18next-qualified keys
 * (`close-codes:codes.NormalClosure`), unique across registries. Texts are ICU MessageFormat: a plain
 * registry's text is quoted so that it formats back verbatim.
 */
export function emitFormatjsCatalogs(registry: Registry): GeneratedFile[] {
  const entries = catalogEntries(registry);
  const write = formatjsCatalogWriter(
    entries.map((entry) => `${registry.id}:${entry.key}`),
    entries.map((entry) => entry.note),
  );
  return registry.locales.map((locale) => {
    const messages = entries.map((entry) => icuMessage(messageParts(registry, entry.texts[locale]!)));
    return { path: catalogPath("formatjs", locale, registry, "json"), contents: `${write(messages)}\n` };
  });
}
