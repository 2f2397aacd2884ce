import path from "node:path";
import type { Diagnostic, DiagnosticCode, SourcePosition } from "../diagnostics/index.js";
import type { LocaleEntry, LocaleFile } from "../load/locale-files.js";
import type { RawRegistry } from "../load/raw-registry.js";
import { type DataPath, locate, type ParsedYaml } from "../load/yaml-document.js";
import { closestMatch } from "../validate/suggest.js";
import type { TextSupplement } from "./build-model.js";
import { inlineText, registryTextSlots, type TextSlot } from "./text-slots.js";

/** Where one locale's text for a slot comes from. */
export interface TextOrigin extends SourcePosition {
  readonly text: string;
  /** `inline`: the registry itself; `file`: a locale file. */
  readonly kind: "inline" | "file";
  /** The file that holds it, as diagnostics print it. */
  readonly file: string;
  /** For a text from a locale file: the entry, with its recorded source fingerprint. */
  readonly entry: LocaleEntry | undefined;
}

/**
 * Every text of a registry with where it comes from: the registry's inline maps and its locale files.
 * Checks the locale files against the registry, and supplies their texts to `buildModel`.
 */
export class Translations {
  readonly slots: readonly TextSlot[];
  private readonly byKey = new Map<string, TextSlot>();
  /** The slots by registry path written as JSON, made on the first text asked of a locale file. */
  private byPath: Map<string, TextSlot> | undefined;
  private readonly fromFiles = new Map<string, Map<string, { file: LocaleFile; entry: LocaleEntry }>>();

  constructor(
    readonly registry: ParsedYaml,
    readonly raw: RawRegistry,
    readonly files: readonly LocaleFile[],
  ) {
    this.slots = registryTextSlots(raw);
    for (const slot of this.slots) this.byKey.set(slot.key, slot);
    for (const file of files) {
      const entries = new Map<string, { file: LocaleFile; entry: LocaleEntry }>();
      for (const entry of file.entries) entries.set(entry.key, { file, entry });
      this.fromFiles.set(file.locale, entries);
    }
  }

  /** Texts from locale files, keyed by the registry path of the text they translate. */
  readonly supplement: TextSupplement = (registryPath: DataPath, locale: string) => {
    // Most registries have no locale file for most locales: then there is no path to look up.
    const entries = this.fromFiles.get(locale);
    if (entries === undefined) return undefined;
    this.byPath ??= new Map(this.slots.map((slot) => [JSON.stringify(slot.registryPath), slot]));
    const slot = this.byPath.get(JSON.stringify(registryPath));
    return slot === undefined ? undefined : entries.get(slot.key)?.entry.text;
  };

  /** The locale file of `locale`, if it has one. */
  fileOf(locale: string): LocaleFile | undefined {
    return this.files.find((file) => file.locale === locale);
  }

  /** The text of `slot` in `locale`, without its position (which takes a parse to find); `undefined` when it is missing. */
  textOf(slot: TextSlot, locale: string): string | undefined {
    return inlineText(this.raw, slot.value, locale) ?? this.fromFiles.get(locale)?.get(slot.key)?.entry.text;
  }

  /** The text of `slot` in `locale` and where it is written; `undefined` when it is missing. */
  find(slot: TextSlot, locale: string): TextOrigin | undefined {
    const inline = inlineText(this.raw, slot.value, locale);
    if (inline !== undefined) {
      const where = typeof slot.value === "string" ? slot.registryPath : [...slot.registryPath, locale];
      return { text: inline, kind: "inline", file: this.registry.source.file, ...locate(this.registry, where), entry: undefined };
    }
    const found = this.fromFiles.get(locale)?.get(slot.key);
    if (found === undefined) return undefined;
    const { file, entry } = found;
    return { text: entry.text, kind: "file", file: file.parsed.source.file, ...locate(file.parsed, entry.path), entry };
  }

  /** Where the locale file of `locale` is, or would be: `<registry>.<locale>.yaml` beside the registry, as diagnostics print it. */
  localeFileName(locale: string): string {
    const existing = this.fileOf(locale);
    if (existing !== undefined) return existing.parsed.source.file;
    const file = this.registry.source.file;
    return path.join(path.dirname(file), `${path.basename(file).replace(/\.ya?ml$/i, "")}.${locale}.yaml`);
  }

  /**
   * Reports the texts of `locale` that are missing, where they belong: in the locale file when there is one
   * (at the group the keys go into), else at the registry's text, saying that the file does not exist yet.
   * Several texts missing from a locale that has no file are one error: the file is what is missing.
   */
  reportMissing(locale: string, registryPaths: readonly DataPath[]): Diagnostic[] {
    const wanted = new Set(registryPaths.map((where) => JSON.stringify(where)));
    const slots = this.slots.filter((slot) => wanted.has(JSON.stringify(slot.registryPath)));
    const fallback = `or set \`missingTranslations: source\` to fall back to ${this.raw.locales[0]}`;
    const file = this.fileOf(locale);
    if (file !== undefined) {
      return slots.map((slot) => {
        const [group] = slot.localePath;
        const inGroup = slot.localePath.length > 1 && file.parsed.document.has(group);
        const at = locate(file.parsed, inGroup ? [group!] : ["locale"], "key");
        const name = `"${slot.localePath.at(-1)}: …"`;
        const entry =
          slot.localePath.length === 1
            ? `${name} here`
            : inGroup
              ? `${name} under ${String(group)} here`
              : `${name} under a new ${String(group)} map`;
        return this.diagnostic(
          file.parsed,
          at,
          `no "${locale}" text for ${slot.key} (the source text is at ${this.sourcePosition(slot)}); add ${entry}, ${fallback}`,
        );
      });
    }
    const [first] = slots;
    if (first === undefined) return [];
    const name = this.localeFileName(locale);
    if (slots.length === 1) {
      const message = `no "${locale}" text for ${first.key}: ${name} does not exist yet; create it with \`locale: ${locale}\` and this text, give it inline, ${fallback}`;
      return [this.diagnostic(this.registry, this.textPosition(first), message)];
    }
    const listed = this.raw.locales.indexOf(locale);
    const own = (this.registry.data as { locales?: unknown }).locales !== undefined && listed !== -1;
    const at = own ? locate(this.registry, ["locales", listed]) : this.textPosition(first);
    const keys =
      slots
        .slice(0, 3)
        .map((slot) => slot.key)
        .join(", ") + (slots.length > 3 ? `, … (${slots.length} in all)` : "");
    const message = `no "${locale}" texts for ${keys}: ${name} does not exist yet; create it with \`locale: ${locale}\` and these texts, give them inline, ${fallback}`;
    return [this.diagnostic(this.registry, at, message)];
  }

  private diagnostic(file: ParsedYaml, at: SourcePosition, message: string): Diagnostic {
    return { file: file.source.file, ...at, code: "missing-translation", message };
  }

  private textPosition(slot: TextSlot): SourcePosition {
    return locate(this.registry, slot.registryPath);
  }

  /** `registry.yaml:12:18`: the source-locale text of a slot. */
  private sourcePosition(slot: TextSlot): string {
    const where = typeof slot.value === "string" ? slot.registryPath : [...slot.registryPath, this.raw.locales[0]!];
    const { line, column } = locate(this.registry, where);
    return `${this.registry.source.file}:${line}:${column}`;
  }

  /** Entries of locale files that translate nothing in the registry, or a text the registry gives inline too. */
  check(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const file of this.files) {
      for (const entry of file.entries) {
        const report = (code: DiagnosticCode, message: string): void => {
          diagnostics.push({ file: file.parsed.source.file, ...locate(file.parsed, entry.path, "key"), code, message });
        };
        const slot = this.byKey.get(entry.key);
        if (slot === undefined) {
          report("unknown-text", this.describeUnknown(entry.path));
          continue;
        }
        if (inlineText(this.raw, slot.value, file.locale) !== undefined) {
          const inline = this.find(slot, file.locale)!;
          report(
            "duplicate-translation",
            `the "${file.locale}" text of ${slot.key} is also given inline at ${inline.file}:${inline.line}:${inline.column}; keep one of them`,
          );
        }
      }
    }
    return [...diagnostics, ...this.checkLineBreaks()];
  }

  /**
   * Translations that start or end with a line break where their source text does not, or the other way round.
   * gettext requires a msgid and its msgstr to agree on both (GNU msgfmt refuses the catalog otherwise), and a
   * stray line break is a slip in any format: reported at the translation.
   */
  private checkLineBreaks(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const [sourceLocale, ...others] = this.raw.locales;
    if (sourceLocale === undefined) return diagnostics;
    // One bit for a line break at the start, one for one at the end: the check runs for every text in every locale.
    const edges = (text: string): number => (text.startsWith("\n") ? 1 : 0) | (text.endsWith("\n") ? 2 : 0);
    for (const slot of this.slots) {
      const sourceText = this.textOf(slot, sourceLocale);
      if (sourceText === undefined) continue;
      const sourceEdges = edges(sourceText);
      for (const locale of others) {
        const text = this.textOf(slot, locale);
        if (text === undefined) continue;
        const differ = edges(text) ^ sourceEdges;
        if (differ === 0) continue;
        const where = [differ & 1 ? "start" : "", differ & 2 ? "end" : ""].filter(Boolean);
        const source = this.find(slot, sourceLocale)!;
        const origin = this.find(slot, locale)!;
        const both = where.join(" and ");
        const message = `the "${locale}" text of ${slot.key} must ${both} with a line break exactly when the "${sourceLocale}" source text does (at ${source.file}:${source.line}:${source.column}); gettext refuses a translation that differs there`;
        diagnostics.push({ file: origin.file, line: origin.line, column: origin.column, code: "line-break-mismatch", message });
      }
    }
    return diagnostics;
  }

  private describeUnknown(entryPath: DataPath): string {
    const [group, name, field] = entryPath.map(String) as [string, string | undefined, string | undefined];
    if (name === undefined) return `the registry has no ${group} to translate; remove it here or add it to the registry first`;
    if (group === "fields") return this.describeUnknownFieldText(entryPath.map(String));
    const kind = group === "codes" ? "code" : group === "ranges" ? "range" : "set";
    const names = group === "codes" ? this.raw.codes : group === "ranges" ? (this.raw.ranges ?? []) : (this.raw.sets ?? []);
    if (field !== undefined && names.some((item) => item.name === name)) {
      return `set ${name} has no ${field} in the registry; remove it here or add it to the registry first`;
    }
    const suggestion = closestMatch(
      name,
      names.map((item) => item.name),
    );
    return `"${name}" is not a ${kind} of this registry${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}`;
  }

  /** An entry under `fields:` that translates nothing: an unknown field, or a text the field does not have. */
  private describeUnknownFieldText([, name, part, member]: readonly string[]): string {
    const fields = this.raw.fields ?? [];
    const field = fields.find((each) => each.name === name);
    if (field === undefined) {
      const suggestion = closestMatch(
        name!,
        fields.map((each) => each.name),
      );
      return `"${name}" is not a field of this registry${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}`;
    }
    if (part === "label") return `field ${name} has no label in the registry; remove it here or add it to the registry first`;
    if (field.type !== "text") return `field ${name} is of type ${field.type}, not text: its values are not translated; remove this here`;
    if (member === undefined) return `field ${name} has no default in the registry; remove it here or add it to the registry first`;
    const kind = part === "codes" ? "code" : "range";
    return `${kind} ${member} gives no value of field ${name} in the registry; remove it here or add it to the registry first`;
  }
}
