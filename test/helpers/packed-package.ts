import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The environment for a nested npm, without what an outer `npm test` says about codebook itself. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|INIT_CWD$)/.test(key)));
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run("npm", [...args], { cwd, env: cleanEnv(), timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * `npm pack` of the package in `packageDir` into `destination`; resolves with the tarball's path. Scripts do not
 * run: the package is packed as built (`npm test` builds first).
 */
export async function packPackage(packageDir: string, destination: string): Promise<string> {
  const stdout = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", destination], packageDir);
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return path.join(destination, packed!.filename);
}

/** Installs `tarball` into `projectDir`, a fresh ES module project, as a user does (from npm's cache when it can). */
export async function installTarball(tarball: string, projectDir: string): Promise<void> {
  await writeFile(path.join(projectDir, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module" }, null, 2)}\n`);
  await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], projectDir);
}
