import { po } from "gettext-parser";
import i18next from "i18next";
import { IntlMessageFormat } from "intl-messageformat";
import type { GeneratedFile } from "../../generator/emit/types.js";
import type { Registry } from "../../generator/model/registry.js";
import { type DescribeModule, fileAt } from "./generated-module.js";

/** Reads a text by key and code, the way an app would, from one format's catalog of one locale. */
export type CatalogReader = (key: string, code: number) => string;

/** i18next: the resource loaded under the namespace `<id>`, read with the namespace-qualified key. */
export async function i18nextReader(registry: Registry, files: readonly GeneratedFile[], locale: string): Promise<CatalogReader> {
  const instance = i18next.createInstance();
  const resource = JSON.parse(fileAt(files, `i18next/${locale}/${registry.id}.json`)) as object;
  await instance.init({
    resources: { [locale]: { [registry.id]: resource } },
    lng: locale,
    fallbackLng: false,
    defaultNS: "app",
    initAsync: false,
  });
  return (key, code) => instance.t(`${registry.id}:${key}`, { code });
}

/** FormatJS: the message's `defaultMessage` formatted by intl-messageformat. */
export function formatjsReader(registry: Registry, files: readonly GeneratedFile[], locale: string): CatalogReader {
  const messages = JSON.parse(fileAt(files, `formatjs/${locale}/${registry.id}.json`)) as Record<string, { defaultMessage: string }>;
  return (key, code) => {
    const message = messages[`${registry.id}:${key}`];
    if (message === undefined) throw new Error(`no FormatJS message ${registry.id}:${key}`);
    try {
      return String(new IntlMessageFormat(message.defaultMessage, locale).format({ code }));
    } catch (error) {
      throw new Error(`FormatJS cannot format ${JSON.stringify(message.defaultMessage)}: ${String(error)}`);
    }
  };
}

/** gettext: the PO file parsed by gettext-parser, the `msgstr` found by `msgctxt`; an ICU text is then formatted. */
export function gettextReader(registry: Registry, files: readonly GeneratedFile[], locale: string): CatalogReader {
  const parsed = po.parse(fileAt(files, `gettext/${locale}/${registry.id}.po`));
  return (key, code) => {
    const messages = Object.values(parsed.translations[key] ?? {});
    if (messages.length !== 1) throw new Error(`expected one PO message with msgctxt ${key}, found ${messages.length}`);
    const text = messages[0]!.msgstr[0]!;
    return registry.messageFormat === "icu" ? String(new IntlMessageFormat(text, locale).format({ code })) : text;
  };
}

/** The catalog key `describe<Type>` uses for `code`: its name, else its innermost range, else `unknown`. */
export function keyForCode(module: DescribeModule, type: string, code: number): string {
  const name = (module[`get${type}Name`] as (code: number) => string | undefined)(code);
  if (name !== undefined) return `codes.${name}`;
  const range = (module[`get${type}Range`] as (code: number) => { name: string } | undefined)(code);
  return range === undefined ? "unknown" : `ranges.${range.name}`;
}

/** Every registered code, one unregistered code per declared range (its innermost range), and two unknown values. */
export function probeCodes(registry: Registry): number[] {
  const registered = new Set(registry.codes.map((entry) => entry.code));
  const codes = [...registered];
  for (const range of registry.ranges) {
    const inner = registry.ranges.filter((other) => other !== range && other.from >= range.from && other.to <= range.to);
    for (let code = range.from; code <= range.to; code += 1) {
      if (!registered.has(code) && !inner.some((other) => code >= other.from && code <= other.to)) {
        codes.push(code);
        break;
      }
    }
  }
  return [...codes, registry.bounds.to + 1, 1.5];
}
