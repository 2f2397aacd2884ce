import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeControls } from "../../generator/diagnostics/index.js";
import { runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** Every character a terminal acts on: none may reach stderr raw from an input file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESC = "\u001b";

describe("text from input files in diagnostics", () => {
  it("escapes C0, C1 and bidirectional controls, and nothing else", () => {
    expect(escapeControls(`a${ESC}]0;title\u0007b\u0085c\u202ed é 日本`)).toBe("a\\u001b]0;title\\u0007b\\u0085c\\u202ed é 日本");
  });

  it.each([
    [
      "an unknown key in a registry",
      { "demo.yaml": demoRegistry().replace("    name: One\n", `    name: One\n    "${ESC}[2J${ESC}]0;owned\u0007": 1\n`) },
      ["generate", "demo.yaml", "--out", "out"],
      'unknown key "\\u001b[2J\\u001b]0;owned\\u0007"',
    ],
    [
      "a marker word in an injected file",
      { "demo.yaml": demoRegistry(), "README.md": `<!-- codebook:start demo ${ESC}[31mcodes -->\n<!-- codebook:end demo -->\n` },
      ["generate", "demo.yaml", "--out", "out", "--inject", "README.md"],
      "\\u001b[31m",
    ],
    [
      "a template placeholder",
      { "demo.yaml": demoRegistry(), "templates/page.md": `# {{${ESC}[5mtitle}}\n` },
      ["generate", "demo.yaml", "--out", "out", "--templates", "templates"],
      "\\u001b[5m",
    ],
    [
      "a file name",
      { [`demo${ESC}[8m.yaml`]: demoRegistry().replace("type: Demo", "type: demo") },
      ["generate", `demo${ESC}[8m.yaml`, "--out", "out"],
      "demo\\u001b[8m.yaml:",
    ],
  ])("%s: escaped, never raw", async (_, files, args, shown) => {
    const dir = await tempDir();
    await writeTree(dir, files);
    const run = await runCli(args, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(shown);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it("extends of a file that is not YAML (a .npmrc, /etc/passwd) does not quote its contents", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "app.yaml": "id: app\nextends: ./.npmrc\n" });
    await writeFile(path.join(dir, ".npmrc"), "//registry.npmjs.org/:_authToken=npm_SECRETSECRETSECRET\n");
    const run = await runCli(["validate", "app.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      ".npmrc:1:1: error: a registry is a map with the keys id, type, locales and codes; this file holds a single string",
    );
    expect(run.stderr).not.toContain("SECRET");
    expect(run.stderr).not.toContain("registry.npmjs.org");
  });
});
