// Part of `npm run build`, after tsc: bundles the CLI's no-op path (`runCliIfCurrent` in generator/cli.ts and the
// modules it imports) into one file, dist/generator/bundle/no-op-cli.cjs, which bin/codebook.js loads first: one
// module instead of some 25 makes the commonest run (nothing changed) cost little more than starting Node. What
// the bundled code imports on demand (`import()`, the modules of the paths a no-op never takes) stays an import of
// the built module in dist/generator, and packages stay imports, so the bundle holds the no-op path alone.
// CommonJS, as the bin is: `require` reads the file synchronously, where the ES module loader (which a CommonJS
// process never starts) reads each module on the thread pool and costs a start-up of its own. The modules' one use
// of `import.meta.url` (where codebook's own files are) becomes the bundle's own URL.
// The bundle's second line lists the modules bundled, for the tests that check what a no-op run loads.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(process.argv[2] ?? ".");
const generator = path.join(root, "dist", "generator");
const folder = path.join(generator, "bundle");
const outfile = path.join(folder, "no-op-cli.cjs");
const result = await build({
  stdin: { contents: 'export { runCliIfCurrent } from "./cli.js";\n', resolveDir: generator, sourcefile: "<entry>" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  packages: "external",
  outfile,
  absWorkingDir: root,
  define: { "import.meta.url": "bundleUrl" },
  metafile: true,
  write: false,
  logLevel: "warning",
  plugins: [
    {
      name: "on-demand-imports-stay-modules",
      setup(plugin) {
        plugin.onResolve({ filter: /^\./ }, (args) => {
          if (args.kind !== "dynamic-import") return undefined;
          const built = path.relative(folder, path.resolve(args.resolveDir, args.path)).split(path.sep).join("/");
          return { path: built, external: true };
        });
      },
    },
  ],
});
const [output] = Object.values(result.metafile.outputs);
const modules = Object.keys(output.inputs)
  .map((input) => path.relative(generator, path.resolve(root, input)).split(path.sep).join("/"))
  .filter((module) => module !== "<entry>")
  .sort();
const header = `// The no-op path of codebook's CLI (see generator/cli.ts), bundled by scripts/bundle-cli.mjs from dist/generator's\n// ${modules.join(" ")}\n"use strict";\nconst bundleUrl = require("node:url").pathToFileURL(__filename).href;\n`;
mkdirSync(folder, { recursive: true });
writeFileSync(outfile, header + result.outputFiles[0].text);
