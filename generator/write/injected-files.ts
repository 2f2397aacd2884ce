import type { InjectedFile } from "../emit/markdown/render-injections.js";
import { readInputBytes } from "../load/checked-read.js";
import type { PlannedFile } from "./folder-sources.js";
import { linkedTarget } from "./real-target.js";
import { WriteError } from "./write-error.js";

/**
 * Compares each injected file with what is on disk and works out the write that brings it up to date, without
 * writing. A symbolic link is written through: its target gets the new contents and the link stays a link; the
 * file keeps its mode. The check reports each file by the path the user named.
 * @throws {WriteError} when a file is a dangling link or not a regular file.
 */
export async function planInjected(files: readonly InjectedFile[]): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const file of files) {
    const { target, existing } = await linkedTarget(file.path);
    const read = existing === undefined ? undefined : readInputBytes(target);
    if (read !== undefined && !read.ok) throw new WriteError(file.path, read.message);
    const bytes = read?.bytes;
    const current = bytes !== undefined && bytes.toString("utf8") === file.contents;
    planned.push({
      path: file.path,
      state: current ? "current" : bytes === undefined ? "missing" : "stale",
      write: current ? undefined : { target, existing, contents: file.contents },
    });
  }
  return planned;
}
