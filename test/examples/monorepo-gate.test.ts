import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";

const EXAMPLE = path.join(repoRoot, "examples", "monorepo");
const CODES = ["app-close-codes.yaml", "codebook.config.json", "package.json"];

function git(dir: string, ...args: string[]): void {
  execFileSync("git", args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
}

/** The example's codes package in a fresh repository, with codebook installed (linked), committed as the base branch. */
async function exampleRepository(): Promise<string> {
  const root = await tempDir("codebook-gate-");
  const codes = path.join(root, "packages", "codes");
  await mkdir(codes, { recursive: true });
  for (const file of CODES) await copyFile(path.join(EXAMPLE, "packages", "codes", file), path.join(codes, file));
  await mkdir(path.join(root, "node_modules"), { recursive: true });
  await symlink(repoRoot, path.join(root, "node_modules", "codebook"), "dir");
  await writeFile(path.join(root, ".gitignore"), "node_modules/\n");
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "base");
  return codes;
}

/** The command the example's CI runs in packages/codes: the `gate` script with the base branch appended. */
async function gateCommand(): Promise<string[]> {
  const workflow = await readFile(path.join(EXAMPLE, ".github", "workflows", "codes.yml"), "utf8");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow's own expression syntax, not a template
  expect(workflow).toContain('- run: npm run gate --workspace @example/codes -- "origin/${{ github.base_ref }}"');
  expect(workflow).toContain("fetch-depth: 0");
  const manifest = JSON.parse(await readFile(path.join(EXAMPLE, "packages", "codes", "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [tool, ...args] = manifest.scripts.gate!.split(" ");
  expect(tool).toBe("codebook");
  return args;
}

describe("examples/monorepo's CI gate", () => {
  it("fails a pull request that renames an app code without raising the package's major version, and passes it with the bump", async () => {
    const codes = await exampleRepository();
    const args = await gateCommand();
    const registry = path.join(codes, "app-close-codes.yaml");
    const original = await readFile(registry, "utf8");
    expect((await runCli([...args, "HEAD"], codes)).code).toBe(0);

    await writeFile(registry, original.replaceAll("RateLimited", "TooManyMessages"));
    const unplanned = await runCli([...args, "HEAD"], codes);
    expect(unplanned.stderr).toBe("");
    expect(unplanned.code).toBe(1);
    expect(unplanned.stdout).toContain(
      "app-close-codes.yaml:21:11: code-renamed: code 4002 renamed from RateLimited to TooManyMessages (was HEAD:packages/codes/app-close-codes.yaml:21:11)",
    );
    expect(unplanned.stdout).toContain(
      "error: version 1.0.0 → 1.0.0 does not raise it, but the changes are major: raise it to at least 2.0.0",
    );

    const manifest = path.join(codes, "package.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace('"version": "1.0.0"', '"version": "2.0.0"'));
    const planned = await runCli([...args, "HEAD"], codes);
    expect(planned.stdout).toContain("version 1.0.0 → 2.0.0 (major) is enough for a major change");
    expect(planned.code).toBe(0);
  });

  it("lets a new app code through as a minor change once the version says so", async () => {
    const codes = await exampleRepository();
    const args = await gateCommand();
    const registry = path.join(codes, "app-close-codes.yaml");
    const added =
      "  - code: 4010\n    name: Maintenance\n    description:\n      en: The room is closed for maintenance.\n      de: Der Raum wird gewartet.\n";
    await writeFile(registry, (await readFile(registry, "utf8")).replace("\ncodes:\n", `\ncodes:\n${added}`));
    expect((await runCli([...args, "HEAD"], codes)).code).toBe(1);
    const manifest = path.join(codes, "package.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace('"version": "1.0.0"', '"version": "1.1.0"'));
    const run = await runCli([...args, "HEAD"], codes);
    expect(run.stdout.split("\n").at(-1)).toBe("codebook: verdict minor (0 major, 1 minor, 0 patch)");
    expect(run.code).toBe(0);
  });
});
