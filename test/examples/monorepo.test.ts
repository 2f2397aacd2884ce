import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { manifestFiles } from "../helpers/manifest-files.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";

const run = promisify(execFile);
const EXAMPLE = path.join(repoRoot, "examples", "monorepo");

/** The environment for the example's npm, without what the outer `npm test` says about codebook itself. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|INIT_CWD$)/.test(key)));
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run("npm", [...args], { cwd, env: cleanEnv(), timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Starts the built server on a free loopback port; resolves with its URL and a way to stop it. */
async function startServer(root: string) {
  const child = spawn(process.execPath, [path.join(root, "apps/server/dist/main.js"), "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", () => reject(new Error(`the server exited:\n${output}`)));
  });
  const stop = async () => {
    child.kill("SIGTERM");
    return exited;
  };
  return { url, stop, output: () => output };
}

/**
 * `codebook inputs --json` in packages/codes lists what the manifests record, and packages/codes/turbo.json lists
 * the same files, those outside the package written from the root (`$TURBO_ROOT$/`).
 */
async function expectTurboListsInputs(root: string): Promise<void> {
  const codes = path.join(root, "packages/codes");
  const { stdout } = await run(process.execPath, [path.join(root, "node_modules/codebook/bin/codebook.js"), "inputs", "--json"], {
    cwd: codes,
  });
  const listed = JSON.parse(stdout) as { inputs: string[]; outputs: string[] };
  const recorded = await manifestFiles(codes, ["dist", "docs"]);
  expect(listed).toEqual({ inputs: recorded.inputs, outputs: recorded.files });
  const fromRoot = (file: string) =>
    file.startsWith("../") ? `$TURBO_ROOT$/${path.relative(root, path.resolve(codes, file)).split(path.sep).join("/")}` : file;
  const turbo = JSON.parse(await readFile(path.join(codes, "turbo.json"), "utf8")) as {
    tasks: { build: { inputs: string[]; outputs: string[] } };
  };
  expect({ inputs: [...turbo.tasks.build.inputs].sort(), outputs: [...turbo.tasks.build.outputs].sort() }).toEqual({
    inputs: listed.inputs.map(fromRoot).sort(),
    outputs: listed.outputs.map(fromRoot).sort(),
  });
}

const APP_CODES = ["SessionExpired", "RateLimited", "RemovedByModerator", "RoomClosed"];

describe("examples/monorepo", () => {
  it("installs and builds from scratch; the client receives each app close code, classifies it and shows it localized", {
    timeout: 240_000,
  }, async () => {
    const root = await tempDir("codebook-monorepo-");
    // A fresh clone: the files git tracks, and nothing else.
    const { stdout: tracked } = await run("git", ["ls-files", "-z", "."], { cwd: EXAMPLE });
    for (const file of tracked.split("\0").filter(Boolean)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await copyFile(path.join(EXAMPLE, file), path.join(root, file));
    }
    // The example depends on codebook by a relative path into this repository; from the copy, point at it directly.
    const manifestPath = path.join(root, "packages/codes/package.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.codebook).toBe("file:../../../..");
    manifest.devDependencies.codebook = `file:${repoRoot}`;
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], root);
    // The documented CI guard passes on the fresh clone, before any build.
    expect(await npm(["run", "check"], root)).toContain("the config and its registries are valid");
    await npm(["run", "build"], root);
    expect((await readdir(path.join(root, "packages/codes/dist"))).sort()).toEqual([
      ".codebook-manifest.json",
      "app-close-codes.d.ts",
      "app-close-codes.d.ts.map",
      "app-close-codes.js",
      "app-close-codes.json",
    ]);
    await expectTurboListsInputs(root);
    expect(await readFile(path.join(root, "packages/codes/docs/app-close-codes.md"), "utf8")).toContain("4003");
    const check = await npm(["run", "check"], root);
    expect(check).toContain("app-close-codes.yaml: 2 locales, 8 texts each (source locale en)");
    expect(check).toContain("node_modules/codebook/schema/close-codes.yaml (extended by app-close-codes.yaml): 2 locales, 33 texts each");
    // The outputs hold the two locales the registry keeps.
    expect((await readdir(path.join(root, "packages/codes/docs"))).sort()).toEqual([
      ".codebook-manifest.json",
      "app-close-codes.de.md",
      "app-close-codes.map.de.svg",
      "app-close-codes.map.svg",
      "app-close-codes.md",
    ]);

    const server = await startServer(root);
    try {
      const client = async (locale: string) => {
        const { stdout } = await run(process.execPath, [
          path.join(root, "apps/client/dist/main.js"),
          server.url,
          "--locale",
          locale,
          ...APP_CODES,
          "GoingAway",
        ]);
        return stdout.trimEnd().split("\n");
      };
      expect(await client("en")).toEqual([
        "4001 SessionExpired (app, sign-in): Your session has expired; sign in again.",
        "4002 RateLimited (app, reconnect): Too many messages in a short time; the connection will be retried shortly.",
        "4003 RemovedByModerator (app, stay-away): A moderator removed you from this room.",
        "4004 RoomClosed (app, stay-away): The room has been closed.",
        // A scenario the server does not know: it closes with a standard code, which the client knows too.
        "1008 PolicyViolation (standard, stay-away): Policy violation; the endpoint received a message that violates its policy. A generic code for when no more specific code, such as 1003 or 1009, fits.",
      ]);
      const german = await client("de-AT");
      expect(german.slice(0, 4)).toEqual([
        "4001 SessionExpired (app, sign-in): Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.",
        "4002 RateLimited (app, reconnect): Zu viele Nachrichten in kurzer Zeit; die Verbindung wird gleich erneut aufgebaut.",
        "4003 RemovedByModerator (app, stay-away): Ein Moderator hat Sie aus diesem Raum entfernt.",
        "4004 RoomClosed (app, stay-away): Der Raum wurde geschlossen.",
      ]);
      expect(german[4]).toMatch(/^1008 PolicyViolation \(standard, stay-away\): Richtlinienverstoß/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain("server stopped");

    // The guard fails when an app text lacks its German translation.
    const registryPath = path.join(root, "packages/codes/app-close-codes.yaml");
    const registry = await readFile(registryPath, "utf8");
    await writeFile(registryPath, registry.replace("      de: Der Raum wurde geschlossen.\n", ""));
    const failed = await npm(["run", "check"], root).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/app-close-codes\.yaml:\d+:\d+: error: .*"de"/);
  });
});
