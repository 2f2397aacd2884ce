// The floor of a no-op that proves a folder current by hashing: read the folder's manifest and hash every input and
// output it lists, with nothing else (no argument parsing, no link or owner checks, no config lookup). Row (a) of
// the benchmark runs it beside `codebook generate` to show what reading and hashing the same files costs alone.
// Usage: node bench/no-op-floor.cjs OUTPUT_FOLDER
"use strict";
const { createHash } = require("node:crypto");
const { readdirSync, readFileSync, statSync } = require("node:fs");
const path = require("node:path");

const folder = process.argv[2];
const manifest = JSON.parse(readFileSync(path.join(folder, ".codebook-manifest.json"), "utf8"));
/** Whether `file` hashes as recorded: `missing` for a place that must stay empty, a folder by its listing. */
function current(file, hash) {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return hash === "missing";
  const bytes = stats.isDirectory() ? readdirSync(file).sort().join("\n") : readFileSync(file);
  return `sha256-${createHash("sha256").update(bytes).digest("hex")}` === hash;
}

let stale = 0;
for (const registry of Object.values(manifest.registries)) {
  for (const [file, hash] of [...Object.entries(registry.inputs), ...Object.entries(registry.files)]) {
    if (!current(path.resolve(folder, file), hash)) stale += 1;
  }
}
process.exitCode = stale === 0 ? 0 : 1;
