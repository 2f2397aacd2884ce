import type { Diagnostic, SourcePosition } from "../diagnostics.js";
import type { TextSupplement } from "../model/build-model.js";
import type { RawRegistry } from "../model/raw-registry.js";
import { inlineText, registryTextSlots, type TextSlot } from "../model/text-slots.js";
import type { LocaleEntry, LocaleFile } from "./locale-files.js";
import { closestMatch } from "../validate/suggest.js";
import { locate, type DataPath, type ParsedYaml } from "./yaml-document.js";

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
  private readonly byPath = new Map<string, TextSlot>();
  private readonly fromFiles = new Map<string, Map<string, { file: LocaleFile; entry: LocaleEntry }>>();

  constructor(
    readonly registry: ParsedYaml,
    readonly raw: RawRegistry,
    readonly files: readonly LocaleFile[],
  ) {
    this.slots = registryTextSlots(raw);
    for (const slot of this.slots) {
      this.byKey.set(slot.key, slot);
      this.byPath.set(JSON.stringify(slot.registryPath), slot);
    }
    for (const file of files) {
      const entries = new Map<string, { file: LocaleFile; entry: LocaleEntry }>();
      for (const entry of file.entries) entries.set(entry.key, { file, entry });
      this.fromFiles.set(file.locale, entries);
    }
  }

  /** Texts from locale files, keyed by the registry path of the text they translate. */
  readonly supplement: TextSupplement = (registryPath: DataPath, locale: string) => {
    const slot = this.byPath.get(JSON.stringify(registryPath));
    return slot === undefined ? undefined : this.fromFiles.get(locale)?.get(slot.key)?.entry.text;
  };

  /** The locale file of `locale`, if it has one. */
  fileOf(locale: string): LocaleFile | undefined {
    return this.files.find((file) => file.locale === locale);
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

  /** Entries of locale files that translate nothing in the registry, or a text the registry gives inline too. */
  check(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const file of this.files) {
      for (const entry of file.entries) {
        const report = (code: string, message: string): void => {
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
    return diagnostics;
  }

  private describeUnknown(entryPath: DataPath): string {
    const [group, name, field] = entryPath.map(String) as [string, string | undefined, string | undefined];
    if (name === undefined) return `the registry has no ${group} to translate; remove it here or add it to the registry first`;
    const kind = group === "codes" ? "code" : group === "ranges" ? "range" : "set";
    const names = group === "codes" ? this.raw.codes : group === "ranges" ? (this.raw.ranges ?? []) : (this.raw.sets ?? []);
    if (field !== undefined && names.some((item) => item.name === name)) {
      return `set ${name} has no ${field} in the registry; remove it here or add it to the registry first`;
    }
    const suggestion = closestMatch(name, names.map((item) => item.name));
    return `"${name}" is not a ${kind} of this registry${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}`;
  }
}
