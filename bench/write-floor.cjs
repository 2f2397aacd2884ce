// The floor of a run's write phase: write the files of a finished run again, into an empty folder, as codebook
// writes them (each to a temporary file beside its target, created exclusively, several at a time, then renamed
// into place), with nothing else (no rendering, hashing, link checks or manifest). Row (e) of the benchmark runs it
// over the 651 files of the config of 50 registries and over the 14 of the one registry: on a file system where
// creating a file is slow, the difference is what the config's run pays for its files alone.
// Usage: node bench/write-floor.cjs FROM_FOLDER TO_FOLDER
"use strict";
const { mkdirSync, readdirSync, readFileSync, renameSync } = require("node:fs");
const { writeFile } = require("node:fs/promises");
const path = require("node:path");

const [from, to] = process.argv.slice(2);
const files = readdirSync(from, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
const contents = files.map((file) => readFileSync(path.join(from, file)));
const temporaryOf = (target) => path.join(path.dirname(target), `.${path.basename(target)}.floor.tmp`);

async function main() {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(to, file))))) mkdirSync(folder, { recursive: true });
  // Up to 32 writes at once, as codebook's write pool runs them.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      await writeFile(temporaryOf(path.join(to, files[index])), contents[index], { flag: "wx" });
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, files.length) }, worker));
  for (const file of files) renameSync(temporaryOf(path.join(to, file)), path.join(to, file));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
