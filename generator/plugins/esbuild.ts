import type { Plugin } from "esbuild";
import { codebookUnplugin } from "./codebook-unplugin.js";
import type { CodebookPluginOptions } from "./generation.js";

export type { CodebookPluginOptions };

/**
 * The esbuild plugin: generates at the start of every build (nothing is rendered when the manifest shows the output
 * current), and fails the build with each registry problem as a located error. In watch mode every input is a watched file of the build.
 * @param options the options of `generate`; with none, the config file found from the build's root
 * @example
 * import codebook from "codebook/esbuild";
 * await build({ entryPoints: ["src/main.ts"], bundle: true, plugins: [codebook()] });
 */
const codebook = codebookUnplugin.esbuild as (options?: CodebookPluginOptions) => Plugin;

export default codebook;
