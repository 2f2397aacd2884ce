// First step of `npm run build`: tsc only adds and overwrites files in dist/, so a source file that was renamed or
// removed would leave its old compiled module behind, and `npm pack` would ship it. The build starts from an empty
// dist/generator and dist/generated instead (dist/bench and dist/scripts belong to `npm run bench` and
// `npm run build:validators`, which build them apart).
import { rmSync } from "node:fs";
import path from "node:path";

const dist = path.resolve(process.argv[2] ?? ".", "dist");
for (const folder of ["generator", "generated"]) rmSync(path.join(dist, folder), { recursive: true, force: true });
