import type { TextLayer } from "./page-texts.js";
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
