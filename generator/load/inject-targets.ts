import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { findRegions, injectTables, type InjectRegion } from "../emit/markdown/inject.js";
import { renderNamedTable, type TableName } from "../emit/markdown/tables.js";
import { pageTextsFor, type MarkdownTemplates } from "../emit/markdown/template-set.js";
import { readInputBytes } from "./checked-read.js";
import { readSourceFile, type SourceFile } from "./source-file.js";
import type { Registry } from "../model/registry.js";
import type { PlannedFile } from "../write/output-folder.js";
import { linkedTarget } from "../write/real-target.js";
import { WriteError } from "../write/write-error.js";

/** A Markdown file named by `--inject`, read and scanned for its regions. */
export interface InjectTarget {
  readonly source: SourceFile;
  /** The file starts with a UTF-8 byte-order mark, which is kept. */
  readonly bom: boolean;
  readonly regions: readonly InjectRegion[];
}

/** The new contents of an injected file, by absolute path. */
export interface InjectedFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * Reads every file to inject (each once) and finds its regions; reports unreadable files and marker errors.
 * A file with marker errors is still returned with its well-formed regions, so their ids get checked too.
 */
export async function readInjectTargets(files: readonly string[], cwd: string): Promise<{ targets: InjectTarget[]; diagnostics: Diagnostic[] }> {
  const unique = [...new Set(files.map((file) => path.resolve(cwd, file)))];
  const results = await Promise.all(
    unique.map(async (file): Promise<{ target?: InjectTarget; diagnostics: readonly Diagnostic[] }> => {
      const read = await readSourceFile(file, cwd);
      if (!read.ok) return read;
      const { regions, diagnostics } = findRegions(read.source.text, read.source.file);
      return { target: { source: read.source, bom: read.source.bom, regions }, diagnostics };
    }),
  );
  return {
    targets: results.flatMap((result) => (result.target === undefined ? [] : [result.target])),
    diagnostics: results.flatMap((result) => result.diagnostics),
  };
}

/** Fills every region of every target from the registries of the run. */
export function renderInjections(
  targets: readonly InjectTarget[],
  registries: readonly Registry[],
  templates: MarkdownTemplates,
): { files: InjectedFile[]; diagnostics: Diagnostic[] } {
  const source = {
    registries: new Map(registries.map((registry) => [registry.id, registry])),
    render: (registry: Registry, table: TableName, locale: string) =>
      renderNamedTable(registry, table, locale, pageTextsFor(templates, locale)),
  };
  const files: InjectedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const result = injectTables(target.source.text, target.source.file, target.regions, source);
    if (result.ok) files.push({ path: target.source.path, contents: `${target.bom ? "\uFEFF" : ""}${result.text}` });
    else diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}

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
