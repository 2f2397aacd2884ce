import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashContents } from "../../generator/write/hash.js";
import { MANIFEST_FILE } from "../../generator/write/manifest.js";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const filesOf = (id: string): string[] => [`${id}.json`, `${id}.map.svg`, `${id}.md`, `${id}.ts`];

async function project() {
  const dir = await tempDir();
  await writeTree(dir, { "a.yaml": demoRegistry({ id: "a" }), "b.yaml": demoRegistry({ id: "b" }) });
  const run = (command: string, ...registries: string[]) => runCli([command, ...registries, "--out", "gen"], dir);
  const listing = async () =>
    (await readdir(path.join(dir, "gen"))).filter((name) => !["formatjs", "gettext", "i18next"].includes(name)).sort();
  return { dir, run, listing };
}

describe("A run removes only what its own registries stopped producing", () => {
  it("keep each other's outputs: a run removes only what its own registries stopped producing", async () => {
    const { dir, run, listing } = await project();
    expect((await run("generate", "a.yaml")).code).toBe(0);
    const second = await run("generate", "b.yaml");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/^removed/m);
    expect(await listing()).toEqual([MANIFEST_FILE, ...filesOf("a"), ...filesOf("b")].sort());
    // Each run's folder is current for it, and the next build of each takes the fast path.
    expect((await run("check", "a.yaml")).code).toBe(0);
    expect((await run("check", "b.yaml")).code).toBe(0);
    expect((await run("generate", "a.yaml")).stdout).toBe("codebook: gen up to date");
    expect((await run("generate", "b.yaml")).stdout).toBe("codebook: gen up to date");

    // When a's id changes, a's old files go; b's stay.
    await writeFile(path.join(dir, "a.yaml"), demoRegistry({ id: "a2" }));
    const renamed = await run("generate", "a.yaml");
    expect(renamed.stdout.split("\n").filter((line) => line.startsWith("removed")).length).toBe(8);
    expect(await listing()).toEqual([MANIFEST_FILE, ...filesOf("a2"), ...filesOf("b")].sort());
    expect((await run("check", "b.yaml")).code).toBe(0);
  });

  it("clean up after a registry that no longer exists: it produces nothing", async () => {
    const { dir, run, listing } = await project();
    expect((await run("generate", "a.yaml")).code).toBe(0);
    expect((await run("generate", "b.yaml")).code).toBe(0);
    await rm(path.join(dir, "a.yaml"));
    const after = await run("generate", "b.yaml");
    expect(after.code, after.stderr).toBe(0);
    expect(await listing()).toEqual([MANIFEST_FILE, ...filesOf("b")].sort());
  });

  it("read a manifest of format 1 safely: its files are removed only by a run of every registry it names", async () => {
    const { dir, run, listing } = await project();
    expect((await run("generate", "a.yaml", "b.yaml")).code).toBe(0);
    // What codebook 0.1.0 wrote: one list of files for the folder, not attributed to a registry.
    const generated = (await readdir(path.join(dir, "gen"), { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && entry.name !== MANIFEST_FILE,
    );
    const files = Object.fromEntries(
      await Promise.all(
        generated.map(async (entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return [path.relative(path.join(dir, "gen"), file).split(path.sep).join("/"), hashContents(await readFile(file))] as const;
        }),
      ),
    );
    const options = { emit: "ts", enums: true, module: "esm", targets: ["ts", "json", "md", "i18next", "formatjs", "gettext"] };
    const legacy = {
      format: 1,
      generator: "codebook 0.1.0",
      options: [{ ...options, registries: ["../a.yaml", "../b.yaml"] }],
      inputs: {},
      files,
    };
    await writeFile(path.join(dir, "gen", MANIFEST_FILE), `${JSON.stringify(legacy, null, 2)}\n`);

    await writeFile(path.join(dir, "b.yaml"), demoRegistry({ id: "b2" }));
    const partial = await run("generate", "a.yaml");
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.stdout).not.toMatch(/^removed/m);
    expect(await listing()).toEqual([MANIFEST_FILE, ...filesOf("a"), ...filesOf("b")].sort());

    await writeFile(path.join(dir, "gen", MANIFEST_FILE), `${JSON.stringify(legacy, null, 2)}\n`);
    const whole = await run("generate", "a.yaml", "b.yaml");
    expect(whole.code, whole.stderr).toBe(0);
    expect(await listing()).toEqual([MANIFEST_FILE, ...filesOf("a"), ...filesOf("b2")].sort());
    expect(JSON.parse(await readFile(path.join(dir, "gen", MANIFEST_FILE), "utf8"))).toMatchObject({ format: 2 });
  });
});
