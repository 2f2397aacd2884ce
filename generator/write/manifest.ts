import { readFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/header.js";

/**
 * The manifest's file name inside each output folder. It lists what codebook generated there, so that a file
 * a registry no longer produces can be removed, and never a file codebook did not write.
 */
export const MANIFEST_FILE = ".codebook-manifest.json";

/** Bumped when the manifest's shape changes; a manifest of another format is ignored (and rewritten). */
export const MANIFEST_FORMAT = 1;

/**
 * `<outDir>/.codebook-manifest.json`. Every path is relative to the output folder, with `/`, so the manifest is
 * the same on every machine and can be committed with the generated files.
 */
export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** `codebook <version>`: the generator that wrote the folder. */
  readonly generator: string;
  /** The options of each registry written to the folder, as resolved (paths relative to the folder). */
  readonly options: readonly unknown[];
  /** Every file the output was generated from (registries, bases, locale files, templates, config) → its hash. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Every file generated into the folder → the hash of the contents codebook wrote. */
  readonly files: Readonly<Record<string, string>>;
}

const NOTICE =
  "Written by codebook: the files it generated in this folder, with their hashes, and the inputs they came from. " +
  "codebook removes a file listed here once no registry produces it (unless it was edited). Do not edit.";

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest as the file codebook writes: stable key order, two-space indentation, LF, trailing newline. */
export function renderManifest(manifest: Manifest): GeneratedFile {
  const data = {
    $comment: NOTICE,
    format: manifest.format,
    generator: manifest.generator,
    options: manifest.options,
    inputs: sortedRecord(manifest.inputs),
    files: sortedRecord(manifest.files),
  };
  return { path: MANIFEST_FILE, contents: `${JSON.stringify(data, null, 2)}\n` };
}

function isHashRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");
}

/**
 * Reads the manifest of an output folder. A missing, unreadable or foreign manifest reads as `undefined`:
 * codebook then owns nothing in the folder and deletes nothing.
 */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST_FILE), "utf8");
  } catch {
    return undefined;
  }
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(text) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (
    data.format !== MANIFEST_FORMAT ||
    typeof data.generator !== "string" ||
    !Array.isArray(data.options) ||
    !isHashRecord(data.inputs) ||
    !isHashRecord(data.files)
  ) {
    return undefined;
  }
  return data as Manifest;
}

/** `file` relative to `outDir` with `/` separators: how the manifest names files. */
export function manifestPath(outDir: string, file: string): string {
  return path.relative(outDir, file).split(path.sep).join("/");
}
