import { spawn } from "node:child_process";
import { chmod, lstat, readdir, readFile, readlink, stat, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** The row of code 1 of the demo registry in an injected codes table, its cells padded to their columns. */
const CODE_ONE_ROW = /\| (?:<a id="[^"]*"><\/a>)?1 +\| (?:One|\[One\]\([^)]*\)) +\| active +\| The first code\. +\|/;

/** A Markdown file with one region for the demo registry's codes table. */
const README = "# Codes\n\n<!-- codebook:start demo codes -->\n<!-- codebook:end demo -->\n\nThe end.\n";

const REGISTRY = `id: demo
type: Demo
title: { en: Demo codes }
locales: [en, fr]
codes:
  - { code: 1, name: First, description: { en: The first code. } }
  - { code: 2, name: Second, description: { en: The second code. } }
`;
const FRENCH = "# Reviewed.\nlocale: fr\ntitle: Codes de démo\ncodes:\n  First: Le premier code.\n  Second: Le deuxième code.\n";

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o7777;

/** The process id of a process that has exited (so no longer runs). */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("exit", () => resolve(child.pid!));
  });
}

describe("Files you own keep their links, modes, line ends and byte-order mark: an injected Markdown file", () => {
  it("that is a symbolic link stays a link: the file it points to gets the tables", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry(), "docs/README.md": README });
    await symlink("docs/README.md", path.join(dir, "README.md"));
    const run = await runCli(["generate", "codes.yaml", "--out", "out", "--inject", "README.md"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(path.join(dir, "README.md"))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(dir, "README.md"))).toBe("docs/README.md");
    expect(await readFile(path.join(dir, "docs", "README.md"), "utf8")).toMatch(CODE_ONE_ROW);
    expect((await runCli(["check", "codes.yaml", "--out", "out", "--inject", "README.md"], dir)).code).toBe(0);
  });

  it.each(["600", "755", "640"])("keeps its mode (%s)", async (octal) => {
    const mode = Number.parseInt(octal, 8);
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry(), "README.md": README });
    await chmod(path.join(dir, "README.md"), mode);
    const run = await runCli(["generate", "codes.yaml", "--out", "out", "--inject", "README.md"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, "README.md"), "utf8")).toMatch(CODE_ONE_ROW);
    expect((await modeOf(path.join(dir, "README.md"))).toString(8)).toBe(mode.toString(8));
  });

  it.each(["a\\b.md", "C:notes.md", "c:\\docs.md"])("may have any legal POSIX name (%j)", async (name) => {
    const dir = await tempDir();
    await writeTree(dir, { "codes.yaml": demoRegistry(), [name]: README });
    const run = await runCli(["generate", "codes.yaml", "--out", "out", "--inject", name], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await readFile(path.join(dir, name), "utf8")).toMatch(CODE_ONE_ROW);
    expect((await runCli(["check", "codes.yaml", "--out", "out", "--inject", name], dir)).code).toBe(0);
  });
});

describe("Files you own keep their links, modes, line ends and byte-order mark: a locale file stamped by codebook i18n --stamp", () => {
  it.each([
    { form: "LF", text: FRENCH },
    { form: "CRLF line ends", text: FRENCH.replace(/\n/g, "\r\n") },
    { form: "a byte-order mark", text: `\uFEFF${FRENCH}` },
    { form: "a byte-order mark and CRLF line ends", text: `\uFEFF${FRENCH.replace(/\n/g, "\r\n")}` },
  ])("writes the locale file back with its $form", async ({ text }) => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": REGISTRY, "registry.fr.yaml": text });
    const run = await runCli(["i18n", "registry.yaml", "--stamp", "fr"], dir);
    expect(run.stdout).toBe("codebook: 3 translations stamped, 0 already current in registry.fr.yaml");
    const stamped = await readFile(path.join(dir, "registry.fr.yaml"), "utf8");
    expect(stamped.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
    const crlf = text.includes("\r\n");
    expect(stamped.replace(/\r\n/g, "").includes("\n")).toBe(!crlf);
    expect(stamped.includes("\r\n")).toBe(crlf);
    expect(stamped).toMatch(/First:\r?\n {4}text: Le premier code\.\r?\n {4}source: /);
    expect((await runCli(["i18n", "registry.yaml", "--strict"], dir)).code).toBe(0);
  });

  it("writes through a symbolic link and keeps the file's mode", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": REGISTRY, "translations/fr.yaml": FRENCH });
    await chmod(path.join(dir, "translations", "fr.yaml"), 0o600);
    await symlink("translations/fr.yaml", path.join(dir, "registry.fr.yaml"));
    const run = await runCli(["i18n", "registry.yaml", "--stamp", "fr"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(path.join(dir, "registry.fr.yaml"))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, "translations", "fr.yaml"), "utf8")).toMatch(/source: /);
    expect((await modeOf(path.join(dir, "translations", "fr.yaml"))).toString(8)).toBe("600");
  });
});

describe("It sweeps only its own temporary files", () => {
  it("removes only codebook's own temporary files of a run that is gone, never a user file that looks like one", async () => {
    const dir = await tempDir();
    const gone = await deadPid();
    const own = {
      out: `.demo.ts.codebook-${gone}-0123456789ab.tmp`,
      nested: `.demo.json.codebook-${gone}-0123456789ab.tmp`,
      injected: `.README.md.codebook-${gone}-0123456789ab.tmp`,
    };
    const users = {
      // Names the sweeper of codebook 0.1.0 took for its own, in the output folder and beside an injected file.
      oldPattern: `.notes.md.${gone}-0123456789ab.tmp`,
      oldPatternOut: `.draft.ts.${gone}-0123456789ab.tmp`,
      // The marker, but for a file codebook does not write there.
      foreign: `.mine.txt.codebook-${gone}-0123456789ab.tmp`,
    };
    await writeTree(dir, {
      "codes.yaml": demoRegistry(),
      "README.md": README,
      [own.injected]: "half",
      [users.oldPattern]: "the user's",
      [users.foreign]: "the user's",
      [`out/${own.out}`]: "half",
      [`out/${users.oldPatternOut}`]: "the user's",
      [`out/${users.foreign}`]: "the user's",
    });
    expect((await runCli(["generate", "codes.yaml", "--out", "out"], dir)).code).toBe(0);
    await writeTree(dir, { [`out/${own.nested}`]: "half", [`out/${own.out}`]: "half" });
    const run = await runCli(["generate", "codes.yaml", "--out", "out", "--force", "--inject", "README.md"], dir);
    expect(run.code, run.stderr).toBe(0);
    const top = await readdir(dir);
    const out = await readdir(path.join(dir, "out"));
    expect(top).not.toContain(own.injected);
    expect(out).not.toContain(own.out);
    expect(out).not.toContain(own.nested);
    expect(top).toEqual(expect.arrayContaining([users.oldPattern, users.foreign]));
    expect(out).toEqual(expect.arrayContaining([users.oldPatternOut, users.foreign]));
  });
});
