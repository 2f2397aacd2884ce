import { execFile } from "node:child_process";
import { main } from "../../generator/cli.js";
import { cliPath } from "./paths.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process (from source) in `cwd`. */
export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), cwd });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** Extra settings for a spawned CLI: node's own flags and environment variables. */
export interface SpawnOptions {
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the built CLI as a real process, for exit codes, streams and signals. */
export function spawnCli(args: readonly string[], cwd: string, options: SpawnOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...options.env };
    execFile(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], { cwd, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
