import type { Registry } from "../../model/registry.js";
import type { GeneratedFile } from "../types.js";
import { catalogEntries, catalogPath } from "./catalog-entries.js";
import { jsonString } from "./json-text.js";
import { I18NEXT_LITERAL_KEY, I18NEXT_LITERALS, i18nextMessage, messageParts, usesI18nextLiterals } from "./message-syntax.js";

/** A resource being laid out: at each dotted key's place, the index of its value or a text that is the same in every file. */
type Layout = { [key: string]: number | string | Layout };

/** Sets `value` at a dotted key (split at its dots), creating nested objects in first-seen order. */
function setNested(layout: Layout, segments: readonly string[], value: number): void {
  let node = layout;
  const last = segments.length - 1;
  for (let index = 0; index < last; index += 1) {
    const segment = segments[index]!;
    const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (typeof child === "object") node = child;
    else node = node[segment] = {};
  }
  node[segments[last]!] = value;
}

/** A laid-out object's members in the order `JSON.stringify` lists them, each key already written with its indent. */
interface Shape {
  readonly members: readonly { readonly head: string; readonly value: number | string | Shape }[];
  readonly indent: string;
}

function shapeOf(layout: Layout, indent: string): Shape {
  const inner = `${indent}  `;
  return {
    indent,
    members: Object.keys(layout).map((key, at) => {
      const value = layout[key]!;
      return {
        head: `${at === 0 ? "" : ","}\n${inner}${jsonString(key)}: `,
        value: typeof value === "object" ? shapeOf(value, inner) : typeof value === "string" ? jsonString(value) : value,
      };
    }),
  };
}

function writeShape(shape: Shape, values: readonly string[]): string {
  if (shape.members.length === 0) return "{}";
  let text = "{";
  for (const { head, value } of shape.members) {
    text += `${head}${typeof value === "number" ? jsonString(values[value]!) : typeof value === "string" ? value : writeShape(value, values)}`;
  }
  return `${text}\n${shape.indent}}`;
}

/**
 * The writer of the resources whose entries have these dotted keys (with the `_literal` entries when `literals`):
 * what `JSON.stringify(resource, null, 2)` writes for the resource that nests each value under its key. The keys are
 * the same in every locale's file: nested, ordered and written once, so that each file writes only its values.
 */
export function i18nextResourceWriter(keys: readonly string[], literals: boolean): (values: readonly string[]) => string {
  const layout: Layout = {};
  for (const [index, key] of keys.entries()) setNested(layout, key.split("."), index);
  if (literals) layout[I18NEXT_LITERAL_KEY] = { ...I18NEXT_LITERALS };
  const shape = shapeOf(layout, "");
  return (values) => writeShape(shape, values);
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
  const write = i18nextResourceWriter(
    entries.map((entry) => entry.key),
    literals,
  );
  return registry.locales.map((locale, index) => ({
    path: catalogPath("i18next", locale, registry, "json"),
    contents: `${write(values[index]!)}\n`,
  }));
}
