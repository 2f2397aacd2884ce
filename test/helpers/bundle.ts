import { writeFile } from "node:fs/promises";
import path from "node:path";
import commonjsModule from "@rollup/plugin-commonjs";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { build, transform } from "esbuild";
import { rollup } from "rollup";

// The plugin's types are written as CommonJS but its `import` entry is an ES module whose default export is the
// plugin itself, which is what runs here.
const commonjs = commonjsModule as unknown as typeof commonjsModule.default;

/** The bundlers an application's bundle is measured with. */
export type Bundler = "esbuild" | "rollup";

/** How a bundler reads the modules the app imports. */
export interface BundleOptions {
  /** Rollup only: read CommonJS with @rollup/plugin-commonjs (`strictRequires: "auto"`, its recommended setting). */
  readonly commonjs?: boolean;
}

/**
 * Bundles `app`, an ES module written as `dir/app.mjs` (so that its imports resolve from `dir`, node_modules
 * included), as an application build does: everything in one minified ES module. esbuild bundles and minifies;
 * rollup bundles (node-resolve) and esbuild minifies its output. A bundler warning fails the build (it would mean
 * the measure is not of a clean build), except rollup's note that the bundle is empty: an app can import nothing.
 */
export async function bundleApp(bundler: Bundler, dir: string, app: string, options: BundleOptions = {}): Promise<string> {
  const entry = path.join(dir, "app.mjs");
  await writeFile(entry, app);
  return bundler === "esbuild" ? bundleWithEsbuild(entry) : bundleWithRollup(entry, options);
}

async function bundleWithEsbuild(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  if (result.warnings.length > 0) throw new Error(`esbuild: ${result.warnings.map((warning) => warning.text).join("; ")}`);
  return result.outputFiles[0]!.text;
}

async function bundleWithRollup(entry: string, options: BundleOptions): Promise<string> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve(), ...(options.commonjs === true ? [commonjs({ strictRequires: "auto" })] : [])],
    onwarn: (warning) => {
      if (warning.code !== "EMPTY_BUNDLE") warnings.push(warning.message);
    },
  });
  try {
    const { output } = await bundle.generate({ format: "es" });
    if (warnings.length > 0) throw new Error(`rollup: ${warnings.join("; ")}`);
    return (await transform(output[0].code, { minify: true, format: "esm", charset: "utf8" })).code;
  } finally {
    await bundle.close();
  }
}

/** The size of a bundle as shipped: its UTF-8 bytes. */
export function byteSize(bundle: string): number {
  return Buffer.byteLength(bundle);
}
