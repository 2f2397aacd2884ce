import type { Registry } from "../../model/registry.js";
import type { GeneratedFile } from "../types.js";
import { catalogEntries, catalogPath } from "./catalog-entries.js";
import { I18NEXT_LITERAL_KEY, I18NEXT_LITERALS, i18nextMessage, messageParts, usesI18nextLiterals } from "./message-syntax.js";

type Resource = { [key: string]: string | Resource };

/** Sets `value` at a dotted key, creating nested objects in first-seen order. */
function setNested(resource: Resource, key: string, value: string): void {
  const segments = key.split(".");
  let node = resource;
  for (const segment of segments.slice(0, -1)) {
    const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (typeof child === "object") node = child;
    else node = node[segment] = {};
  }
  node[segments.at(-1)!] = value;
}

/**
 * `i18next/<locale>/<id>.json`: one i18next resource per locale, for the namespace `<id>` (the layout of
 * `loadPath: "i18next/{{lng}}/{{ns}}.json"`). Keys nest by `.`: `t("codes.NormalClosure", { ns: "close-codes" })`.
 * An ICU registry's `{code}` becomes i18next's `{{code}}`. Sequences i18next would read as syntax (`{{`,
 * `$t(`) come back verbatim through the `_literal` entries, which every locale then carries.
 */
export function emitI18nextCatalogs(registry: Registry): GeneratedFile[] {
  const namespace = registry.id;
  const entries = catalogEntries(registry);
  const values = registry.locales.map((locale) =>
    entries.map((entry) => [entry.key, i18nextMessage(messageParts(registry, entry.texts[locale]!), namespace)] as const),
  );
  const literals = values.some((locale) => locale.some(([, value]) => usesI18nextLiterals(value, namespace)));
  return registry.locales.map((locale, index) => {
    const resource: Resource = {};
    for (const [key, value] of values[index]!) setNested(resource, key, value);
    if (literals) resource[I18NEXT_LITERAL_KEY] = { ...I18NEXT_LITERALS };
    return { path: catalogPath("i18next", locale, registry, "json"), contents: `${JSON.stringify(resource, null, 2)}\n` };
  });
}
