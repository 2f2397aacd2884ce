// Part of `npm run build`: writes the package's `codebook/close-codes` (dist/generated/close-codes.js and .d.ts)
// with codebook's own `emit: "js"` from the build in dist/, so that the shipped module is the tree-shakable
// JavaScript codebook emits for everyone, not tsc's compilation of generated/close-codes.ts.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry, renderRegistry } from "../dist/generator/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "dist", "generated");
const registry = await loadRegistry(path.join(root, "schema", "close-codes.yaml"));
const files = await renderRegistry(registry, { outDir, targets: ["ts"], emit: "js", module: "esm" });
await mkdir(outDir, { recursive: true });
for (const file of files) await writeFile(path.join(outDir, file.path), file.contents);
