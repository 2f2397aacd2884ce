import { describe, expect, it } from "vitest";
import { type CliRun, runCli } from "../helpers/cli.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/**
 * Input keys that name inherited properties of every object: wherever a key from an input file indexes a table,
 * only the table's own keys count. Each is refused as an unknown key, located, in every file that holds it.
 */
const KEYS = ["__proto__", "__defineGetter__", "__defineSetter__", "constructor", "hasOwnProperty", "toString"];

/** The diagnostics of a run that must fail as invalid input does: exit 1, nothing on stdout, no stack trace. */
function refused(run: CliRun): string[] {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe("");
  return run.stderr.split("\n").slice(0, -1);
}

/** A locale file and a page texts file to go with `registry`. */
const TWO_LOCALES = `id: demo
type: Demo
title: { en: Demo codes, de: Demo-Codes }
locales: [en, de]
codes:
  - code: 1
    name: One
    description: { en: The first code., de: Der erste Code. }
sets:
  - { name: Low, include: [One], label: { en: Low, de: Niedrig } }
`;

describe.each(KEYS)("the key %s", (key) => {
  const quoted = JSON.stringify(key);

  it("in a JSON config (top level and in an entry): refused as unknown, also by the no-op fast path's reader", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": demoRegistry() });
    const config = `{\n  "registries": [{ "registry": "demo.yaml", "outDir": "out", ${quoted}: {} }],\n  ${quoted}: 1\n}\n`;
    await writeTree(dir, { "codebook.config.json": config });
    const diagnostics = refused(await runCli(["generate"], dir));
    expect(diagnostics).toEqual([
      expect.stringMatching(new RegExp(`^codebook\\.config\\.json:2:\\d+: error: unknown key ${escapeRegExp(quoted)}`)),
      expect.stringMatching(new RegExp(`^codebook\\.config\\.json:3:3: error: unknown key ${escapeRegExp(quoted)}`)),
    ]);
  });

  it("in a YAML config", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "demo.yaml": demoRegistry(), "codebook.config.yaml": `registries:\n  - registry: demo.yaml\n${key}: 1\n` });
    expect(refused(await runCli(["generate"], dir))).toEqual([
      expect.stringMatching(new RegExp(`^codebook\\.config\\.yaml:3:1: error: unknown key ${escapeRegExp(quoted)}`)),
    ]);
  });

  it("in a registry (top level, in a code, as a locale of a text)", async () => {
    const dir = await tempDir();
    const registry = demoRegistry().replace(
      "    description: The first code.",
      `    description: { en: The first code., ${key}: x }\n    ${key}: 1`,
    );
    await writeTree(dir, { "demo.yaml": `${registry}${key}: 1\n` });
    const diagnostics = refused(await runCli(["generate", "demo.yaml", "--out", "out"], dir));
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    for (const line of diagnostics) expect(line).toMatch(/^demo\.yaml:\d+:\d+: error: /);
    expect(diagnostics.join("\n")).toContain(`unknown key ${quoted}`);
    expect(diagnostics.join("\n")).toContain(`${quoted} is not a valid locale tag`);
  });

  it("in a locale file (top level, as a code, as a set) and in a page texts file", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "demo.yaml": TWO_LOCALES,
      "demo.de.yaml": `locale: de\n${key}: x\ncodes:\n  ${key}: x\nsets:\n  ${key}: { label: x }\n`,
      "templates/locales/en.yaml": `${key}: x\n`,
    });
    const diagnostics = refused(await runCli(["generate", "demo.yaml", "--out", "out", "--templates", "templates"], dir));
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^demo\.de\.yaml:2:1: error: /),
        expect.stringMatching(new RegExp(`^templates/locales/en\\.yaml:1:1: error: unknown text key ${escapeRegExp(quoted)}`)),
      ]),
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
