import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";

const run = promisify(execFile);

/** A packed package: the tarball's path and the files it holds, relative to the package folder. */
export interface PackedTarball {
  readonly tarball: string;
  readonly files: readonly string[];
}

/** The output of a finished command. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for a nested npm, without what an outer `npm test` says about codebook itself
 * (`npm_package_*`, `npm_lifecycle_*`, `INIT_CWD`), which would otherwise leak into the inner run.
 */
export function cleanNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_|INIT_CWD$)/i.test(key)),
  );
}

/** Runs `npm ARGS` in `cwd`; rejects with npm's output when it fails. */
export async function npm(args: readonly string[], cwd: string): Promise<CommandOutput> {
  return run("npm", [...args], { cwd, env: cleanNpmEnv(), timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
}

/**
 * Packs the package in `folder` into `destination`, as `npm publish` would, but without lifecycle scripts:
 * `npm test` has built `dist/` already, and a second build per test file would only cost time.
 */
export async function packPackage(folder: string, destination: string): Promise<PackedTarball> {
  const { stdout } = await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", destination], folder);
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  return { tarball: path.join(destination, packed.filename), files: packed.files.map((file) => file.path).sort() };
}

/**
 * Makes `dir` an empty ES module project and installs `specs` (tarball paths) into it, the way a user would;
 * resolves with npm's output, so that a test can look for warnings in it.
 */
export async function installInto(dir: string, specs: readonly string[]): Promise<CommandOutput> {
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`);
  return npm(["install", "--prefer-offline", "--no-audit", "--no-fund", ...specs], dir);
}

/** Runs a dev-dependency CLI of this repository (`publint`, `attw`) by its bin name; resolves even when it fails. */
export async function runDevTool(name: string, args: readonly string[], cwd: string): Promise<CommandOutput & { code: number }> {
  const bin = path.join(repoRoot, "node_modules", ".bin", name);
  try {
    const { stdout, stderr } = await run(bin, [...args], { cwd, env: { ...cleanNpmEnv(), NO_COLOR: "1" }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout = "", stderr = "" } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === "number" ? code : 1, stdout, stderr };
  }
}
