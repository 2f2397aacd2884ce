import type { WebpackPluginInstance } from "webpack";
import { codebookUnplugin } from "./codebook-unplugin.js";
import type { CodebookPluginOptions } from "./generation.js";

export type { CodebookPluginOptions };

/**
 * The webpack plugin: generates at the start of every build (nothing is rendered when the manifest shows the output
 * current), and fails the build with each registry problem as a located error. In watch mode every input is a file dependency of the compilation.
 * @param options the options of `generate`; with none, the config file found from the build's root
 * @example
 * // webpack.config.js
 * import codebook from "codebook/webpack";
 * export default { entry: "./src/main.js", plugins: [codebook()] };
 */
const codebook = codebookUnplugin.webpack as (options?: CodebookPluginOptions) => WebpackPluginInstance;

export default codebook;
