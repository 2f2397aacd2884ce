import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { profileRow } from "./cpu-profile.js";
import { type Costs, measureInterleaved, median, medianOf, runForOutput, type TimedCommand, timeInterleaved } from "./process-timing.js";
import { type DetailTable, milliseconds, ratio, type SummaryRow } from "./results-table.js";

/** Where the benchmark finds codebook and keeps its scratch files. */
export interface BenchContext {
  readonly repoRoot: string;
  readonly scratch: string;
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

export interface SectionResult {
  readonly summary: readonly SummaryRow[];
  readonly details: readonly DetailTable[];
}

/** The built CLI. */
export function cli(context: BenchContext): string {
  return path.join(context.repoRoot, "bin", "codebook.js");
}

function probe(context: BenchContext): string {
  return path.join(context.repoRoot, "dist", "bench", "probe.js");
}

/** `node -e 0`: what starting Node costs, the floor of every no-op. */
export function bareNode(context: BenchContext): TimedCommand {
  return { label: "node", args: ["-e", "0"], cwd: context.scratch };
}

/** A `codebook generate` into `outDir`, removed before every run so that each run is a full generate. */
export function fullGenerate(
  context: BenchContext,
  label: string,
  registry: string[],
  outDir: string,
  cwd = context.scratch,
): TimedCommand {
  return {
    label,
    args: [cli(context), "generate", ...registry, "--out", outDir, "--quiet"],
    cwd,
    prepare: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** An empty ES module as the entry: Node's start-up with the module loader that every ES module CLI pays. */
export function emptyModule(context: BenchContext): TimedCommand {
  const empty = path.join(context.scratch, "empty.mjs");
  writeFileSync(empty, "");
  return { label: "empty ES module", args: [empty], cwd: context.scratch };
}

/** The floor of a no-op's proof: a script that only reads `outDir`'s manifest and hashes the files it lists. */
function hashingFloor(context: BenchContext, outDir: string): TimedCommand {
  return { label: "reads and hashes alone", args: [path.join(context.repoRoot, "bench", "no-op-floor.cjs"), outDir], cwd: context.scratch };
}

/**
 * Where a no-op's time goes, in CPU time of whole processes: Node alone, an empty ES module as the entry (Node's
 * module loader, which every ES module CLI pays), `codebook --version` (the bundle of the whole generator,
 * no work) and the no-op itself (one bundled file, then reading and hashing).
 */
function startUpTable(context: BenchContext, generate: TimedCommand, outDir: string): DetailTable {
  const floor = hashingFloor(context, outDir);
  const commands: TimedCommand[] = [
    bareNode(context),
    emptyModule(context),
    floor,
    { label: "codebook --version", args: [cli(context), "--version"], cwd: context.scratch },
    generate,
  ];
  const runs = context.quick ? 5 : 20;
  const costs = measureInterleaved(commands, runs, 2);
  const node = medianOf(costs, "node", "cpuMs");
  const names: Readonly<Record<string, string>> = {
    node: "`node -e 0`",
    "reads and hashes alone": "a CommonJS script that only reads the manifest and hashes the same files (bench/no-op-floor.cjs)",
    generate: "no-op `codebook generate`",
  };
  return {
    title: "Start-up: what a no-op costs above Node",
    note: `CPU time (user + system) and wall-clock time of whole processes, median of ${runs}, interleaved; each carries the same preloaded usage reporter (bench/process-usage.ts), so the absolute figures include it. \`codebook --version\` loads the bundle of the whole generator (dist/generator/bundle/codebook.cjs), with the compile cache; a no-op \`generate\` runs from the one bundled file of the no-op path (dist/generator/bundle/no-op-cli.cjs).`,
    header: ["Process", "CPU", "vs `node -e 0`", "Wall"],
    rows: commands.map(({ label }) => {
      const cpu = medianOf(costs, label, "cpuMs");
      return [names[label] ?? label, milliseconds(cpu), ratio(cpu / node), milliseconds(medianOf(costs, label, "wallMs"))];
    }),
  };
}

/** (a) A no-op generate of the default registry (its output is already current) against `node -e 0`. */
export function measureNoOp(context: BenchContext): SectionResult {
  const outDir = path.join(context.scratch, "noop");
  const generate: TimedCommand = { label: "generate", args: [cli(context), "generate", "--out", outDir, "--quiet"], cwd: context.scratch };
  runForOutput(generate.args, generate.cwd);
  const runs = context.quick ? 5 : 20;
  context.log(`(a) no-op generate vs node -e 0, ${runs} runs`);
  const timings = timeInterleaved([bareNode(context), generate], runs, 2);
  const node = median(timings.get("node")!);
  const noOp = median(timings.get("generate")!);
  const startUp = startUpTable(context, generate, outDir);
  const profile = profileRow(context, "(a) no-op generate, default registry", generate, {
    label: "the script that only reads and hashes",
    command: hashingFloor(context, outDir),
  });
  return {
    summary: [
      {
        measure: "(a) no-op `codebook generate`, default registry",
        codebook: milliseconds(noOp),
        baseline: `\`node -e 0\`: ${milliseconds(node)}`,
        ratio: ratio(noOp / node),
        target: "≤ 1.2×",
        met: noOp / node <= 1.2,
        whenMissed: `a no-op generate runs from one bundled CommonJS file (the no-op path, bundled at build time): it reads the output folder's manifest, proves every input and output current by its hash, and loads neither ts-morph, nor yaml, nor ajv. "Start-up" below has the floor of such a proof, a script that only reads the manifest and hashes the same files, with none of the checks (links, owners, the build stamp, the config lookup); what a no-op costs above Node is that floor plus those checks, and the ratio rises with the machine's load, which slows the reads more than \`node -e 0\`. ${profile.gist}`,
      },
    ],
    details: [startUp, ...profile.tables],
  };
}

/** Row (b)'s full generate with the CLI's compile cache warm (the row's figure), off, and empty before each run. */
function compileCacheTable(costs: Costs, runs: number): DetailTable {
  const floor = medianOf(costs, "ts-morph", "cpuMs");
  const line = (label: string, name: string): string[] => {
    const cpu = medianOf(costs, label, "cpuMs");
    return [name, milliseconds(cpu), milliseconds(medianOf(costs, label, "wallMs")), ratio(cpu / floor)];
  };
  return {
    title: "The compile cache: row (b) warm, off and cold",
    note: `The CLI keeps V8's compiled code of its largest modules (ts-morph's bundled TypeScript, and codebook's own bundle) between runs (README, "Compile cache"). The row's figure is a warm run, as every run after the first is; "off" sets \`NODE_DISABLE_COMPILE_CACHE=1\`; "cold" starts each run from an empty cache folder, so it also writes the cache at exit, as a first run does. Median of ${runs}, interleaved with the row's runs.`,
    header: ["Full generate, default registry", "CPU", "Wall", 'vs `require("ts-morph")`'],
    rows: [line("generate", "warm cache"), line("cache off", "cache off"), line("cache cold", "cold cache (first run)")],
  };
}

/** (b) A full generate of the default registry (every target), in CPU time, against a process that only requires ts-morph. */
export function measureFullDefault(context: BenchContext): SectionResult {
  const runs = context.quick ? 4 : 12;
  context.log(`(b) full generate vs require("ts-morph"), CPU time, ${runs} runs`);
  const requireTsMorph: TimedCommand = { label: "ts-morph", args: ["-e", 'require("ts-morph")'], cwd: context.repoRoot };
  const generate = fullGenerate(context, "generate", [], path.join(context.scratch, "full-default"));
  const cacheOff: TimedCommand = { ...generate, label: "cache off", env: { NODE_DISABLE_COMPILE_CACHE: "1" } };
  const coldCache = path.join(context.scratch, "compile-cache-cold");
  const cacheCold: TimedCommand = {
    ...generate,
    label: "cache cold",
    env: { NODE_COMPILE_CACHE: coldCache },
    prepare: () => {
      generate.prepare?.();
      rmSync(coldCache, { recursive: true, force: true });
    },
  };
  const costs = measureInterleaved([requireTsMorph, generate, cacheOff, cacheCold], runs, 1);
  const floor = medianOf(costs, "ts-morph", "cpuMs");
  const full = medianOf(costs, "generate", "cpuMs");
  const profile = profileRow(context, "(b) full generate, default registry", generate, {
    label: '`require("ts-morph")`',
    command: requireTsMorph,
  });
  return {
    summary: [
      {
        measure: "(b) full `codebook generate`, default registry (8 locales), all targets, CPU time",
        codebook: `${milliseconds(full)} CPU (${milliseconds(medianOf(costs, "generate", "wallMs"))} wall)`,
        baseline: `\`node -e 'require("ts-morph")'\`: ${milliseconds(floor)} CPU (${milliseconds(medianOf(costs, "ts-morph", "wallMs"))} wall)`,
        ratio: ratio(full / floor),
        target: "≤ 1.3×",
        met: full / floor <= 1.3,
        whenMissed: `above the ts-morph require, a full generate loads and checks the registry and its six locale files (js-yaml, the JSON Schema's validators, the model), prints the TypeScript module, and renders the Markdown pages, code maps and catalogs of eight locales; codebook itself runs from one bundled CommonJS file, whose compiled code the compile cache keeps as it keeps ts-morph's (see "The compile cache" and "Where the time goes" below). ${profile.gist}`,
      },
    ],
    details: [
      compileCacheTable(costs, runs),
      phaseTable(context, "default registry", path.join(context.repoRoot, "schema", "close-codes.yaml")),
      ...profile.tables,
    ],
  };
}

/** Stage timings from the public API, medians over a few fresh processes. */
export function phaseTable(context: BenchContext, label: string, registry: string): DetailTable {
  const runs = context.quick ? 1 : 3;
  const samples = Array.from(
    { length: runs },
    () =>
      JSON.parse(runForOutput([probe(context), "phases", registry, path.join(context.scratch, "phases")], context.scratch)) as Record<
        string,
        number
      >,
  );
  const names = Object.keys(samples[0]!);
  return {
    title: `Where the time goes: ${label}`,
    note: `In one process through the public API (\`loadRegistry\`, then \`renderRegistry\` target by target), median of ${runs}. Node start-up and writing the files are not included.`,
    header: ["Stage", "Time"],
    rows: names.map((name) => [name, milliseconds(median(samples.map((sample) => sample[name]!)))]),
  };
}
