import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { repoRoot } from "../helpers/paths.js";
import { installInto, packPackage } from "../helpers/tarball.js";
import { tempDirForFile } from "../helpers/temp.js";

const run = promisify(execFile);

/** The bundlers, at versions that run on Node 20.19 (and accept the plugin's optional peers). */
const BUNDLERS = ["esbuild@0.28.2", "rollup@4.68.8", "vite@8.3.8", "webpack@5.112.2"];

const registry = (broken: string) => `id: app-codes
type: AppCode
title: { en: App codes, de: App-Codes }
description: { en: Codes the app reports., de: Codes der App. }
unknown: { en: Unknown code., de: Unbekannter Code. }
locales: [en, de]
bounds: { min: 1, max: 999 }
codes:
  - code: 1
    name: Ok
    description: { en: Everything went fine., de: Alles lief gut. }
  - code: 2
    name: ${broken}
    description: { en: Something broke., de: Etwas ist kaputt gegangen. }
`;

const config = (file: string) =>
  `${JSON.stringify({ registries: [{ registry: file, outDir: "src/generated", targets: ["ts"], emit: "js" }] })}\n`;

const MAIN = `import { isAppCode, describeAppCode } from "./generated/app-codes.js";
console.log(JSON.stringify([isAppCode(2), isAppCode(3), describeAppCode(2, "de")]));
`;

let project: string;

beforeAll(async () => {
  const scratch = await tempDirForFile("codebook-plugins-");
  const { tarball } = await packPackage(repoRoot, scratch);
  project = path.join(scratch, "project");
  await mkdir(path.join(project, "src"), { recursive: true });
  await installInto(project, [tarball, ...BUNDLERS]);
  for (const script of ["build.mjs", "watch.mjs"])
    await copyFile(path.join(repoRoot, "test", "plugins", "fixtures", script), path.join(project, script));
}, 300_000);

/** A project folder inside the installed one (so that it resolves its packages) with a registry and a config. */
/**
 * Saves a file as most editors do, through a temporary file renamed over it: a write in place can be read half-done
 * (empty) by a bundler's watcher, which then reports that instead of the edit's own outcome.
 */
async function save(file: string, contents: string): Promise<void> {
  await writeFile(`${file}.saving`, contents);
  await rename(`${file}.saving`, file);
}

async function app(name: string, codeName: string): Promise<string> {
  const dir = path.join(project, name);
  await mkdir(path.join(dir, "src"), { recursive: true });
  await save(path.join(dir, "codes.yaml"), registry(codeName));
  await writeFile(path.join(dir, "codebook.config.json"), config("codes.yaml"));
  await writeFile(path.join(dir, "src", "main.js"), MAIN);
  return dir;
}

interface BuildReport {
  readonly ok: boolean;
  readonly errors?: readonly { file?: string; line?: number; column?: number; message: string }[];
}

async function build(bundler: string, dir: string): Promise<BuildReport> {
  const { stdout } = await run(
    process.execPath,
    [path.join(project, "build.mjs"), bundler, "codebook.config.json", path.join(dir, "dist", "main.mjs")],
    { cwd: dir },
  );
  return JSON.parse(stdout) as BuildReport;
}

describe.each(["esbuild", "rollup", "vite", "webpack"])("codebook/%s", (bundler) => {
  it("generates at build start: the bundle holds the guard and the localized text", async () => {
    const dir = await app(`${bundler}-good`, "Broken");
    expect(await build(bundler, dir)).toEqual({ ok: true });
    const bundle = await readFile(path.join(dir, "dist", "main.mjs"), "utf8");
    expect(bundle).toContain("Etwas ist kaputt gegangen.");
    const { stdout } = await run(process.execPath, [path.join(dir, "dist", "main.mjs")]);
    expect(JSON.parse(stdout)).toEqual([true, false, "Etwas ist kaputt gegangen."]);
  }, 120_000);

  it("fails the build with the registry problem at its file and line", async () => {
    const dir = await app(`${bundler}-broken`, "broken");
    const report = await build(bundler, dir);
    expect(report.ok).toBe(false);
    // webpack goes on to report the generated module it cannot find; esbuild names files relative to its cwd.
    const error = report.errors?.find((item) => item.message.includes('codes.yaml:13:11: error: "broken" is not a valid name'));
    expect(error).toMatchObject({ line: 13, column: 10 });
    expect(path.resolve(dir, error?.file ?? "")).toBe(path.join(dir, "codes.yaml"));
  }, 120_000);
});

describe.each(["esbuild", "rollup", "webpack"])("codebook/%s in watch mode", (bundler) => {
  it("regenerates on an edit, fails the rebuild on an invalid edit keeping the output, and recovers", async () => {
    const dir = await app(`${bundler}-watch`, "Broken");
    const { stdout } = await run(process.execPath, [path.join(project, "watch.mjs"), bundler], { cwd: dir, timeout: 120_000 });
    const steps = JSON.parse(stdout) as { name: string; settled: boolean; edited: boolean; errors: string[] }[];
    expect(steps.map(({ name, settled, edited }) => ({ name, settled, edited }))).toEqual([
      { name: "edit", settled: true, edited: true },
      { name: "invalid", settled: true, edited: true },
      { name: "recover", settled: true, edited: false },
    ]);
    expect(steps[1]?.errors.join("\n")).toContain('codes.yaml:13:11: error: "broken" is not a valid name');
    expect(steps[2]?.errors).toEqual([]);
  }, 150_000);
});

/** A WebSocket client of the dev server's HMR channel, keeping every message. */
async function hmrClient(
  port: number,
  token: string,
): Promise<{ messages: { type: string; err?: { message: string; loc?: { file: string; line: number } } }[]; close: () => void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, "vite-hmr");
  const messages: { type: string }[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(data.toString()) as { type: string }));
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  return { messages, close: () => socket.close() };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("codebook/vite in the dev server", () => {
  it("regenerates on an edit, reports an invalid edit at its location and keeps the last good output", async () => {
    const dir = await app("vite-dev", "Broken");
    const { createServer } = (await import(
      pathToFileURL(path.join(project, "node_modules", "vite", "dist", "node", "index.js")).href
    )) as typeof import("vite");
    const { default: codebook } = (await import(
      pathToFileURL(path.join(project, "node_modules", "codebook", "dist", "generator", "plugins", "vite.js")).href
    )) as typeof import("../../generator/plugins/vite.js");
    const server = await createServer({
      root: dir,
      configFile: false,
      logLevel: "silent",
      plugins: [codebook()],
      server: { host: "127.0.0.1", port: 0 },
    });
    const generated = path.join(dir, "src", "generated", "app-codes.js");
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const client = await hmrClient(typeof address === "object" && address !== null ? address.port : 0, server.config.webSocketToken);
      expect(await readFile(generated, "utf8")).toContain("Etwas ist kaputt gegangen.");
      expect((await server.transformRequest("/src/generated/app-codes.js"))?.code).toContain("Etwas ist kaputt gegangen.");

      await save(path.join(dir, "codes.yaml"), registry("Broken").replace("Etwas ist kaputt gegangen.", "Etwas ging kaputt."));
      const edited = await until("the edit to be generated", async () => {
        const text = await readFile(generated, "utf8");
        return text.includes("Etwas ging kaputt.") ? text : undefined;
      });

      await save(path.join(dir, "codes.yaml"), registry("broken"));
      const error = await until("the error overlay", () => client.messages.find((message) => message.type === "error"));
      expect(error.err?.loc).toMatchObject({ file: path.join(dir, "codes.yaml"), line: 13 });
      expect(error.err?.message).toContain('codes.yaml:13:11: error: "broken" is not a valid name');
      expect(await readFile(generated, "utf8")).toBe(edited);

      await save(path.join(dir, "codes.yaml"), registry("Broken"));
      await until("the good save to be generated", async () =>
        (await readFile(generated, "utf8")).includes("Etwas ist kaputt gegangen.") ? true : undefined,
      );
      client.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
