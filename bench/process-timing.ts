import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One command timed as a whole process: `node ARGS` in `cwd`. */
export interface TimedCommand {
  readonly label: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Runs before every start, outside the timing (for example, removing the previous run's output). */
  readonly prepare?: () => void;
  /** Environment variables set for the process, over the benchmark's own. */
  readonly env?: Readonly<Record<string, string>>;
}

/** What one whole-process run cost. */
export interface RunCost {
  /** Wall-clock time, from spawning to exit. */
  readonly wallMs: number;
  /** CPU time of the process (user + system): what the machine's load changes least. */
  readonly cpuMs: number;
  readonly maxRssBytes: number;
}

/** Wall-clock durations of every run, in milliseconds, by command label. */
export type Timings = ReadonlyMap<string, readonly number[]>;

/** Every run's cost, by command label. */
export type Costs = ReadonlyMap<string, readonly RunCost[]>;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const usagePreload = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "process-usage.js")).href;

/**
 * Runs `command` once. With `usage`, through the preload (bench/process-usage.ts) that reports CPU time and peak
 * RSS, which costs both sides of a ratio alike; without, CPU time and RSS are NaN and nothing is added to the
 * process (what a wall-clock ratio against `node -e 0` needs).
 */
export function runMeasured(command: TimedCommand, usage = true): RunCost {
  command.prepare?.();
  if (!usage) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command.args, {
      cwd: command.cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...command.env },
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0)
      throw new Error(`${command.label}: node ${command.args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
    return { wallMs, cpuMs: Number.NaN, maxRssBytes: Number.NaN };
  }
  const folder = mkdtempSync(path.join(tmpdir(), "codebook-usage-"));
  const usageFile = path.join(folder, "usage.json");
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["--import", usagePreload, ...command.args], {
      cwd: command.cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...command.env, CODEBOOK_BENCH_USAGE_FILE: usageFile },
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0)
      throw new Error(`${command.label}: node ${command.args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssBytes: number; cpuMs: number };
    return { wallMs, ...usage };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs several commands, interleaved (A B C A B C ...) so that a slow spell of the machine hits every command
 * alike and their ratio stays fair; each run's wall-clock time, CPU time and peak RSS. `warmup` rounds fill the
 * file cache first.
 */
export function measureInterleaved(commands: readonly TimedCommand[], runs: number, warmup = 1, usage = true): Costs {
  const costs = new Map<string, RunCost[]>(commands.map((command) => [command.label, []]));
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const command of commands) {
      const cost = runMeasured(command, usage);
      if (round >= warmup) costs.get(command.label)!.push(cost);
    }
  }
  return costs;
}

/** {@link measureInterleaved}, wall-clock times only, with nothing preloaded into the processes. */
export function timeInterleaved(commands: readonly TimedCommand[], runs: number, warmup = 1): Timings {
  const costs = measureInterleaved(commands, runs, warmup, false);
  return new Map([...costs].map(([label, runs]) => [label, runs.map((run) => run.wallMs)]));
}

/** The median of one figure over a command's runs. */
export function medianOf(costs: Costs, label: string, figure: keyof RunCost): number {
  return median(costs.get(label)!.map((cost) => cost[figure]));
}

/** Runs `node ARGS` once and returns its standard output (for helpers that report JSON). */
export function runForOutput(args: readonly string[], cwd: string): string {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
  return result.stdout;
}
