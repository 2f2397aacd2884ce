import type { Registry } from "../../model/registry.js";
import type { GeneratedFile } from "../types.js";
import { catalogEntries, catalogPath } from "./catalog-entries.js";
import { icuMessage, messageParts } from "./message-syntax.js";

/**
 * `formatjs/<locale>/<id>.json`: one FormatJS catalog per locale, in the extracted-messages shape
 * `{ "<id>:<key>": { defaultMessage, description } }`. Message ids are the i18next-qualified keys
 * (`close-codes:codes.NormalClosure`), unique across registries. Texts are ICU MessageFormat: a plain
 * registry's text is quoted so that it formats back verbatim.
 */
export function emitFormatjsCatalogs(registry: Registry): GeneratedFile[] {
  const entries = catalogEntries(registry);
  return registry.locales.map((locale) => {
    const messages = Object.fromEntries(
      entries.map((entry) => [
        `${registry.id}:${entry.key}`,
        { defaultMessage: icuMessage(messageParts(registry, entry.texts[locale]!)), description: entry.note },
      ]),
    );
    return { path: catalogPath("formatjs", locale, registry, "json"), contents: `${JSON.stringify(messages, null, 2)}\n` };
  });
}
