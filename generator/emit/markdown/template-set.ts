import type { PageTexts } from "../../load/templates/page-texts.js";
import type { Template } from "../../load/templates/template.js";
import type { MarkdownTemplates } from "../../load/templates/template-set.js";
import { resolvePageTexts } from "./page-texts.js";

/**
 * The page template for `locale`: `page.<locale>.md`, else `page.md`, the user's folder before the built-in one.
 * @throws {Error} when no folder has `page.md` (the built-in templates are missing).
 */
export function pageTemplateFor(templates: MarkdownTemplates, locale: string): Template {
  for (const name of [`page.${locale}`, "page"]) {
    for (const layer of templates.layers) {
      const template = layer.pages.get(name);
      if (template !== undefined) return template;
    }
  }
  throw new Error(`codebook: no page.md in ${templates.layers.map((layer) => layer.folder).join(" or ")}`);
}

/** The page texts for `locale`, key by key from the most specific source (see {@link resolvePageTexts}). */
export function pageTextsFor(templates: MarkdownTemplates, locale: string): PageTexts {
  return resolvePageTexts(templates.layers, locale);
}
