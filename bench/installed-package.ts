import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The environment for a nested npm, without what the outer `npm run bench` says about codebook itself. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|INIT_CWD$)/.test(key)));
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync("npm", args, {
    cwd,
    env: cleanEnv(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Packs codebook as built (`npm run bench` builds first) and installs the tarball into a fresh ES module project
 * under `scratch`, as a user does; resolves with the project's folder, whose node_modules holds codebook.
 */
export function installPackedCodebook(repoRoot: string, scratch: string): string {
  const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], repoRoot)) as {
    filename: string;
  }[];
  const project = path.join(scratch, "installed");
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module" }, null, 2)}\n`);
  npm(["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(scratch, packed!.filename)], project);
  return project;
}
