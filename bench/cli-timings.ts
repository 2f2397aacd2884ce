import { rmSync } from "node:fs";
import path from "node:path";
import { measureInterleaved, median, medianOf, runForOutput, type TimedCommand, timeInterleaved } from "./process-timing.js";
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
  return {
    summary: [
      {
        measure: "(a) no-op `codebook generate`, default registry",
        codebook: milliseconds(noOp),
        baseline: `\`node -e 0\`: ${milliseconds(node)}`,
        ratio: ratio(noOp / node),
        target: "≤ 1.2×",
        met: noOp / node <= 1.2,
        whenMissed:
          "a no-op generate reads the output folder's manifest and hashes the inputs and outputs, and loads neither ts-morph, nor yaml, nor ajv; what it costs beyond Node's start-up is loading the CLI's own modules and that hashing. See \"Start-up\" below for what the module graph costs; under load the ratio rises, because the fixed cost grows with the load while `node -e 0` barely does.",
      },
    ],
    details: [],
  };
}

/** (b) A full generate of the default registry (every target), in CPU time, against a process that only requires ts-morph. */
export function measureFullDefault(context: BenchContext): SectionResult {
  const runs = context.quick ? 4 : 12;
  context.log(`(b) full generate vs require("ts-morph"), CPU time, ${runs} runs`);
  const requireTsMorph: TimedCommand = { label: "ts-morph", args: ["-e", 'require("ts-morph")'], cwd: context.repoRoot };
  const generate = fullGenerate(context, "generate", [], path.join(context.scratch, "full-default"));
  const costs = measureInterleaved([requireTsMorph, generate], runs, 1);
  const floor = medianOf(costs, "ts-morph", "cpuMs");
  const full = medianOf(costs, "generate", "cpuMs");
  return {
    summary: [
      {
        measure: "(b) full `codebook generate`, default registry (8 locales), all targets, CPU time",
        codebook: `${milliseconds(full)} CPU (${milliseconds(medianOf(costs, "generate", "wallMs"))} wall)`,
        baseline: `\`node -e 'require("ts-morph")'\`: ${milliseconds(floor)} CPU (${milliseconds(medianOf(costs, "ts-morph", "wallMs"))} wall)`,
        ratio: ratio(full / floor),
        target: "≤ 1.3×",
        met: full / floor <= 1.3,
        whenMissed:
          'see "Where the time goes: default registry" below for the stages above the ts-morph require: loading and checking the registry with its six locale files, the TypeScript module, and the Markdown pages in eight locales.',
      },
    ],
    details: [phaseTable(context, "default registry", path.join(context.repoRoot, "schema", "close-codes.yaml"))],
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
