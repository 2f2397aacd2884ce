import { readdirSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES, readSourceFile } from "../../generator/load/source-file.js";
import { parseYaml } from "../../generator/load/yaml-document.js";
import { MANIFEST_FILE } from "../../generator/write/manifest.js";
import { type CliRun, runCli, spawnCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * The corpus of invalid registries: `<case>.yaml` holds one kind of fault (several instances of it, to show
 * that every error of a file is reported at once) and `<case>.expected` the exact diagnostics the CLI prints,
 * with paths as seen from the corpus folder. `npx vitest run test/robustness -u` rewrites the goldens.
 */
const corpus = path.join(repoRoot, "test", "fixtures", "invalid");
const cases = readdirSync(corpus)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length))
  .sort();

/** What the last line says happened, by command: validate writes nothing in any case, check compares. */
const OUTCOMES: Readonly<Record<string, string>> = { generate: "; nothing was written", check: "; nothing was compared", validate: "" };

function summaryLine(count: number, command = "generate"): string {
  return `codebook: ${count} error${count === 1 ? "" : "s"}${OUTCOMES[command]}`;
}

/** The diagnostic lines of a failed run, after checking what every failed run must look like. */
function diagnosticsOf(run: CliRun, file: string, command = "generate"): string[] {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/^\s+at /m);
  const lines = run.stderr.replace(/\n$/, "").split("\n");
  const diagnostics = lines.slice(0, -1);
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(lines.at(-1)).toBe(summaryLine(diagnostics.length, command));
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const line of diagnostics) expect(line).toMatch(new RegExp(`^${escaped}:[1-9]\\d*:[1-9]\\d*: error: \\S`));
  return diagnostics;
}

/** Runs `generate` on `file` in `cwd` into a fresh output folder and checks that nothing at all was written. */
async function generateInvalid(file: string, cwd: string): Promise<string[]> {
  const scratch = await tempDir();
  const run = await runCli(["generate", file, "--out", path.join(scratch, "generated")], cwd);
  const diagnostics = diagnosticsOf(run, file);
  expect(await readdir(scratch)).toEqual([]);
  return diagnostics;
}

describe("the corpus of invalid registries", () => {
  it("has a case for every fault", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "yaml-syntax",
        "tab-indentation",
        "duplicate-keys",
        "wrong-types",
        "unknown-keys",
        "missing-keys",
        "duplicate-codes",
        "duplicate-names",
        "names-not-identifiers",
        "reserved-names",
        "reserved-aliases",
        "name-clashes",
        "codes-not-integers",
        "codes-out-of-bounds",
        "invalid-bounds",
        "unsafe-bounds",
        "overlapping-ranges",
        "inverted-ranges",
        "code-outside-ranges",
        "missing-locales",
        "extra-locales",
        "invalid-locale-tags",
        "empty-texts",
        "alias-bomb",
        "nested-too-deeply",
        "multiple-documents",
        "empty-file",
        "not-a-map",
        "proto-keys",
        "invalid-sets",
        "invalid-values",
        "range-aliases",
        "empty-codes",
        "lone-surrogates",
        "yaml-tags",
        "complex-keys",
        "yaml-1-1",
        "control-characters",
        "field-values",
        "field-mapping",
        "doc-urls",
      ]),
    );
  });

  it.each(cases)("%s.yaml: exit 1, every error located, nothing written", async (name) => {
    const diagnostics = await generateInvalid(`${name}.yaml`, corpus);
    await expect(`${diagnostics.join("\n")}\n`).toMatchFileSnapshot(path.join(corpus, `${name}.expected`));
  });

  // complex-keys: the YAML library warns on the process's stderr when it stringifies a collection key.
  it.each(["yaml-syntax", "wrong-types", "duplicate-codes", "alias-bomb", "complex-keys", "yaml-tags"])(
    "%s.yaml as a real process: exit 1, the same diagnostics, nothing else on stderr, no stack trace",
    async (name) => {
      const run = await spawnCli(["generate", `${name}.yaml`, "--out", path.join(await tempDir(), "generated")], corpus);
      const diagnostics = diagnosticsOf(run, `${name}.yaml`);
      expect(`${diagnostics.join("\n")}\n`).toBe(await readFile(path.join(corpus, `${name}.expected`), "utf8"));
    },
  );

  it.each(["validate", "check"])("`%s` reports the same diagnostics as `generate`", async (command) => {
    const run = await runCli([command, "duplicate-codes.yaml"], corpus);
    expect(`${diagnosticsOf(run, "duplicate-codes.yaml", command).join("\n")}\n`).toBe(
      await readFile(path.join(corpus, "duplicate-codes.expected"), "utf8"),
    );
  });
});

describe("__proto__ as a YAML key", () => {
  it("is an own key of the parsed data and pollutes no prototype", async () => {
    const read = await readSourceFile(path.join(corpus, "proto-keys.yaml"), process.cwd());
    if (!read.ok) throw new Error("the fixture is readable");
    const parse = parseYaml(read.source);
    if (!parse.ok) throw new Error("the fixture is valid YAML");
    const data = parse.parsed.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
    await generateInvalid("proto-keys.yaml", corpus);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("faults written by the test", () => {
  it("refuses aliases that expand a document past the input size limit, at the alias that does", async () => {
    // Under the alias count limit: 99 aliases of one 200 KB text expand to about 20 MB; 99 of 3 MB passed V8's
    // string limit while rendering (a crash).
    const folder = await tempDir();
    const text = "x".repeat(200 * 1024);
    const codes = Array.from({ length: 99 }, (_, index) => `  - { code: ${index + 1}, name: C${index + 1}, description: *text }`);
    await writeFile(
      path.join(folder, "aliases.yaml"),
      [`id: demo\ntype: Demo\nlocales: [en]\ntitle: &text "${text}"\ncodes:`, ...codes, ""].join("\n"),
    );
    const limit = "past 16777216 characters (16 MiB, the size limit of an input file); write the repeated text fewer times";
    // The title (200 KB) and 81 aliases stay within 16 MiB; the 82nd is the first past it (line 5 + 82 - 1).
    expect(await generateInvalid("aliases.yaml", folder)).toEqual([
      `aliases.yaml:86:41: error: YAML aliases expand this document ${limit}`,
    ]);
  });

  it("counts what an alias of an anchor that holds aliases expands to", () => {
    const text = "y".repeat(1024 * 1024);
    const source = {
      file: "nested.yaml",
      path: "/nested.yaml",
      bom: false,
      text: `a: &s "${text}"\nb: &l [*s, *s, *s, *s]\nc: [*l, *l, *l, *l]\n`,
    };
    // 1 MB, then 4 MB for b, then 4 MB for each alias of b: the third alias of b passes 16 MiB.
    expect(parseYaml(source)).toMatchObject({
      ok: false,
      diagnostics: [{ file: "nested.yaml", line: 3, column: 13, code: "yaml-aliases" }],
    });
    const within = { ...source, text: `a: &s "${text}"\nb: &l [*s, *s, *s, *s]\nc: [*l, *l]\n` };
    expect(parseYaml(within).ok).toBe(true);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, "huge.yaml"), Buffer.alloc(MAX_SOURCE_BYTES + 1, "#"));
    expect(await generateInvalid("huge.yaml", folder)).toEqual([
      `huge.yaml:1:1: error: file is ${MAX_SOURCE_BYTES + 1} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (16 MiB)`,
    ]);
  });

  it.each([
    ["a Latin-1 byte", Buffer.from("title: Caf\xe9\n", "latin1"), "3:11"],
    ["a truncated sequence", Buffer.from([...Buffer.from("title: x"), 0xe2, 0x82, 0x0a]), "3:9"],
    ["an overlong encoding", Buffer.from([...Buffer.from("title: "), 0xc0, 0xaf, 0x0a]), "3:8"],
    ["an encoded surrogate", Buffer.from([...Buffer.from("title: "), 0xed, 0xa0, 0x80, 0x0a]), "3:8"],
    ["a fault after a real U+FFFD", Buffer.concat([Buffer.from("title: \uFFFD \uD83D\uDE00 "), Buffer.from([0xff, 0x0a])]), "3:13"],
  ])("refuses a file that is not UTF-8 (%s) at the offending byte", async (_, bytes, position) => {
    const folder = await tempDir();
    await writeFile(path.join(folder, "latin1.yaml"), Buffer.concat([Buffer.from("id: demo\ntype: Demo\n"), bytes]));
    expect(await generateInvalid("latin1.yaml", folder)).toEqual([
      `latin1.yaml:${position}: error: file is not valid UTF-8 text (the first invalid byte is here); save it as UTF-8`,
    ]);
  });

  it("locates errors in a file with CR-only line endings as in its LF twin", async () => {
    const folder = await tempDir();
    const source = await readFile(path.join(corpus, "duplicate-codes.yaml"), "utf8");
    await writeFile(path.join(folder, "duplicate-codes.yaml"), source.replace(/\n/g, "\r"));
    const diagnostics = await generateInvalid("duplicate-codes.yaml", folder);
    expect(`${diagnostics.join("\n")}\n`).toBe(await readFile(path.join(corpus, "duplicate-codes.expected"), "utf8"));
  });

  it("locates errors in a file with a byte-order mark and CRLF line endings as in its LF twin", async () => {
    const folder = await tempDir();
    const source = await readFile(path.join(corpus, "duplicate-codes.yaml"), "utf8");
    await writeFile(path.join(folder, "duplicate-codes.yaml"), `\uFEFF${source.replace(/\n/g, "\r\n")}`);
    const diagnostics = await generateInvalid("duplicate-codes.yaml", folder);
    expect(`${diagnostics.join("\n")}\n`).toBe(await readFile(path.join(corpus, "duplicate-codes.expected"), "utf8"));
  });
});

describe("a byte-order mark and CRLF line endings are accepted", () => {
  const registry = [
    "id: demo",
    "type: Demo",
    "title: Demo codes",
    "locales: [en]",
    "codes:",
    "  - code: 1",
    "    name: One",
    "    description: >-",
    "      Folded text",
    "      over two lines.",
    "  - code: 2",
    "    name: Two",
    '    description: "Quoted text,',
    '      continued."',
    "  - code: 3",
    "    name: Three",
    "    description: |-",
    "      Literal text",
    "      keeps its line break.",
    "",
  ].join("\n");

  it("generates exactly what the LF file without a BOM generates, without a CR or BOM in any output", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "lf/demo.yaml": registry,
      "crlf/demo.yaml": `\uFEFF${registry.replace(/\n/g, "\r\n")}`,
    });
    for (const variant of ["lf", "crlf"]) {
      const run = await runCli(["generate", "demo.yaml", "--out", "out", "--quiet"], path.join(root, variant));
      expect(run).toMatchObject({ code: 0, stderr: "" });
    }
    const filesIn = async (variant: string) =>
      (await readdir(path.join(root, variant, "out"), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(path.join(root, variant, "out"), path.join(entry.parentPath, entry.name)))
        .sort();
    const files = await filesIn("lf");
    expect(files).toEqual(expect.arrayContaining(["demo.json", "demo.md", "demo.ts"]));
    expect(await filesIn("crlf")).toEqual(files);
    // The manifest records each input's hash, and the two inputs differ by their BOM and line endings.
    for (const file of files.filter((name) => name !== MANIFEST_FILE)) {
      const lf = await readFile(path.join(root, "lf", "out", file), "utf8");
      const crlf = await readFile(path.join(root, "crlf", "out", file), "utf8");
      expect(crlf).toBe(lf);
      expect(crlf).not.toMatch(/[\r\uFEFF]/);
    }
    const json = JSON.parse(await readFile(path.join(root, "crlf", "out", "demo.json"), "utf8")) as {
      codes: { description: { en: string } }[];
    };
    expect(json.codes.map((entry) => entry.description.en)).toEqual([
      "Folded text over two lines.",
      "Quoted text, continued.",
      "Literal text\nkeeps its line break.",
    ]);
  });
});
