import type { Registry } from "../../model/registry.js";
import { generatedNotice, type EmitContext, type GeneratedFile } from "../header.js";
import { escapeInline } from "./escape.js";
import { renderCodesTable, renderRangesTable, type TableHeaders } from "./tables.js";

const ENGLISH_HEADERS: TableHeaders = {
  range: "Range",
  code: "Code",
  name: "Name",
  use: "Use",
  description: "Description",
  reference: "Reference",
  aliases: "Aliases",
  yes: "yes",
  no: "no",
};

/** `<id>.md`: the title, the description, the ranges table and the codes table, in the source locale. */
export function emitMarkdownPage(registry: Registry, context: EmitContext): GeneratedFile {
  const locale = registry.sourceLocale;
  const sections = [
    `<!-- ${generatedNotice(registry, context)} -->`,
    `# ${escapeInline(registry.title[locale]!)}`,
    ...(registry.description === undefined ? [] : [escapeInline(registry.description[locale]!)]),
    ...(registry.ranges.length === 0 ? [] : ["## Ranges", renderRangesTable(registry, locale, ENGLISH_HEADERS)]),
    "## Codes",
    renderCodesTable(registry, locale, ENGLISH_HEADERS),
  ];
  return { path: `${registry.id}.md`, contents: `${sections.join("\n\n")}\n` };
}
