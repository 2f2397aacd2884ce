import { execFile, execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { bigRegistry } from "../helpers/big-registry.js";
import { runCli } from "../helpers/cli.js";
import { cliPath } from "../helpers/paths.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const README = "# Codes\n\n<!-- codebook:start demo codes -->\n<!-- codebook:end demo -->\n";

/** Every file below `folder` with its contents: what a failed run must leave exactly as it was. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = entry.isFile() ? await readFile(file, "utf8") : "(folder)";
  }
  return files;
}

/**
 * A project generated once into `out` (with an injected README), whose registry then changes: the next generate
 * has every output to rewrite, and must rewrite none of them when one write fails.
 */
async function generatedProject(root: string, outDir = "out") {
  await writeTree(root, { "codes.yaml": demoRegistry(), "README.md": README });
  const args = ["generate", "codes.yaml", "--out", outDir, "--inject", "README.md"];
  expect((await runCli(args, root)).code).toBe(0);
  await writeFile(path.join(root, "codes.yaml"), demoRegistry().replace("The first code.", "The very first code."));
  return args;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The one line a failed write prints: no stack trace. */
function expectCannotWrite(run: { code: number; stderr: string }, file: string, reason: string): void {
  expect(run.stderr).toBe(`codebook: cannot write ${file}: ${reason}`);
  expect(run.code).toBe(1);
}

describe("A failing run changes nothing it can avoid, and says why in one line: a write the file system refuses", () => {
  it("EISDIR: a folder where a generated file goes is reported, and nothing is changed", async () => {
    const root = await tempDir();
    const args = await generatedProject(root);
    await rm(path.join(root, "out", "demo.md"));
    await mkdir(path.join(root, "out", "demo.md"));
    const before = await snapshot(root);
    expectCannotWrite(await runCli(args, root), "out/demo.md", "it is a folder, not a file");
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([
    { where: "--out", obstacle: "out", reason: "it is a file, not a folder" },
    { where: "a subfolder of --out", obstacle: "out/i18next", reason: "it is a file where a folder of generated files goes" },
  ])("ENOTDIR: a file where $where should be is reported, and nothing is changed", async ({ obstacle, reason }) => {
    const root = await tempDir();
    const args = await generatedProject(root);
    await rm(path.join(root, obstacle), { recursive: true });
    await writeFile(path.join(root, obstacle), "a file\n");
    const before = await snapshot(root);
    expectCannotWrite(await runCli(args, root), obstacle, reason);
    expect(await snapshot(root)).toEqual(before);
  });
});

/** Mounts a tmpfs at a new folder; the reason when this machine does not allow it. */
function mountTmpfs(options: string): { folder: string } | { refused: string } {
  const folder = execFileSync("mktemp", ["-d", path.join(tmpdir(), "codebook-mount-XXXXXX")], { encoding: "utf8" }).trim();
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder], { stdio: "pipe" });
    return { folder };
  } catch (error) {
    return { refused: `mount -t tmpfs was refused here (${String((error as { stderr?: unknown }).stderr ?? error).trim()})` };
  }
}

const mounts: string[] = [];
afterAll(async () => {
  for (const folder of mounts) {
    execFileSync("umount", [folder]);
    await rm(folder, { recursive: true, force: true });
  }
});

const small = mountTmpfs("size=256k,mode=0755");
const readOnly = mountTmpfs("size=1m,mode=0755");
for (const mount of [small, readOnly]) if ("folder" in mount) mounts.push(mount.folder);
// Without the right to mount (an unprivileged container), these file systems cannot be made: say why.
const unmountable = "refused" in small ? small.refused : "refused" in readOnly ? readOnly.refused : undefined;

describe.skipIf(unmountable !== undefined)(
  `A failing run changes nothing it can avoid, and says why in one line: a full or read-only file system${unmountable === undefined ? "" : ` (skipped: ${unmountable})`}`,
  () => {
    it("ENOSPC: a full disk is reported; every output, the manifest and the injected file stay as they were", async () => {
      const mount = (small as { folder: string }).folder;
      const root = await tempDir();
      const out = path.join(mount, "out");
      await writeTree(root, { "big.yaml": bigRegistry("old", 3), "README.md": README.replace(/demo/g, "big") });
      const args = ["generate", "big.yaml", "--out", out, "--inject", "README.md"];
      expect((await runCli(args, root)).code).toBe(0);
      // The new outputs are larger than the file system: the first ones fit, a later one does not.
      await writeFile(path.join(root, "big.yaml"), bigRegistry("new", 600));
      const before = { project: await snapshot(root), mount: await snapshot(mount) };
      const run = await runCli(args, root);
      expect(run.stderr).toMatch(
        new RegExp(`^codebook: cannot write ${escapeRegExp(path.relative(root, out))}/[^:]+: no space left on the device$`),
      );
      expect(run.code).toBe(1);
      expect({ project: await snapshot(root), mount: await snapshot(mount) }).toEqual(before);
    });

    it("EROFS: a read-only file system is reported, and the injected file outside it is not written first", async () => {
      const mount = (readOnly as { folder: string }).folder;
      const root = await tempDir();
      const args = await generatedProject(root, path.join(mount, "out"));
      execFileSync("mount", ["-o", "remount,ro", mount]);
      try {
        const before = { project: await snapshot(root), mount: await snapshot(mount) };
        const run = await runCli(args, root);
        expect(run.stderr).toMatch(
          new RegExp(
            `^codebook: cannot write ${escapeRegExp(path.relative(root, path.join(mount, "out")))}/demo\\.[a-z]+: the file system is read-only$`,
          ),
        );
        expect(run.code).toBe(1);
        expect({ project: await snapshot(root), mount: await snapshot(mount) }).toEqual(before);
      } finally {
        execFileSync("mount", ["-o", "remount,rw", mount]);
      }
    });

    it("EROFS: codebook init in a read-only folder says so in one line and leaves no file", async () => {
      const mount = (readOnly as { folder: string }).folder;
      const project = path.join(mount, "init");
      await mkdir(project);
      execFileSync("mount", ["-o", "remount,ro", mount]);
      try {
        expectCannotWrite(await runCli(["init"], project), "app-errors.yaml", "the file system is read-only");
        expect(await readdir(project)).toEqual([]);
      } finally {
        execFileSync("mount", ["-o", "remount,rw", mount]);
      }
    });
  },
);

const run = promisify(execFile);
// Root may write anywhere: run as root, the CLI runs without the capabilities that bypass file permissions, so that
// a folder's mode refuses it as it refuses a user (and the checkout may sit in a folder only its owner can enter).
const withPermissionChecks = process.getuid?.() === 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];

describe("A failing run changes nothing it can avoid, and says why in one line: a write without permission", () => {
  it("EACCES: an output folder the user may not write is reported, and the injected file is not written first", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "codebook-eacces-"));
    try {
      await writeTree(root, { "codes.yaml": demoRegistry(), "README.md": README, "out/.keep": "" });
      // The project and its README are the user's to write; `out` is not.
      await chmod(path.join(root, "out"), 0o555);
      const before = await snapshot(root);
      const [command, ...rest] = [
        ...withPermissionChecks,
        process.execPath,
        cliPath,
        "generate",
        "codes.yaml",
        "--out",
        "out",
        "--inject",
        "README.md",
      ];
      const result = await run(command!, rest, { cwd: root }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(result).toEqual({ code: 1, stderr: "codebook: cannot write out/demo.ts: permission denied\n" });
      expect(await snapshot(root)).toEqual(before);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
