import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import commonjsModule from "@rollup/plugin-commonjs";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import * as esbuild from "esbuild";
import { rollup } from "rollup";

// The plugin's types are written as CommonJS but its `import` entry is an ES module whose default export is the
// plugin itself, which is what runs here.
const commonjs = commonjsModule as unknown as typeof commonjsModule.default;

/** The bundlers an app is measured with. */
export type Bundler = "esbuild" | "rollup";

/** A bundle of a tiny app importing part of a generated module. */
export interface BundleMeasure {
  readonly label: string;
  readonly bundler: Bundler;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Texts of locales the app did not import that were found in the bundle. */
  readonly leakedTexts: readonly string[];
  /** Whether the TypeScript enum (its IIFE or its object) survived tree-shaking. */
  readonly keepsEnum: boolean;
}

/** What the app imports and calls, from where, with which bundler; `forbidden` texts must not reach its bundle. */
export interface BundleCase {
  readonly label: string;
  readonly bundler: Bundler;
  /** The folder the app is written to: its imports resolve from there (node_modules included). */
  readonly dir: string;
  /** The app, an ES module. */
  readonly app: string;
  /** Rollup only: read CommonJS with @rollup/plugin-commonjs (`strictRequires: "auto"`, its recommended setting). */
  readonly commonjs?: boolean;
  readonly forbidden: readonly string[];
}

async function bundleWithEsbuild(entry: string, charset: "ascii" | "utf8"): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    charset,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function bundleWithRollup(entry: string, withCommonjs: boolean, charset: "ascii" | "utf8"): Promise<string> {
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve(), ...(withCommonjs ? [commonjs({ strictRequires: "auto" })] : [])],
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: "es" });
    return (await esbuild.transform(output[0].code, { minify: true, format: "esm", charset })).code;
  } finally {
    await bundle.close();
  }
}

let appCount = 0;

/**
 * Bundles the app as an application would (minified ESM; rollup's output minified by esbuild) and measures it in
 * esbuild's default ASCII output; a second UTF-8 build is searched for the forbidden texts as written in the source.
 */
export async function measureBundle(testCase: BundleCase): Promise<BundleMeasure> {
  appCount += 1;
  const entry = path.join(testCase.dir, `bench-app-${appCount}.mjs`);
  writeFileSync(entry, testCase.app);
  const bundle = (charset: "ascii" | "utf8") =>
    testCase.bundler === "esbuild" ? bundleWithEsbuild(entry, charset) : bundleWithRollup(entry, testCase.commonjs === true, charset);
  const ascii = await bundle("ascii");
  const utf8 = await bundle("utf8");
  return {
    label: testCase.label,
    bundler: testCase.bundler,
    bytes: Buffer.byteLength(ascii),
    gzipBytes: gzipSync(ascii, { level: 9 }).length,
    leakedTexts: testCase.forbidden.filter((text) => utf8.includes(text)),
    // tsc's enum assigns its reverse mapping (`e[e.Name=1e3]="Name"`); codebook's object literal holds each member
    // next to it (`Name:1e3,1e3:"Name"`).
    keepsEnum: /\[\w+\.\w+=[^\]]+\]="|(\w+):([\w.]+),\2:"\1"/.test(utf8),
  };
}
