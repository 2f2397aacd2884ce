// The floor of a no-op that proves a folder current by hashing: read the folder's manifest and hash every input and
// output it lists, with nothing else (no argument parsing, no link or owner checks, no config lookup). Row (a) of
// the benchmark runs it beside `codebook generate` to show what reading and hashing the same files costs alone, and
// rows (a') and (c) over the four folders of this repository's config and the README files it injects into.
// Usage: node bench/no-op-floor.cjs OUTPUT_FOLDER...
"use strict";
const { createHash } = require("node:crypto");
const { readdirSync, readFileSync, statSync } = require("node:fs");
const path = require("node:path");

const hashOf = (bytes) => `sha256-${createHash("sha256").update(bytes).digest("hex")}`;
/** Whether `file` hashes as recorded: `missing` for a place that must stay empty, a folder by its listing. */
function current(file, hash) {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return hash === "missing";
  return hashOf(stats.isDirectory() ? readdirSync(file).sort().join("\n") : readFileSync(file)) === hash;
}

let stale = 0;
// The folders of one config share their inputs: each file is read and hashed once, as the run does.
const seen = new Set();
for (const folder of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(path.join(folder, ".codebook-manifest.json"), "utf8"));
  const recorded = [...Object.values(manifest.registries).flatMap((section) => [section.inputs, section.files]), manifest.injected?.files ?? {}];
  for (const [file, hash] of recorded.flatMap(Object.entries)) {
    const absolute = path.resolve(folder, file);
    if (!seen.has(absolute) && !current(absolute, hash)) stale += 1;
    seen.add(absolute);
  }
}
process.exitCode = stale === 0 ? 0 : 1;
