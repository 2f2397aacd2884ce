import { readInputBytes } from "../load/checked-read.js";
import { hashContents } from "./hash.js";
import { type InjectedSection, manifestPath } from "./manifest.js";

const sortedUnique = (items: readonly string[]): string[] => [...new Set(items)].sort();

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * The injected files' part of the no-op fast path. The files are current when the manifest of the run's first
 * output folder records exactly these files, injected by a run of exactly these registries, and each still hashes
 * to what codebook wrote into it: its text outside the regions is as it was, and its regions hold the tables
 * rendered then. With the output folders proven current too (the same generator, options, registries, locale
 * files and templates), rendering them again gives the same bytes. Reads and hashes the files; renders nothing.
 * @param recorded what that manifest records of the injected files (see `isFolderCurrent`), if anything
 * @param outDir the run's first output folder
 * @param registries every registry of the run, absolute
 * @param inject every file the run injects into, absolute
 * @returns the injected files, or `undefined` when any differs (or cannot be told): the caller then renders.
 */
export async function findCurrentInjected(
  recorded: InjectedSection | undefined,
  outDir: string,
  registries: readonly string[],
  inject: readonly string[],
): Promise<string[] | undefined> {
  if (recorded === undefined) return undefined;
  const relative = (file: string) => manifestPath(outDir, file);
  if (!sameList(sortedUnique(registries.map(relative)), sortedUnique(recorded.registries))) return undefined;
  if (!sameList(sortedUnique(inject.map(relative)), sortedUnique(Object.keys(recorded.files)))) return undefined;
  for (const file of inject) {
    const read = readInputBytes(file);
    if (!read.ok || hashContents(read.bytes) !== recorded.files[relative(file)]) return undefined;
  }
  return [...inject];
}
