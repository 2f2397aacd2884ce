import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { demoRegistry } from "./helpers/registries.js";
import { tempDir, writeTree } from "./helpers/temp.js";

async function project(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "codes.yaml": demoRegistry(), ...files });
  return dir;
}

/** The command a message names between backticks after "run", as arguments for the CLI. */
function suggestedCommand(message: string): string[] {
  const command = /run `codebook ([^`]+)`/.exec(message)?.[1];
  expect(command, message).toBeDefined();
  return command!.split(" ");
}

describe("--targets on the command line", () => {
  it("generates only the targets named", async () => {
    const dir = await project();
    expect((await runCli(["generate", "codes.yaml", "--targets", "ts,json", "-q"], dir)).code).toBe(0);
    expect((await readdir(path.join(dir, "generated"))).sort()).toEqual([".codebook-manifest.json", "demo.json", "demo.ts"]);
    expect((await runCli(["check", "codes.yaml", "--targets", "ts,json"], dir)).code).toBe(0);
    // Another choice of targets is another output: check says what generate would change.
    expect((await runCli(["check", "codes.yaml", "--targets", "ts"], dir)).stderr).toContain("generated/demo.json: orphaned");
  });

  it.each([
    [
      ["generate", "codes.yaml", "--targets", "ts,jsno"],
      'codebook: --targets: "jsno" is not one of ts, json, md, i18next, formatjs, gettext (did you mean "json"?)',
    ],
    [
      ["generate", "codes.yaml", "--targets", "ts,"],
      "codebook: --targets: an empty item is not one of ts, json, md, i18next, formatjs, gettext",
    ],
    [
      ["generate", "--targets", "ts"],
      "codebook: --targets cannot be combined with the config file codebook.config.json: set it there, name registries, or pass --no-config",
    ],
  ])("is a usage error when wrong: %j", async (args, message) => {
    const dir = await project({ "codebook.config.json": JSON.stringify({ registries: [{ registry: "codes.yaml" }] }) });
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
  });
});

describe("unknown commands and options", () => {
  it("`codebook help` is `codebook --help`", async () => {
    const dir = await project();
    expect(await runCli(["help"], dir)).toEqual(await runCli(["--help"], dir));
  });

  it.each([
    [
      ["gen"],
      'codebook: unknown command "gen" (did you mean "generate"?); the commands are init, generate, check, validate, inputs, i18n, diff, next',
    ],
    [
      ["valdiate"],
      'codebook: unknown command "valdiate" (did you mean "validate"?); the commands are init, generate, check, validate, inputs, i18n, diff, next',
    ],
    [["generate", "--target", "ts"], "codebook: unknown option --target (did you mean --targets?)"],
    [["generate", "--no-enum"], "codebook: unknown option --no-enum (did you mean --no-enums?)"],
    [["check", "--qiuet"], "codebook: unknown option --qiuet (did you mean --quiet?)"],
    [["check", "-x"], "codebook: unknown option -x"],
    [["generate", "--quiet=yes"], 'codebook: --quiet takes no value (given "yes")'],
    [["generate", "--out", "--quiet"], "codebook: --out needs a value: --out DIR"],
    [
      ["validate", "--out", "x", "codes.yaml"],
      "codebook: --out does not apply to validate; it belongs to init, generate, check and inputs",
    ],
  ])("%j: a short message in the CLI's own words, exit 2", async (args, message) => {
    const run = await runCli(args, await project());
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe(`${message}\nRun \`codebook --help\` for usage.`);
    expect(run.stderr).not.toMatch(/ERR_PARSE_ARGS|To specify a positional argument/);
  });
});

describe("codebook check's hint", () => {
  it("names the generate command that repairs an injected file, and it does", async () => {
    const dir = await project({ "DOCS.md": "# Docs\n\n<!-- codebook:start demo codes -->\n<!-- codebook:end demo -->\n" });
    expect((await runCli(["generate", "codes.yaml", "--targets", "ts", "-q"], dir)).code).toBe(0);
    const run = await runCli(["check", "codes.yaml", "--targets", "ts", "--inject", "DOCS.md"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "DOCS.md: stale (differs from what generate would write)",
      "codebook: 1 generated file is out of date; run `codebook generate codes.yaml --targets ts --inject DOCS.md`",
    ]);
    expect((await runCli(suggestedCommand(run.stderr), dir)).code).toBe(0);
    expect((await runCli(["check", "codes.yaml", "--targets", "ts", "--inject", "DOCS.md"], dir)).code).toBe(0);
  });

  it("with a config, also names the config key that makes plain `codebook generate` keep the file current", async () => {
    const dir = await project({
      "codebook.config.json": JSON.stringify({ registries: [{ registry: "codes.yaml", targets: ["md"] }] }),
      "docs/DOCS.md": "<!-- codebook:start demo ranges -->\n<!-- codebook:end demo -->\n",
    });
    expect((await runCli(["generate", "-q"], dir)).code).toBe(0);
    const run = await runCli(["check", "--inject", "docs/DOCS.md", "-q"], dir);
    expect(run.stderr.split("\n").at(-1)).toBe(
      'codebook: 1 generated file is out of date; run `codebook generate --inject docs/DOCS.md` (or list docs/DOCS.md under "inject" in codebook.config.json, and `codebook generate` keeps it current)',
    );
    expect((await runCli(suggestedCommand(run.stderr), dir)).code).toBe(0);
    expect((await runCli(["check", "--inject", "docs/DOCS.md"], dir)).code).toBe(0);
  });

  it("quotes an argument the shell would split", async () => {
    const dir = await project();
    await writeTree(dir, { "my codes.yaml": demoRegistry() });
    const run = await runCli(["check", "my codes.yaml", "-q"], dir);
    expect(run.stderr.split("\n").at(-1)).toMatch(/run `codebook generate 'my codes\.yaml'`$/);
  });
});

describe("what the CLI says around a run", () => {
  it("validate's summary of errors does not speak of writing", async () => {
    const dir = await project({ "codes.yaml": demoRegistry().replace("code: 2", "code: 1") });
    const run = await runCli(["validate", "codes.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").at(-1)).toBe("codebook: 1 error");
    expect((await runCli(["check", "codes.yaml"], dir)).stderr.split("\n").at(-1)).toBe("codebook: 1 error; nothing was compared");
    expect((await runCli(["generate", "codes.yaml"], dir)).stderr.split("\n").at(-1)).toBe("codebook: 1 error; nothing was written");
  });

  it.each([
    [["generate", "codes.yaml", "--module", "cjs"]],
    [["generate", "codes.yaml", "--module", "cjs", "--emit", "ts"]],
    [["check", "codes.yaml", "--module", "esm"]],
  ])("%j: --module without --emit js is a usage error", async (args) => {
    const dir = await project();
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(/^codebook: --module (cjs|esm) applies to emitted JavaScript: add --emit js/);
    expect(await readdir(dir)).toEqual(["codes.yaml"]);
    expect((await runCli([...args.filter((word) => word !== "--emit" && word !== "ts"), "--emit", "js", "-q"], dir)).code).toBe(
      args[0] === "check" ? 1 : 0,
    );
  });

  it("says on one line that it uses the built-in registry when there is neither a registry nor a config", async () => {
    const dir = await tempDir();
    const run = await runCli(["generate", "--targets", "ts"], dir);
    expect(run.code).toBe(0);
    const notice =
      "codebook: no registry named and no config file found, so this uses the built-in WebSocket close-code registry (`codebook init` starts your own)";
    expect(run.stdout.split("\n")).toEqual([
      notice,
      "wrote generated/close-codes.ts",
      "wrote generated/.codebook-manifest.json",
      "codebook: 2 written, 0 unchanged in generated",
    ]);
    expect((await runCli(["check", "--targets", "ts"], dir)).stdout.split("\n")[0]).toBe(notice);
    expect((await runCli(["generate", "--targets", "ts", "-q"], dir)).stdout).toBe("");
    // A registry named, or a config found: no notice.
    await writeFile(path.join(dir, "codes.yaml"), demoRegistry());
    expect((await runCli(["generate", "codes.yaml", "--targets", "ts"], dir)).stdout).not.toContain("built-in");
    await writeFile(path.join(dir, "codebook.config.json"), JSON.stringify({ registries: [{ registry: "codes.yaml", targets: ["ts"] }] }));
    expect((await runCli(["generate"], dir)).stdout).not.toContain("built-in");
  });
});
