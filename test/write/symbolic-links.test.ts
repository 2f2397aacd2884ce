import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashContents } from "../../generator/write/hash.js";
import { MANIFEST_FILE } from "../../generator/write/manifest.js";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** A project `work/` with a registry generated into `work/out`, and a folder `outside/` beside it. */
async function generatedProject() {
  const root = await tempDir();
  await writeTree(root, { "work/codes.yaml": demoRegistry(), "outside/victim.txt": "precious\n", "outside/sub/keep.txt": "mine\n" });
  const work = path.join(root, "work");
  const generate = (...args: string[]) => runCli(["generate", "codes.yaml", "--out", "out", ...args], work);
  expect((await generate()).code).toBe(0);
  return { root, work, out: path.join(work, "out"), generate };
}

/**
 * Adds `entries` (path → hash) to the manifest as files codebook wrote: in its own format (2) in the section of
 * `../codes.yaml`, or in the format 1 layout (one list for the folder) that older versions wrote.
 */
async function plantInManifest(out: string, entries: Readonly<Record<string, string>>, format: 1 | 2): Promise<void> {
  const file = path.join(out, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  const files = (
    manifest.format === 2
      ? (manifest.registries as Record<string, { files: Record<string, string> }>)["../codes.yaml"]!.files
      : manifest.files
  ) as Record<string, string>;
  Object.assign(files, entries);
  if (format === 1 && manifest.format === 2) {
    const section = (manifest.registries as Record<string, { options: Record<string, unknown>; inputs: Record<string, string> }>)[
      "../codes.yaml"
    ]!;
    await writeFile(
      file,
      JSON.stringify({
        format: 1,
        generator: manifest.generator,
        options: [{ ...section.options, registries: ["../codes.yaml"] }],
        inputs: section.inputs,
        files,
      }),
    );
  } else {
    await writeFile(file, JSON.stringify(manifest));
  }
}

describe("It removes only files its manifest proves it wrote, inside the real output folder", () => {
  it.each([
    { format: 1 as const, link: "link", to: "../../outside", listed: ["link/victim.txt", "link/sub/keep.txt"] },
    { format: 2 as const, link: "link", to: "../../outside", listed: ["link/victim.txt", "link/sub/keep.txt"] },
    // A committed `generated/up -> ..` would otherwise let a manifest delete the project's own files.
    { format: 2 as const, link: "up", to: "..", listed: ["up/codes.yaml"] },
  ])(
    "never removes a file through a symbolic link ($link -> $to), even when a format $format manifest lists it with its hash",
    async ({ format, link, to, listed }) => {
      const { root, work, out, generate } = await generatedProject();
      await symlink(to, path.join(out, link));
      // The hashes of the real files behind the link: the contents of a `package.json` or a registry are no secret.
      const hashes: Record<string, string> = {};
      for (const file of listed) hashes[file] = hashContents(await readFile(path.join(out, file)));
      await plantInManifest(out, hashes, format);
      const run = await generate("--force");
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(/removed/);
      expect(await readFile(path.join(root, "outside", "victim.txt"), "utf8")).toBe("precious\n");
      expect(await readFile(path.join(root, "outside", "sub", "keep.txt"), "utf8")).toBe("mine\n");
      expect(await readFile(path.join(work, "codes.yaml"), "utf8")).toBe(demoRegistry());
      expect((await lstat(path.join(out, link))).isSymbolicLink()).toBe(true);
      expect(await readlink(path.join(out, link))).toBe(to);
    },
  );
});

describe("It removes only files below the output folder, whatever paths its manifest lists", () => {
  it.each([
    { listed: "../../outside/victim.txt", file: ["outside", "victim.txt"] },
    { listed: "../codes.yaml", file: ["work", "codes.yaml"] },
    { listed: "./../codes.yaml", file: ["work", "codes.yaml"] },
  ])("never removes $listed, even when the manifest lists it with its hash, nor counts it as a current file", async ({ listed, file }) => {
    const { root, out, work, generate } = await generatedProject();
    const contents = await readFile(path.join(root, ...file), "utf8");
    await plantInManifest(out, { [listed]: hashContents(contents) }, 2);
    // Neither the no-op proof nor a check that renders takes a file outside the folder for one codebook wrote: the
    // manifest is stale (it lists a path generate never writes), and nothing outside is an orphan.
    const checked = await runCli(["check", "codes.yaml", "--out", "out"], work);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("out/.codebook-manifest.json: stale");
    expect(checked.stderr).not.toContain("orphaned");
    const run = await generate("--force");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/removed/);
    expect(await readFile(path.join(root, ...file), "utf8")).toBe(contents);
  });
});

describe("It sweeps up its own temporary files only inside the real output folder", () => {
  /** A temporary file as a killed run would leave it next to `name` (process 4194303: above Linux's highest pid). */
  const leftover = (name: string) => `.${name}.codebook-4194303-0123456789ab.tmp`;

  it.each([
    { listed: "../../outside/victim.txt", link: undefined },
    { listed: "link/victim.txt", link: "../../outside" },
  ])("leaves a temporary-looking file of $listed outside alone, whatever its manifest lists", async ({ listed, link }) => {
    const { root, out, generate } = await generatedProject();
    if (link !== undefined) await symlink(link, path.join(out, "link"));
    await plantInManifest(out, { [listed]: hashContents("precious\n") }, 2);
    await writeFile(path.join(root, "outside", leftover("victim.txt")), "someone else's\n");
    const [generated] = Object.keys(
      (JSON.parse(await readFile(path.join(out, MANIFEST_FILE), "utf8")) as { registries: Record<string, { files: object }> }).registries[
        "../codes.yaml"
      ]!.files,
    );
    // One inside, as a control: the sweep runs, and removes what a killed run of codebook left in the folder.
    await writeFile(path.join(out, leftover(generated!)), "partial\n");
    const run = await generate("--force");
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(path.join(root, "outside"))).toContain(leftover("victim.txt"));
    expect(await readdir(out)).not.toContain(leftover(generated!));
  });
});

describe("It writes only regular files it is about to own", () => {
  it("refuses to write into a subfolder that is a symbolic link, names it, and writes nothing at all", async () => {
    const root = await tempDir();
    await writeTree(root, { "work/codes.yaml": demoRegistry(), "elsewhere/.keep": "" });
    await mkdir(path.join(root, "work", "out"));
    await symlink("../../elsewhere", path.join(root, "work", "out", "i18next"));
    const run = await runCli(["generate", "codes.yaml", "--out", "out"], path.join(root, "work"));
    expect(run.stderr).toMatch(/^codebook: cannot write out\/i18next: it is a symbolic link inside the output folder/);
    expect(run.code).toBe(1);
    expect(await readdir(path.join(root, "elsewhere"))).toEqual([".keep"]);
    expect(await readdir(path.join(root, "work", "out"))).toEqual(["i18next"]);
  });

  it("refuses to replace a generated file that is a symbolic link, and leaves the link and its target as they were", async () => {
    const root = await tempDir();
    await writeTree(root, { "work/codes.yaml": demoRegistry(), "important.ts": "export const mine = 1;\n" });
    await mkdir(path.join(root, "work", "out"));
    await symlink("../../important.ts", path.join(root, "work", "out", "demo.ts"));
    const run = await runCli(["generate", "codes.yaml", "--out", "out"], path.join(root, "work"));
    expect(run.stderr).toMatch(/^codebook: cannot write out\/demo\.ts: it is a symbolic link inside the output folder/);
    expect(run.code).toBe(1);
    expect(await readFile(path.join(root, "important.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect((await lstat(path.join(root, "work", "out", "demo.ts"))).isSymbolicLink()).toBe(true);
  });

  it("follows a link in the output folder's own path: --out names the folder the user chose", async () => {
    const root = await tempDir();
    await writeTree(root, { "work/codes.yaml": demoRegistry(), "shared/generated/.keep": "" });
    await symlink("../shared/generated", path.join(root, "work", "out"));
    const run = await runCli(["generate", "codes.yaml", "--out", "out", "--quiet"], path.join(root, "work"));
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect((await readdir(path.join(root, "shared", "generated"))).sort()).toEqual([
      ".codebook-manifest.json",
      ".keep",
      "demo.json",
      "demo.map.svg",
      "demo.md",
      "demo.ts",
      "formatjs",
      "gettext",
      "i18next",
    ]);
    expect((await runCli(["check", "codes.yaml", "--out", "out"], path.join(root, "work"))).code).toBe(0);
  });
});
