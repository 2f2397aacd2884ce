import type { Diagnostic, WithProblems } from "../../diagnostics/index.js";
import type { SourceFile } from "../../load/source-file.js";
import type { TableName } from "../../load/templates/template.js";
import type { MarkdownTemplates } from "../../load/templates/template-set.js";
import type { Registry } from "../../model/registry.js";
import { type InjectRegion, injectTables } from "./inject.js";
import { type TableRenderer, tableRenderer } from "./tables.js";
import { pageTextsFor } from "./template-set.js";

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

/** Fills every region of every target from the registries of the run. */
export function renderInjections(
  targets: readonly InjectTarget[],
  registries: readonly Registry[],
  templates: MarkdownTemplates,
): WithProblems<{ readonly files: InjectedFile[] }> {
  // A registry's tables in several regions and locales share what is the same in every locale.
  const renderers = new Map<Registry, TableRenderer>();
  const rendererOf = (registry: Registry) => renderers.get(registry) ?? renderers.set(registry, tableRenderer(registry)).get(registry)!;
  const source = {
    registries: new Map(registries.map((registry) => [registry.id, registry])),
    render: (registry: Registry, table: TableName, locale: string) => rendererOf(registry)(table, locale, pageTextsFor(templates, locale)),
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
