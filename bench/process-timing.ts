import { spawnSync } from "node:child_process";

/** One command timed as a whole process: `node ARGS` in `cwd`. */
export interface TimedCommand {
  readonly label: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Runs before every start, outside the timing (for example, removing the previous run's output). */
  readonly prepare?: () => void;
}

/** Wall-clock durations of every run, in milliseconds, by command label. */
export type Timings = ReadonlyMap<string, readonly number[]>;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function runOnce(command: TimedCommand): number {
  command.prepare?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, { cwd: command.cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command.label}: node ${command.args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
  }
  return elapsed;
}

/**
 * Times whole-process runs of several commands, interleaved (A B C A B C ...) so that a slow spell of the
 * machine hits every command alike and their ratio stays fair. `warmup` rounds fill the file cache first.
 */
export function timeInterleaved(commands: readonly TimedCommand[], runs: number, warmup = 1): Timings {
  const timings = new Map<string, number[]>(commands.map((command) => [command.label, []]));
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const command of commands) {
      const elapsed = runOnce(command);
      if (round >= warmup) timings.get(command.label)!.push(elapsed);
    }
  }
  return timings;
}

/** Runs `node ARGS` once and returns its standard output (for helpers that report JSON). */
export function runForOutput(args: readonly string[], cwd: string): string {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
  return result.stdout;
}
