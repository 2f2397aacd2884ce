import { lstatSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/types.js";
import { readInputBytes } from "../load/checked-read.js";

/**
 * The manifest's file name inside each output folder. It lists what codebook generated there, registry by
 * registry, so that a file a registry no longer produces can be removed, and never a file codebook did not write.
 */
export const MANIFEST_FILE = ".codebook-manifest.json";

/**
 * Bumped when the manifest's shape changes. Format 1 (one list of files for the whole folder) is still read:
 * see {@link readManifest}.
 */
export const MANIFEST_FORMAT = 2;

/** What one registry generated into the folder. Paths are relative to the output folder, with `/`. */
export interface ManifestSection {
  /** The config file that names the registry, when the run came from one. */
  readonly config?: string;
  /** The options the registry was generated with, as resolved. */
  readonly options: unknown;
  /**
   * Every input the registry's files were generated from (the registry, its bases, locale files, templates, the
   * config) → its hash, or `missing` for a place codebook looked and found nothing; a folder (`templates/`) →
   * the hash of its listing.
   */
  readonly inputs: Readonly<Record<string, string>>;
  /** Every file generated from the registry → the hash of the contents codebook wrote. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * The Markdown files a run injected tables into, recorded in the manifest of the run's first output folder: an
 * unchanged file whose registries' inputs are unchanged holds current tables, without rendering them again.
 */
export interface InjectedSection {
  /** Every registry of the run that wrote the files (the regions may name any of them), relative to the folder. */
  readonly registries: readonly string[];
  /** Each injected file, relative to the folder → the hash of its contents after injection, as codebook wrote them. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * `<outDir>/.codebook-manifest.json`. Every path is relative to the output folder, with `/`, so the manifest is
 * the same on every machine and can be committed with the generated files.
 */
export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** `codebook <version>`: the generator that wrote the folder. */
  readonly generator: string;
  /** Each registry generated into the folder (its path relative to the folder) → what it generated. */
  readonly registries: Readonly<Record<string, ManifestSection>>;
  /** The files the run injected tables into, in the run's first output folder only. */
  readonly injected?: InjectedSection;
}

/**
 * A format 1 manifest's files, which it does not attribute to a registry: a run claims them only when it
 * generates every registry that manifest names (then it knows what they stopped producing).
 */
export interface LegacyFiles {
  readonly registries: readonly string[];
  readonly files: Readonly<Record<string, string>>;
}

/** A manifest as read: the format 2 sections, and the unattributed files of a format 1 manifest. */
export interface ReadManifest extends Manifest {
  readonly legacy?: LegacyFiles;
}

const NOTICE =
  "Written by codebook: the files each registry generated in this folder, with their hashes, and the inputs they came from. " +
  "codebook removes a file listed here once its registry no longer produces it (unless it was edited). Do not edit.";

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest as the file codebook writes: stable key order, two-space indentation, LF, trailing newline. */
export function renderManifest(manifest: Manifest): GeneratedFile {
  const registries = Object.fromEntries(
    Object.entries(sortedRecord(manifest.registries)).map(([registry, section]) => [
      registry,
      {
        ...(section.config === undefined ? {} : { config: section.config }),
        options: section.options,
        inputs: sortedRecord(section.inputs),
        files: sortedRecord(section.files),
      },
    ]),
  );
  const injected =
    manifest.injected === undefined
      ? {}
      : { injected: { registries: [...manifest.injected.registries].sort(), files: sortedRecord(manifest.injected.files) } };
  const data = { $comment: NOTICE, format: manifest.format, generator: manifest.generator, registries, ...injected };
  return { path: MANIFEST_FILE, contents: `${JSON.stringify(data, null, 2)}\n` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isHashRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === "string");
}

function isInjectedSection(value: unknown): value is InjectedSection {
  return (
    isRecord(value) &&
    Array.isArray(value.registries) &&
    value.registries.every((item) => typeof item === "string") &&
    isHashRecord(value.files)
  );
}

function isSection(value: unknown): value is ManifestSection {
  return (
    isRecord(value) &&
    isHashRecord(value.inputs) &&
    isHashRecord(value.files) &&
    (value.config === undefined || typeof value.config === "string")
  );
}

/** A format 1 manifest as a format 2 one with no sections and its files left unattributed. */
function fromFormat1(data: Record<string, unknown>): ReadManifest | undefined {
  if (typeof data.generator !== "string" || !Array.isArray(data.options) || !isHashRecord(data.files)) return undefined;
  const registries = data.options.flatMap((options: unknown) =>
    isRecord(options) && Array.isArray(options.registries)
      ? options.registries.filter((item): item is string => typeof item === "string")
      : [],
  );
  return { format: MANIFEST_FORMAT, generator: data.generator, registries: {}, legacy: { registries, files: data.files } };
}

/** Reads the manifest's text; a manifest that is not a regular file (a link, a FIFO) is no manifest. */
function readManifestText(file: string): string | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const read = readInputBytes(file);
  return read.ok ? read.bytes.toString("utf8") : undefined;
}

/**
 * Reads the manifest of an output folder. A missing, unreadable or foreign manifest reads as `undefined`:
 * codebook then owns nothing in the folder and deletes nothing. A format 1 manifest is read with its files
 * unattributed (see {@link LegacyFiles}).
 */
export function readManifest(outDir: string): ReadManifest | undefined {
  const text = readManifestText(path.join(outDir, MANIFEST_FILE));
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  if (data.format === 1) return fromFormat1(data);
  if (data.format !== MANIFEST_FORMAT || typeof data.generator !== "string" || !isRecord(data.registries)) return undefined;
  const sections = Object.entries(data.registries);
  if (!sections.every(([, section]) => isSection(section))) return undefined;
  // A malformed record of injected files proves nothing: the files are rendered (and the record rewritten).
  const injected = isInjectedSection(data.injected) ? { injected: data.injected } : {};
  return {
    format: MANIFEST_FORMAT,
    generator: data.generator,
    registries: Object.fromEntries(sections) as Record<string, ManifestSection>,
    ...injected,
  };
}

/** `file` relative to `outDir` with `/` separators: how the manifest names files. */
export function manifestPath(outDir: string, file: string): string {
  return path.relative(outDir, file).split(path.sep).join("/");
}
