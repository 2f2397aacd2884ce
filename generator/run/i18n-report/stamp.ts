import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, YAMLMap } from "yaml";
import { throwIfInvalid } from "../../diagnostics/index.js";
import { sourceFingerprint } from "../../model/text-slots.js";
import { linkedTarget } from "../../write/real-target.js";
import { writeBatch } from "../../write/staged-writes.js";
import { loadTranslations, type TranslationOptions } from "./report.js";

/**
 * Writes a stamped locale file as it was written before: its byte-order mark and CRLF line ends are kept, a
 * symbolic link is written through (it stays a link), and the file keeps its mode.
 */
async function writeStamped(file: string, text: string): Promise<void> {
  const { target, existing } = await linkedTarget(file);
  const before = await readFile(target, "utf8");
  const crlf = /\r\n/.test(before);
  const contents = `${before.startsWith("\uFEFF") ? "\uFEFF" : ""}${crlf ? text.replace(/\r?\n/g, "\r\n") : text}`;
  await writeBatch([{ writes: [{ target, existing, contents }], removals: [] }]);
}

/** The outcome of {@link stampTranslations}. */
export type StampResult =
  | { readonly ok: true; readonly file: string; readonly stamped: number; readonly unchanged: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Records the current source fingerprint beside every translation of `locale`'s file, turning `Name: text`
 * into `Name: { text, source }`: run it once the translations are reviewed against the current source.
 * Comments and the rest of the file are kept.
 * @throws {DiagnosticError} when the registry or a locale file is invalid.
 */
export async function stampTranslations(locale: string, options: TranslationOptions = {}): Promise<StampResult> {
  const loaded = await loadTranslations(options);
  throwIfInvalid(loaded);
  const { translations } = loaded;
  const { raw } = translations;
  if (!raw.locales.includes(locale))
    return { ok: false, reason: `"${locale}" is not a locale of ${translations.registry.source.file} (${raw.locales.join(", ")})` };
  if (locale === raw.locales[0]) return { ok: false, reason: `"${locale}" is the source locale: its texts translate nothing` };
  const file = translations.fileOf(locale);
  if (file === undefined) {
    return {
      ok: false,
      reason: `"${locale}" has no locale file; fingerprints are recorded only in locale files such as ${path.basename(translations.registry.source.path).replace(/\.ya?ml$/i, "")}.${locale}.yaml`,
    };
  }
  const { document } = file.parsed;
  let stamped = 0;
  for (const entry of file.entries) {
    const slot = translations.slots.find((candidate) => candidate.key === entry.key)!;
    const source = translations.find(slot, raw.locales[0]!);
    if (source === undefined) continue;
    const fingerprint = sourceFingerprint(source.text);
    if (entry.source === fingerprint) continue;
    const node = document.getIn(entry.path, true);
    if (isMap(node)) {
      node.set("source", fingerprint);
    } else {
      const map = new YAMLMap();
      map.set("text", node);
      map.set("source", fingerprint);
      document.setIn(entry.path, map);
    }
    stamped += 1;
  }
  if (stamped > 0) await writeStamped(file.parsed.source.path, document.toString({ lineWidth: 0 }));
  return { ok: true, file: file.parsed.source.file, stamped, unchanged: file.entries.length - stamped };
}
