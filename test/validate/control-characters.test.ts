import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * Every control character a text or a url may not hold: C0 but tab, line feed and carriage return, DEL, and C1.
 * Written as the YAML escape a registry would use, since most of them cannot be typed.
 */
const REFUSED = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, index) => 0x7f + index),
].map((code) => ({
  code,
  name: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
  yamlEscape: `\\x${code.toString(16).padStart(2, "0")}`,
}));

/**
 * A two-locale registry and its French locale file, with `registry` in a title, a description and a url, and
 * `translation` in a translation (a locale file is read once its registry is valid).
 */
function files(registry: string, translation: string): Record<string, string> {
  return {
    "demo.yaml": `id: demo
type: Demo
title: "Demo${registry} codes"
locales: [en, fr]
codes:
  - code: 1
    name: One
    description: "The first${registry} code."
    url: "https://example.com/${registry.replace(/\\[tnr]/gu, "")}"
`,
    "demo.fr.yaml": `locale: fr
title: Codes démo
codes:
  One: "Le premier${translation} code."
`,
  };
}

/** The places of the errors naming `name`: FILE:LINE:COL of each. */
function placesOf(stderr: string, name: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.includes(`control character ${name}`))
    .map((line) => line.slice(0, line.indexOf(": error:")));
}

describe("control characters in texts and urls", () => {
  it("refuses 62 characters: C0 but tab, line feed and carriage return, DEL, and C1", () => {
    expect(REFUSED).toHaveLength(62);
  });

  it.each(REFUSED)("$name is refused in a title, a description and a url, each located", async ({ name, yamlEscape }) => {
    const dir = await tempDir();
    await writeTree(dir, files(yamlEscape, ""));
    const run = await runCli(["validate", "demo.yaml"], dir);
    expect(run.code).toBe(1);
    expect(placesOf(run.stderr, name)).toEqual(["demo.yaml:3:8", "demo.yaml:8:18", "demo.yaml:9:10"]);
  });

  it.each(REFUSED)("$name is refused in a translation in a locale file, located", async ({ name, yamlEscape }) => {
    const dir = await tempDir();
    await writeTree(dir, files("", yamlEscape));
    const run = await runCli(["validate", "demo.yaml"], dir);
    expect(run.code).toBe(1);
    expect(placesOf(run.stderr, name)).toEqual(["demo.fr.yaml:4:8"]);
  });

  it("accepts tab, line feed and carriage return in a title, a description and a translation", async () => {
    const dir = await tempDir();
    await writeTree(dir, files("\\t\\n\\r", "\\t\\n\\r"));
    const run = await runCli(["validate", "demo.yaml"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
