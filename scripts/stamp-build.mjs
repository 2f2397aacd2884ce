// Last step of `npm run build`: writes dist/generator/build-stamp.txt after every other file of the build,
// so that its modification time is the newest of them. The no-op fast path stats this one file instead of every
// file of the build to tell whether codebook's own code is newer than a manifest (generator/write/generator-stamp.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(process.argv[2] ?? ".", "dist", "generator", "build-stamp.txt");
writeFileSync(
  file,
  "Written last by `npm run build`: its modification time stands for the newest file of this build (see write/generator-stamp.js).\n",
);
