import { lstatSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/types.js";
import { readInputBytes } from "../load/checked-read.js";
import type { InputSources } from "./input-hashes.js";
import type { FileWrite, StagedWrite } from "./staged-writes.js";

/** What one registry's files in a folder are generated from: the manifest section's key, options and inputs. */
export interface RegistrySources {
  /** The registry file, absolute. */
  readonly registry: string;
  /** The options that shape its files, as the manifest records them. */
  readonly options: unknown;
  readonly inputs: InputSources;
}

/** What one output folder is generated from. */
export interface FolderSources {
  readonly outDir: string;
  /** `codebook <version>`. */
  readonly generator: string;
  /** The config file the run came from, if any: the registries it no longer names are this run's to clean up. */
  readonly config: string | undefined;
  readonly registries: readonly RegistrySources[];
}

/**
 * A generated file already compared with disk (and, for `generate`, staged) as its target rendered: its text is
 * gone, its hash and plan stay (see `OutputSink`).
 */
export interface SettledFile {
  /** The path relative to the output folder, as the emitter gave it. */
  readonly path: string;
  /** The hash of its contents, as the manifest records it. */
  readonly hash: string;
  readonly planned: PlannedFile;
}

/** One registry's files, rendered: in memory, or settled as they rendered. */
export interface RegistryOutput extends RegistrySources {
  readonly files: readonly (GeneratedFile | SettledFile)[];
}

/** One output folder's files, rendered, with what they are generated from. */
export interface FolderOutput extends FolderSources {
  readonly registries: readonly RegistryOutput[];
  /** The files the run injected tables into, recorded in this folder's manifest (the run's first folder only). */
  readonly injected?: InjectedOutput;
}

/** The injected files of a run, as its first output folder's manifest records them. */
export interface InjectedOutput {
  /** Every registry of the run, absolute. */
  readonly registries: readonly string[];
  /** Each injected file (absolute) with its contents after injection. */
  readonly files: readonly { readonly path: string; readonly contents: string }[];
}

/** How a file in an output folder compares with what `generate` would write. */
export type FileState = "current" | "stale" | "missing" | "hand-edited" | "orphaned";

/** One file's state, by absolute path. */
export interface FileCheck {
  readonly path: string;
  readonly state: FileState;
}

/** One file a run would write, with its state now. */
export interface PlannedFile extends FileCheck {
  /** The write to make, unless the file is current: its contents, or the temporary file they are staged in. */
  readonly write: FileWrite | StagedWrite | undefined;
}

/** A generated file's bytes, through the checked reader; `undefined` when there is no regular file to read. */
export function readBytes(file: string): Buffer | undefined {
  const read = readInputBytes(file);
  return read.ok ? read.bytes : undefined;
}

/** Whether a registry the manifest records no longer exists: then it produces nothing, and any run may clean up. */
export async function isGone(outDir: string, registry: string): Promise<boolean> {
  try {
    lstatSync(path.resolve(outDir, registry));
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}
