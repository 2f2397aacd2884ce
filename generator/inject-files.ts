import path from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import type { GeneratedFile } from "./emit/header.js";
import { findRegions, injectTables, type InjectRegion } from "./emit/markdown/inject.js";
import { renderNamedTable, type TableName } from "./emit/markdown/tables.js";
import { pageTextsFor, type MarkdownTemplates } from "./emit/markdown/template-set.js";
import { readSourceFile, type SourceFile } from "./load/source-file.js";
import type { Registry } from "./model/registry.js";
import type { FileCheck } from "./write/output-folder.js";
import { compareFiles, writeFiles, type WriteReport } from "./write/write-files.js";

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

function asGenerated(file: InjectedFile): { folder: string; file: GeneratedFile } {
  return { folder: path.dirname(file.path), file: { path: path.basename(file.path), contents: file.contents } };
}

/** Writes the injected files whose contents changed (atomically, through the one writer). */
export async function writeInjected(files: readonly InjectedFile[]): Promise<WriteReport> {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const { folder, file } of files.map(asGenerated)) {
    const report = await writeFiles(folder, [file]);
    written.push(...report.written);
    unchanged.push(...report.unchanged);
  }
  return { written, unchanged };
}

/** Compares the injected files with those on disk, without writing. */
export async function compareInjected(files: readonly InjectedFile[]): Promise<FileCheck[]> {
  const results = await Promise.all(files.map(asGenerated).map(({ folder, file }) => compareFiles(folder, [file])));
  return results.flat();
}
