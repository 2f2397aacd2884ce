// Part of `npm run build`, after tsc: turns tsc's ES modules in dist/generator into the files the package ships.
//
// - dist/generator/bundle/codebook.cjs: the whole generator, the public API (generator/index.ts) and the CLI's
//   `runCli` (generator/cli.ts), in one CommonJS file. bin/codebook.js runs every command but a no-op from it, and
//   dist/generator/index.js, the package's main entry, re-exports the API from it, so the package holds one
//   implementation. One file instead of some 150 modules: Node 20 keeps no compiled code of ES modules between
//   runs, where the CLI's compile cache (generator/compile-cache.ts) keeps this file's, as it does ts-morph's.
//   The modules codebook imports on demand (`import()`) are in the file too, but run only when first imported,
//   as before; packages stay imports, so yaml, ajv and ts-morph still load only on the paths that need them.
// - dist/generator/bundle/no-op-cli.cjs: the CLI's no-op path alone (`runCliIfCurrent` and the modules it
//   imports statically), which bin/codebook.js loads first: the commonest run (nothing changed) compiles a
//   file a fourteenth the size, and never needs a cache. Its on-demand imports of codebook's own modules
//   (the emitters, which a no-op never runs) fail, so that a run that reaches one is no no-op: the bin then
//   runs the command from codebook.cjs.
// - dist/generator/bundle/compile-cache.cjs: the compile cache, which the bin installs before it loads codebook.cjs.
// - dist/generator/index.js: replaced by the re-export of the API from codebook.cjs (its declarations stay tsc's).
// - The declaration files that no declaration of the package's entries reaches are removed, so that the
//   package ships the types of its API and nothing more.
//
// Every bundle is CommonJS, as the bin is: `require` reads the file synchronously, where the ES module loader
// (which a CommonJS process never starts unless something imports an ES module) reads each module on the thread
// pool and costs a start-up of its own. The modules' uses of `import.meta.url` (what `createRequire` resolves
// from) become the bundle's own URL, and of `import.meta.filename` (where codebook's own files are) its
// `__filename`, so that a bundle that needs only the path (the no-op path's) neither loads node:url nor builds a
// URL: it sits in dist/generator/bundle/, as deep below dist/generator as the modules it holds. A bundle's second
// line lists the modules it holds, for the tests that check what a run loads and for the benchmark's profile, which
// charges each line of a bundle to the module that esbuild's `// dist/generator/...` comment above it names.
// tsc's other modules stay in dist/generator for the tests that load them; the package does not ship them
// (package.json's `files`).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(process.argv[2] ?? ".");
const generator = path.join(root, "dist", "generator");
const folder = path.join(generator, "bundle");

/** A path below dist/generator, with forward slashes. */
const fromGenerator = (file) => path.relative(generator, path.resolve(root, file)).split(path.sep).join("/");

/**
 * codebook's modules import node:path as a default import (`import path from "node:path"`), which esbuild turns
 * into a copy of the module's every export for each importing module (`__toESM`), fourteen on the no-op path:
 * this resolves it to one module of the bundle whose default export is the required node:path itself.
 */
const pathOnce = {
  name: "node-path-once",
  setup(plugin) {
    plugin.onResolve({ filter: /^node:path$/ }, (args) =>
      args.kind === "import-statement" ? { path: "node:path", namespace: "node-path-once" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "node-path-once" }, () => ({
      contents: 'export default require("node:path");\n',
      loader: "js",
    }));
  },
};

/** Bundles `contents` (an entry module in dist/generator) into `bundle/<name>`, with the header every bundle has. */
async function bundle(name, contents, what, plugins = []) {
  const outfile = path.join(folder, name);
  const result = await build({
    stdin: { contents, resolveDir: generator, sourcefile: "<entry>" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    packages: "external",
    outfile,
    absWorkingDir: root,
    define: { "import.meta.url": "bundleUrl", "import.meta.filename": "__filename" },
    metafile: true,
    write: false,
    logLevel: "warning",
    plugins: [pathOnce, ...plugins],
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.keys(output.inputs)
    .filter((input) => input !== "<entry>" && !input.includes(":"))
    .map(fromGenerator)
    .sort();
  const usesUrl = result.outputFiles[0].text.includes("bundleUrl");
  const header = [
    `// ${what}, bundled by scripts/bundle-cli.mjs from dist/generator's`,
    `// ${modules.join(" ")}`,
    '"use strict";',
    ...(usesUrl ? ['const bundleUrl = require("node:url").pathToFileURL(__filename).href;'] : []),
    "",
  ].join("\n");
  writeFileSync(outfile, header + result.outputFiles[0].text);
  return modules;
}

/** The value exports of the API (generator/index.ts), read from tsc's index.js before it is replaced. */
async function apiExports() {
  const result = await build({
    entryPoints: [path.join(generator, "index.js")],
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  return Object.values(result.metafile.outputs)
    .flatMap((output) => (output.entryPoint === undefined ? [] : output.exports))
    .sort();
}

const STUB = "// codebook's API (generator/index.ts), from the one bundle of the generator";
if (readFileSync(path.join(generator, "index.js"), "utf8").startsWith(STUB)) {
  throw new Error("dist/generator/index.js is already the re-export of the bundle: run `npm run build`, which compiles it again first");
}
const api = await apiExports();
mkdirSync(folder, { recursive: true });

await bundle(
  "codebook.cjs",
  'export * from "./index.js";\nexport { runCli } from "./cli.js";\n',
  "codebook's generator: its API (generator/index.ts) and CLI (generator/cli.ts)",
);

await bundle("no-op-cli.cjs", 'export { runCliIfCurrent } from "./cli.js";\n', "The no-op path of codebook's CLI (see generator/cli.ts)", [
  {
    name: "on-demand-imports-leave-the-no-op-path",
    setup(plugin) {
      plugin.onResolve({ filter: /^\./ }, (args) =>
        args.kind === "dynamic-import"
          ? { path: fromGenerator(path.resolve(args.resolveDir, args.path)), namespace: "not-no-op" }
          : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: "not-no-op" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`${args.path} is not on the no-op path`)});\n`,
        loader: "js",
      }));
    },
  },
]);

await bundle(
  "compile-cache.cjs",
  'export { installCompileCache } from "./compile-cache.js";\n',
  "The CLI's compile cache (generator/compile-cache.ts)",
);

writeFileSync(
  path.join(generator, "index.js"),
  [`${STUB} that the CLI runs too (scripts/bundle-cli.mjs).`, `export { ${api.join(", ")} } from "./bundle/codebook.cjs";`, ""].join("\n"),
);

/** The declaration files the entries' declarations reach through their imports; every other one is removed. */
function pruneDeclarations() {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const entries = Object.values(manifest.exports)
    .flatMap((target) => (typeof target === "string" ? [] : [target.types]))
    .filter((file) => file?.startsWith("./dist/generator/"));
  const reached = new Set();
  const queue = entries.map((file) => path.resolve(root, file));
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const [, relative] of readFileSync(file, "utf8").matchAll(specifier)) {
      queue.push(path.resolve(path.dirname(file), relative).replace(/\.js$/, ".d.ts"));
    }
  }
  for (const entry of readdirSync(generator, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && file.endsWith(".d.ts") && !reached.has(file)) rmSync(file);
  }
}

pruneDeclarations();
