import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach } from "vitest";

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the current test. */
export async function tempDir(prefix = "codebook-test-"): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}

const createdForFile: string[] = [];

afterAll(async () => {
  await Promise.all(createdForFile.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temporary folder that lives until the test file ends: for what a `beforeAll` makes once. */
export async function tempDirForFile(prefix = "codebook-test-"): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  createdForFile.push(folder);
  return folder;
}

/** Writes `files` (relative path → contents) below `root`, creating folders. */
export async function writeTree(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(root, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}
