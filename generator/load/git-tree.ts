import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { GitReadError } from "./git-read-error.js";

/** Runs git and returns its standard output as bytes; `undefined` when git reports an error (missing path, bad ref). */
function git(cwd: string, args: readonly string[]): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error === null) resolve(stdout);
      else if ((error as NodeJS.ErrnoException).code === "ENOENT")
        reject(new GitReadError("git is not installed (codebook diff --against REF reads the registry through git)"));
      else resolve(undefined);
    });
  });
}

/** A registry's files as they were at a git ref, written into a temporary folder that mirrors the repository. */
export interface TreeAtRef {
  /** The temporary folder that stands for the repository's top level. */
  readonly root: string;
  /** The repository's top level on disk. */
  readonly repository: string;
  /** The commit the ref named. */
  readonly commit: string;
  /** The path inside the temporary folder of `file` (a path in the repository's working tree). */
  readonly mirror: (file: string) => string;
  /** Removes the temporary folder. */
  readonly dispose: () => Promise<void>;
}

/**
 * Opens `ref` of the repository that holds `cwd`: checks the ref names a commit, and prepares an empty mirror
 * folder that {@link copyRegistryAtRef} fills. Installed packages are not in git: each `node_modules` folder of the
 * working tree is linked into the mirror, so an `extends` into a package reads the installed version.
 * @throws {GitReadError} when `cwd` is not in a git repository or `ref` names no commit.
 */
export async function openTreeAtRef(cwd: string, ref: string): Promise<TreeAtRef> {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top === undefined) throw new GitReadError(`--against ${ref}: ${cwd} is not inside a git repository`);
  const repository = top.toString("utf8").trim();
  const commit = ref.startsWith("-")
    ? undefined
    : await git(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (commit === undefined) throw new GitReadError(`--against ${ref}: not a commit, branch or tag of the repository at ${repository}`);
  const root = await mkdtemp(path.join(tmpdir(), "codebook-diff-"));
  const mirror = (file: string): string => path.join(root, path.relative(repository, path.resolve(file)));
  return { root, repository, commit: commit.toString("utf8").trim(), mirror, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** `a/b/c.yaml` inside the repository, with `/` separators, as git names it. */
function gitPath(tree: TreeAtRef, file: string): string {
  return path.relative(tree.repository, path.resolve(file)).split(path.sep).join("/");
}

/** Copies one file at the ref into the mirror; `false` when the ref has no such file. */
async function copyFile(tree: TreeAtRef, file: string): Promise<boolean> {
  const inRepository = gitPath(tree, file);
  if (inRepository.startsWith("..")) return false;
  const contents = await git(tree.repository, ["cat-file", "blob", `${tree.commit}:${inRepository}`]);
  if (contents === undefined) return false;
  const target = tree.mirror(file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, contents);
  return true;
}

/** The files of a folder at the ref whose names start with `prefix`: a registry's locale files. */
async function filesBeside(tree: TreeAtRef, folder: string, prefix: string): Promise<string[]> {
  const inRepository = gitPath(tree, folder);
  const listing = await git(tree.repository, ["ls-tree", "--name-only", tree.commit, "--", inRepository === "" ? "." : `${inRepository}/`]);
  if (listing === undefined) return [];
  return listing
    .toString("utf8")
    .split("\n")
    .map((line) => path.join(tree.repository, line))
    .filter((file) => path.basename(file).startsWith(prefix));
}

/**
 * Links the working tree's `node_modules` folders from the registry's folder up into the mirror (packages are not
 * in git), and copies the `package.json` files at the ref (a package's version is the registry's when it has none).
 */
async function linkPackages(tree: TreeAtRef, folder: string): Promise<void> {
  for (let current = folder; ; current = path.dirname(current)) {
    await copyFile(tree, path.join(current, "package.json"));
    const installed = path.join(current, "node_modules");
    const link = tree.mirror(installed);
    if (existsSync(installed) && !existsSync(link)) {
      await mkdir(path.dirname(link), { recursive: true });
      await symlink(installed, link, "dir");
    }
    if (path.resolve(current) === path.resolve(tree.repository) || path.dirname(current) === current) break;
  }
}

/** The `extends` value of a registry file, read loosely: the loader validates it properly later. */
function extendsOf(text: string): string | undefined {
  try {
    const data: unknown = parse(text);
    const value = typeof data === "object" && data !== null ? (data as Record<string, unknown>).extends : undefined;
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies a registry as it was at the ref into the mirror: the file, the locale files beside it and, through
 * relative `extends`, every registry it builds on with theirs. Returns `false` when the ref has no such registry.
 */
export async function copyRegistryAtRef(tree: TreeAtRef, registry: string, seen: Set<string> = new Set()): Promise<boolean> {
  const file = path.resolve(registry);
  if (seen.has(file)) return true;
  seen.add(file);
  if (!(await copyFile(tree, file))) return false;
  const folder = path.dirname(file);
  const base = path.basename(file).replace(/\.ya?ml$/i, "");
  for (const beside of await filesBeside(tree, folder, `${base}.`)) await copyFile(tree, beside);
  await linkPackages(tree, folder);
  const spec = extendsOf(await readFile(tree.mirror(file), "utf8"));
  if (spec !== undefined && (/^\.\.?(\/|$)/.test(spec) || path.isAbsolute(spec)))
    await copyRegistryAtRef(tree, path.resolve(folder, spec), seen);
  return true;
}
