import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translationReports } from "../generator/run/i18n-report/report.js";
import { runCli, spawnCli } from "./helpers/cli.js";
import { tempDir, writeTree } from "./helpers/temp.js";

/** A base registry in two locales, its German texts in a locale file, and an app registry that extends it. */
const BASE = `id: base
type: Base
title: { en: Base codes, de: Basis-Codes }
locales: [en, de]
codes:
  - { code: 1, name: One, description: { en: The first code., de: Der erste Code. } }
  - { code: 2, name: Two, description: { en: The second code. } }
`;
const BASE_DE = "locale: de\ncodes:\n  Two: Der zweite Code.\n";
const APP = `id: app
extends: ./shared/base.yaml
title: { en: App codes, de: App-Codes }
missingTranslations: source
codes:
  - { code: 50, name: Fifty, description: { en: The app's own code. } }
`;

async function project(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "shared/base.yaml": BASE, "shared/base.de.yaml": BASE_DE, "app.yaml": APP, ...files });
  return dir;
}

const CONFIG = JSON.stringify({
  registries: [
    { registry: "app.yaml", targets: ["ts"] },
    { registry: "app.yaml", outDir: "docs", targets: ["md"] },
  ],
});

describe("codebook i18n on a registry that extends another", () => {
  it("reports the registry's own texts, then the base's once, under the file where they are written", async () => {
    const dir = await project();
    const run = await runCli(["i18n", "app.yaml"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")).toEqual([
      "app.yaml: 2 locales, 2 texts each (source locale en)",
      "  en        2/2  source locale",
      "  de        1/2  1 inline in app.yaml: 1 missing",
      '    missing app.yaml:6:49: codes.Fifty has no "de" text; add `Fifty: …` under `codes:` to app.de.yaml (source: "The app\'s own code.")',
      "shared/base.yaml (extended by app.yaml): 2 locales, 3 texts each (source locale en)",
      "  en        3/3  source locale",
      "  de        3/3  shared/base.de.yaml, 2 inline in shared/base.yaml",
      "    1 text has no source fingerprint, so a change of the source cannot be detected: once reviewed, run `codebook i18n --stamp de shared/base.yaml`",
    ]);
    expect((await runCli(["i18n", "app.yaml", "--strict"], dir)).code).toBe(1);
  });

  it("reports a base named in the same run once, with the registries that extend it", async () => {
    const dir = await project({
      "other.yaml": APP.replace("id: app", "id: other").replace("code: 50, name: Fifty", "code: 60, name: Sixty"),
    });
    const reports = await translationReports({ registries: ["app.yaml", "other.yaml", "shared/base.yaml"], cwd: dir });
    expect(reports.map((report) => [report.registry, report.extendedBy])).toEqual([
      ["app.yaml", []],
      ["shared/base.yaml", []],
      ["other.yaml", []],
    ]);
    const run = await runCli(["i18n", "app.yaml", "other.yaml"], dir);
    expect(run.stdout.split("\n").filter((line) => !line.startsWith(" "))).toEqual([
      "app.yaml: 2 locales, 2 texts each (source locale en)",
      "shared/base.yaml (extended by app.yaml, other.yaml): 2 locales, 3 texts each (source locale en)",
      "other.yaml: 2 locales, 2 texts each (source locale en)",
    ]);
  });

  it("stamps the registry's own locale file, not the base's", async () => {
    const dir = await project({ "app.de.yaml": "locale: de\ncodes:\n  Fifty: Der eigene Code der App.\n" });
    const run = await runCli(["i18n", "app.yaml", "--stamp", "de"], dir);
    expect(run).toMatchObject({ code: 0, stdout: "codebook: 1 translation stamped, 0 already current in app.de.yaml" });
    expect(await readFile(path.join(dir, "shared/base.de.yaml"), "utf8")).toBe(BASE_DE);
    expect((await runCli(["i18n", "app.yaml", "--strict", "-q"], dir)).code).toBe(0);
  });

  it("reports an invalid base as located errors, with no stack trace", async () => {
    const dir = await project({ "shared/base.yaml": BASE.replace("code: 2", "code: 1") });
    const run = await spawnCli(["i18n", "app.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("shared/base.yaml:7:13: error: duplicate code 1 (first defined at 6:13)\ncodebook: 1 error\n");
  });
});

describe("codebook i18n picks its registries like generate", () => {
  it("with no argument, uses every registry of the config (each once)", async () => {
    const dir = await project({ "codebook.config.json": CONFIG });
    const run = await runCli(["i18n"], dir);
    expect(run.stdout.split("\n").filter((line) => !line.startsWith(" "))).toEqual([
      "app.yaml: 2 locales, 2 texts each (source locale en)",
      "shared/base.yaml (extended by app.yaml): 2 locales, 3 texts each (source locale en)",
    ]);
    // From a folder below, the config is found the same way.
    expect((await runCli(["i18n"], path.join(dir, "shared"))).stdout.split("\n")[0]).toBe(
      `${path.join(dir, "app.yaml")}: 2 locales, 2 texts each (source locale en)`,
    );
    expect(run.stdout).not.toContain("close-codes");
  });

  it("--config names the config; several registry arguments are reported together", async () => {
    const dir = await project({ "configs/codes.config.yaml": "registries:\n  - registry: ../shared/base.yaml\n" });
    const byConfig = await runCli(["i18n", "--config", "configs/codes.config.yaml"], dir);
    expect(byConfig.stdout.split("\n")[0]).toBe("shared/base.yaml: 2 locales, 3 texts each (source locale en)");
    const both = await runCli(["i18n", "shared/base.yaml", "app.yaml"], dir);
    expect(both.stdout.split("\n").filter((line) => !line.startsWith(" "))).toEqual([
      "shared/base.yaml: 2 locales, 3 texts each (source locale en)",
      "app.yaml: 2 locales, 2 texts each (source locale en)",
    ]);
    expect((await runCli(["i18n", "app.yaml", "--config", "configs/codes.config.yaml"], dir)).code).toBe(2);
  });

  it("reports an invalid config instead of falling back to the built-in registry", async () => {
    const dir = await project({ "codebook.config.json": '{ "registries": [{ "registry": "missing.yaml" }] }\n' });
    const run = await runCli(["i18n"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^codebook\.config\.json:1:\d+: error: registry file "missing\.yaml" does not exist/);
    expect(run.stdout).toBe("");
  });

  it("says on one line that it uses the built-in registry when there is neither a registry nor a config", async () => {
    const run = await runCli(["i18n"], await tempDir());
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      "codebook: no registry named and no config file found, so this uses the built-in WebSocket close-code registry (`codebook init` starts your own)",
    );
    expect(lines[1]).toMatch(/close-codes\.yaml: 8 locales, 33 texts each/);
    // Its files belong to the installed codebook: --stamp does not write there.
    const stamp = await runCli(["i18n", "--stamp", "fr"], await tempDir());
    expect(stamp.code).toBe(2);
    expect(stamp.stderr.split("\n")[0]).toBe(
      "codebook: --stamp needs a registry of yours: name it, or run in a project with a config file (the built-in registry's files belong to codebook)",
    );
  });
});
