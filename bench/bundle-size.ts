import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

/** A bundle of a tiny app importing part of a generated module. */
export interface BundleMeasure {
  readonly label: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Texts of locales the app did not import that were found in the bundle. */
  readonly leakedTexts: readonly string[];
  /** Whether the TypeScript enum (its IIFE) survived tree-shaking. */
  readonly keepsEnum: boolean;
}

/** What the app imports and calls; `forbidden` texts must not reach its bundle. */
export interface BundleCase {
  readonly label: string;
  readonly module: string;
  readonly app: (specifier: string) => string;
  readonly forbidden: readonly string[];
}

async function bundle(entry: string, resolveDir: string, charset: "ascii" | "utf8"): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    charset,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/**
 * Bundles the app as an application would (esbuild, minified, ESM, platform-neutral, default ASCII output)
 * and measures it; a second UTF-8 build is searched for the forbidden texts as written in the source.
 */
export async function measureBundle(testCase: BundleCase, resolveDir: string): Promise<BundleMeasure> {
  const entry = testCase.app(JSON.stringify(testCase.module));
  const ascii = await bundle(entry, resolveDir, "ascii");
  const utf8 = await bundle(entry, resolveDir, "utf8");
  return {
    label: testCase.label,
    bytes: Buffer.byteLength(ascii),
    gzipBytes: gzipSync(ascii, { level: 9 }).length,
    leakedTexts: testCase.forbidden.filter((text) => utf8.includes(text)),
    // A TypeScript enum compiles to `(e => (e[e.Name = 1000] = "Name", ...))`: its reverse mapping gives it away.
    keepsEnum: /\[\w+\.\w+=[^\]]+\]="/.test(utf8),
  };
}
