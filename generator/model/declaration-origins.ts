import type { MergedRegistry } from "../load/extends.js";
import type { LocaleFile } from "../load/locale-files.js";
import type { RawAlias, RawRegistry } from "../load/raw-registry.js";
import { type DataPath, locateValue } from "../load/yaml-document.js";
import type { RegistryOrigins, SourceOrigin } from "./registry.js";

/**
 * Where each declaration of the generated module comes from: the line of every code's, alias's, range's and set's
 * name in the registry (or in the registry it extends), of the `type`, and of each locale (its locale file, or its
 * entry under `locales`). What declaration maps and the doc comments point the editor to.
 */
export function locateDeclarations(merged: MergedRegistry, raw: RawRegistry, localeFiles: readonly LocaleFile[]): RegistryOrigins {
  const at = (where: DataPath): SourceOrigin => {
    const { parsed, path } = merged.origin(where);
    return { path: parsed.source.path, ...locateValue(parsed, path) };
  };
  const aliases = new Map<string, SourceOrigin>();
  const addAliases = (list: readonly RawAlias[] | undefined, where: DataPath): void => {
    for (const [index, alias] of (list ?? []).entries()) {
      aliases.set(
        typeof alias === "string" ? alias : alias.name,
        at(typeof alias === "string" ? [...where, index] : [...where, index, "name"]),
      );
    }
  };
  const named = (list: readonly { readonly name: string }[] | undefined, key: string) =>
    new Map((list ?? []).map((item, index) => [item.name, at([key, index, "name"])] as const));
  for (const [index, range] of (raw.ranges ?? []).entries()) addAliases(range.aliases, ["ranges", index, "aliases"]);
  for (const [index, code] of raw.codes.entries()) addAliases(code.aliases, ["codes", index, "aliases"]);
  const locales = new Map<string, SourceOrigin>();
  for (const [index, locale] of raw.locales.entries()) {
    const file = localeFiles.find((candidate) => candidate.locale === locale);
    locales.set(
      locale,
      file === undefined ? at(["locales", index]) : { path: file.parsed.source.path, ...locateValue(file.parsed, ["locale"]) },
    );
  }
  return {
    type: at(["type"]),
    codes: named(raw.codes, "codes"),
    ranges: named(raw.ranges, "ranges"),
    sets: named(raw.sets, "sets"),
    aliases,
    locales,
  };
}
