import { execFile } from "node:child_process";
import { copyFile, mkdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const run = promisify(execFile);
const built = path.join(repoRoot, "dist", "generator");

/**
 * A package of its own in a temporary folder: package.json, schema/, templates/ and the two built modules the
 * stamp needs, as `npm run build` leaves them, every file dated `at`.
 */
async function copiedPackage(at: Date) {
  const root = await tempDir();
  await writeTree(root, {
    "package.json": '{ "name": "codebook", "version": "0.0.0" }\n',
    "schema/registry.schema.json": "{}\n",
    "templates/page.md": "# {{ title }}\n",
    "dist/generator/index.js": "export {};\n",
  });
  for (const module of ["load/package-root.js", "write/generator-stamp.js"]) {
    await mkdir(path.dirname(path.join(root, "dist/generator", module)), { recursive: true });
    await copyFile(path.join(built, module), path.join(root, "dist/generator", module));
  }
  await run(process.execPath, [path.join(repoRoot, "scripts", "stamp-build.mjs"), root]);
  const files = ["package.json", "schema/registry.schema.json", "templates/page.md", "dist/generator/index.js"];
  for (const file of [...files, "dist/generator/load/package-root.js", "dist/generator/write/generator-stamp.js"]) {
    await utimes(path.join(root, file), at, at);
  }
  const stampFile = path.join(root, "dist/generator/build-stamp.txt");
  await utimes(stampFile, at, at);
  /** What the copied build answers for the newest of codebook's own files, in a fresh process. */
  const newest = async () => {
    const module = pathToFileURL(path.join(root, "dist/generator/write/generator-stamp.js")).href;
    const script = `const { newestGeneratorFileTime } = await import(${JSON.stringify(module)}); console.log(newestGeneratorFileTime());`;
    return Number((await run(process.execPath, ["--input-type=module", "-e", script])).stdout);
  };
  return { root, stampFile, newest };
}

const seconds = (date: Date): number => date.getTime();

describe("the build stamp stands for the newest file of the build", () => {
  it("is written by the build's last step, after every other file", async () => {
    const root = await tempDir();
    await writeTree(root, { "dist/generator/load/package-root.js": "export {};\n" });
    const before = (await stat(path.join(root, "dist/generator/load/package-root.js"))).mtimeMs;
    await run(process.execPath, [path.join(repoRoot, "scripts", "stamp-build.mjs"), root]);
    expect((await stat(path.join(root, "dist/generator/build-stamp.txt"))).mtimeMs).toBeGreaterThanOrEqual(before);
  });

  it("gives the stamp's time while the build is as the build left it", async () => {
    const at = new Date("2020-01-01T00:00:00Z");
    const { stampFile, newest } = await copiedPackage(at);
    const later = new Date("2021-01-01T00:00:00Z");
    await utimes(stampFile, later, later);
    expect(await newest()).toBe(seconds(later));
  });

  it.each([
    { change: "a template", file: "templates/page.md" },
    { change: "a schema", file: "schema/registry.schema.json" },
  ])("still sees $change edited after the build", async ({ file }) => {
    const at = new Date("2020-01-01T00:00:00Z");
    const { root, newest } = await copiedPackage(at);
    const edited = new Date("2022-01-01T00:00:00Z");
    await utimes(path.join(root, file), edited, edited);
    expect(await newest()).toBe(seconds(edited));
  });

  it("walks every file of the code when the code was compiled again after the stamp", async () => {
    const at = new Date("2020-01-01T00:00:00Z");
    const { root, newest } = await copiedPackage(at);
    const recompiled = new Date("2023-01-01T00:00:00Z");
    const newer = new Date("2024-01-01T00:00:00Z");
    await utimes(path.join(root, "dist/generator/write/generator-stamp.js"), recompiled, recompiled);
    await utimes(path.join(root, "dist/generator/index.js"), newer, newer);
    expect(await newest()).toBe(seconds(newer));
  });

  it("walks every file of the code when there is no stamp (codebook run from its source)", async () => {
    const at = new Date("2020-01-01T00:00:00Z");
    const { root, stampFile, newest } = await copiedPackage(at);
    await rm(stampFile);
    const newer = new Date("2024-01-01T00:00:00Z");
    await utimes(path.join(root, "dist/generator/index.js"), newer, newer);
    expect(await newest()).toBe(seconds(newer));
  });

  it("is shipped: the build in this repository has its stamp, not older than any of its files", async () => {
    const stampTime = (await stat(path.join(built, "build-stamp.txt"))).mtimeMs;
    expect(stampTime).toBeGreaterThanOrEqual((await stat(path.join(built, "write", "generator-stamp.js"))).mtimeMs);
    expect(stampTime).toBeGreaterThanOrEqual((await stat(path.join(built, "cli.js"))).mtimeMs);
  });
});
