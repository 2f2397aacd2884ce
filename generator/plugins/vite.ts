import type { Plugin } from "vite";
import { codebookUnplugin } from "./codebook-unplugin.js";
import type { CodebookPluginOptions } from "./generation.js";

export type { CodebookPluginOptions };

/**
 * The Vite plugin: generates at the start of every build (nothing is rendered when the manifest shows the output
 * current), and fails the build with each registry problem as a located error. In the dev server, a change to an input regenerates and the page updates through HMR; a registry problem shows in the error overlay, and the last good output stays.
 * @param options the options of `generate`; with none, the config file found from the build's root
 * @example
 * // vite.config.ts
 * import codebook from "codebook/vite";
 * export default { plugins: [codebook()] };
 */
const codebook = codebookUnplugin.vite as (options?: CodebookPluginOptions) => Plugin;

export default codebook;
