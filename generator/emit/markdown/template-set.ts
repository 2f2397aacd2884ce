import { resolvePageTexts, type PageTexts, type TextLayer } from "./page-texts.js";
import type { Template } from "./template.js";

/** The templates of one folder: page templates by name (`page`, `page.<locale>`) and page texts by locale. */
export interface TemplateLayer extends TextLayer {
  /** Where the layer comes from, for messages. */
  readonly folder: string;
  readonly pages: ReadonlyMap<string, Template>;
}

/** Every template folder of a run, the user's first and the built-in one last: the first that has a file wins. */
export interface MarkdownTemplates {
  readonly layers: readonly TemplateLayer[];
}

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
