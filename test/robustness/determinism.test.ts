import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { renderRegistry } from "../../generator/run/render.js";
import { runCli } from "../helpers/cli.js";
import { cliPath, repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";
import { drawRegistry } from "./registry-arbitrary.js";

const run = promisify(execFile);

const EXAMPLES = ["schema/close-codes.yaml", "examples/http-status/http-status.yaml", "test/fixtures/hostile/hostile.yaml"];

/** Every file below `dir`, by relative path. */
async function readOutputs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join("/"), await readFile(file, "utf8"));
  }
  return files;
}

/** Copies an example and its locale files (`<name>.<locale>.yaml` beside it) into `folder`. */
async function copyExample(example: string, folder: string): Promise<string> {
  const source = path.join(repoRoot, example);
  const stem = path.basename(example, ".yaml");
  await mkdir(folder, { recursive: true });
  for (const sibling of await readdir(path.dirname(source))) {
    if (sibling === `${stem}.yaml` || (sibling.startsWith(`${stem}.`) && sibling.endsWith(".yaml"))) {
      await writeFile(path.join(folder, sibling), await readFile(path.join(path.dirname(source), sibling)));
    }
  }
  return path.join(folder, `${stem}.yaml`);
}

/** Copies the examples into `root/registries/`, as in the repository; returns their paths relative to `root`. */
async function copyExamples(root: string): Promise<string[]> {
  const copies: string[] = [];
  for (const example of EXAMPLES) copies.push(path.relative(root, await copyExample(example, path.join(root, "registries"))));
  return copies;
}

/** Reorders the keys of every map, at every depth, with `order`; lists keep their order, which has meaning. */
function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, order));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(record)).map((key) => [key, reorderKeys(record[key], order)]));
}

async function render(dir: string, yaml: string, name = "registry.yaml"): Promise<Map<string, string>> {
  const file = path.join(dir, name);
  await writeFile(file, yaml);
  const loaded = await tryLoadRegistry(file, { cwd: dir });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((diagnostic) => diagnostic.message).join("\n"));
  // The doc comments name each declaration's line, which moves with the keys around it: the line is left out.
  const withoutLines = (contents: string) => contents.replace(/(Defined at \S+):\d+\./g, "$1:LINE.");
  return new Map(
    (await renderRegistry(loaded.registry, { outDir: path.join(dir, "out") })).map((generated) => [
      generated.path,
      withoutLines(generated.contents),
    ]),
  );
}

describe("deterministic output", () => {
  it("is byte-identical across runs, working directories, processes and environments", async () => {
    const root = await tempDir();
    const registries = await copyExamples(root);
    const first = await runCli(["generate", ...registries, "--out", "out/a", "--quiet"], root);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const expected = await readOutputs(path.join(root, "out", "a"));
    expect([...expected.keys()]).toEqual(
      expect.arrayContaining(["close-codes", "http-status", "hostile"].flatMap((id) => [`${id}.json`, `${id}.md`, `${id}.ts`])),
    );

    // The same registries and output folder, named from elsewhere: the registries' folder, and the file system root.
    const fromRegistries = await runCli(
      ["generate", ...registries.map((file) => path.basename(file)), "--out", "../out/b", "--quiet"],
      path.join(root, "registries"),
    );
    expect(fromRegistries).toMatchObject({ code: 0, stderr: "" });
    const absolute = registries.map((file) => path.join(root, file));
    const fromRoot = await runCli(["generate", ...absolute, "--out", path.join(root, "out", "c"), "--quiet"], path.parse(root).root);
    expect(fromRoot).toMatchObject({ code: 0, stderr: "" });
    // A real process in another time zone and locale.
    await run(process.execPath, [cliPath, "generate", ...registries, "--out", "out/d", "--quiet"], {
      cwd: root,
      env: { ...process.env, TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    });
    // And again into the first folder: nothing changed, and the manifest shows it without rendering anything.
    const again = await runCli(["generate", ...registries, "--out", "out/a"], root);
    expect(again.stdout).toBe("codebook: out/a up to date");

    for (const folder of ["b", "c", "d", "a"]) expect(await readOutputs(path.join(root, "out", folder))).toEqual(expected);
  });

  it("has LF line endings, a final newline, and no absolute path or timestamp", async () => {
    const root = await tempDir();
    const registries = await copyExamples(root);
    await runCli(["generate", ...registries, "--out", "out", "--quiet"], root);
    const today = new Date().toISOString().slice(0, 10);
    for (const [file, contents] of await readOutputs(path.join(root, "out"))) {
      expect(contents, file).not.toMatch(/\r/);
      expect(contents.endsWith("\n") && !contents.endsWith("\n\n"), file).toBe(true);
      for (const absolute of [root, tmpdir(), homedir(), repoRoot, process.cwd()]) expect(contents, file).not.toContain(absolute);
      expect(contents, file).not.toContain(today);
      expect(contents, file).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/);
    }
  });

  it.each(EXAMPLES)("does not depend on the order of keys in %s", async (example) => {
    const dir = await tempDir();
    const file = await copyExample(example, dir);
    const data = parse(await readFile(file, "utf8")) as unknown;
    const name = path.basename(file);
    const original = await render(dir, stringify(data), name);
    expect(await render(dir, stringify(reorderKeys(data, (keys) => [...keys].reverse())), name)).toEqual(original);
    expect(await render(dir, stringify(reorderKeys(data, (keys) => [...keys].sort())), name)).toEqual(original);
  });

  it("does not depend on the order of keys in random registries", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const data = drawRegistry(g);
        const shuffled = reorderKeys(data, (keys) => g(fc.shuffledSubarray, keys, { minLength: keys.length, maxLength: keys.length }));
        expect(await render(dir, stringify(shuffled))).toEqual(await render(dir, stringify(data)));
      }),
      { seed: 20_240_611, numRuns: 15 },
    );
  });
});
