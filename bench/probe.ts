/**
 * Measurements that must run in a fresh process, each printing one JSON line:
 *
 *   node dist/bench/probe.js yaml-parse FILE     yaml's parseDocument (as codebook calls it), cold, once
 *   node dist/bench/probe.js js-yaml FILE        js-yaml's load, cold, once
 *   node dist/bench/probe.js import-ts-morph     await import("ts-morph"), measured inside the process
 *   node dist/bench/probe.js phases FILE OUTDIR  codebook's public API stage by stage: load, then each target
 */
import { readFileSync } from "node:fs";

type Phases = Record<string, number>;

function elapsedSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function yamlParse(file: string): Promise<Phases> {
  const text = readFileSync(file, "utf8");
  const { LineCounter, parseDocument } = await import("yaml");
  const start = process.hrtime.bigint();
  const document = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, strict: true });
  const parsed = elapsedSince(start);
  document.toJS({ maxAliasCount: 100 });
  return { parseDocument: parsed, "parseDocument+toJS": elapsedSince(start) };
}

async function jsYaml(file: string): Promise<Phases> {
  const text = readFileSync(file, "utf8");
  const { load } = await import("js-yaml");
  const start = process.hrtime.bigint();
  load(text);
  return { load: elapsedSince(start) };
}

async function importTsMorph(): Promise<Phases> {
  const start = process.hrtime.bigint();
  await import("ts-morph");
  return { import: elapsedSince(start) };
}

/** Uses only the public API (dist/generator/index.js), so it keeps working as the internals change. */
async function phases(file: string, outDir: string): Promise<Phases> {
  const result: Phases = {};
  let start = process.hrtime.bigint();
  const codebook = await import("../generator/index.js");
  result["import codebook"] = elapsedSince(start);
  start = process.hrtime.bigint();
  const registry = await codebook.loadRegistry(file);
  result["load (read, parse, validate, model)"] = elapsedSince(start);
  for (const target of codebook.TARGET_NAMES) {
    start = process.hrtime.bigint();
    await codebook.renderRegistry(registry, { outDir, targets: [target] });
    result[`render ${target}${target === "ts" ? " (with loading ts-morph)" : ""}`] = elapsedSince(start);
  }
  return result;
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, file = "", outDir = ""] = argv;
  const measures: Record<string, () => Promise<Phases>> = {
    "yaml-parse": () => yamlParse(file),
    "js-yaml": () => jsYaml(file),
    "import-ts-morph": importTsMorph,
    phases: () => phases(file, outDir),
  };
  const measure = command === undefined ? undefined : measures[command];
  if (measure === undefined) throw new Error(`probe: unknown measure ${String(command)}`);
  process.stdout.write(`${JSON.stringify(await measure())}\n`);
}

await main(process.argv.slice(2));
