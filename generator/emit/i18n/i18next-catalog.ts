import type { Registry } from "../../model/registry.js";
import type { GeneratedFile } from "../types.js";
import { catalogEntries, catalogPath } from "./catalog-entries.js";
import { I18NEXT_LITERAL_KEY, I18NEXT_LITERALS, i18nextMessage, messageParts, usesI18nextLiterals } from "./message-syntax.js";

type Resource = { [key: string]: string | Resource };

/** Sets `value` at a dotted key (split at its dots), creating nested objects in first-seen order. */
function setNested(resource: Resource, segments: readonly string[], value: string): void {
  let node = resource;
  const last = segments.length - 1;
  for (let index = 0; index < last; index += 1) {
    const segment = segments[index]!;
    const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (typeof child === "object") node = child;
    else node = node[segment] = {};
  }
  node[segments[last]!] = value;
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
    entries.map((entry) => i18nextMessage(messageParts(registry, entry.texts[locale]!), namespace)),
  );
  const literals = values.some((locale) => locale.some((value) => usesI18nextLiterals(value, namespace)));
  // The keys are the same in every locale: split once.
  const paths = entries.map((entry) => entry.key.split("."));
  return registry.locales.map((locale, index) => {
    const resource: Resource = {};
    for (const [at, value] of values[index]!.entries()) setNested(resource, paths[at]!, value);
    if (literals) resource[I18NEXT_LITERAL_KEY] = { ...I18NEXT_LITERALS };
    return { path: catalogPath("i18next", locale, registry, "json"), contents: `${JSON.stringify(resource, null, 2)}\n` };
  });
}
