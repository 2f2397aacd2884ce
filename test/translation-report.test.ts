import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translationReport } from "../generator/run/i18n-report/report.js";
import { runCli } from "./helpers/cli.js";
import { tempDir, writeTree } from "./helpers/temp.js";

const REGISTRY = `id: demo
type: Demo
title: { en: Demo codes, de: Demo-Codes }
locales: [en, de, fr]
codes:
  - { code: 1, name: First, description: { en: The first code., de: Der erste Code. } }
  - { code: 2, name: Second, description: { en: The second code., de: Der zweite Code. } }
`;

const FRENCH = `# Reviewed by the French team.
locale: fr
title: Codes de démo
codes:
  First: Le premier code. # keep it short
  Second: Le deuxième code.
`;

async function project(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await tempDir();
  await writeTree(dir, { "registry.yaml": REGISTRY, "registry.fr.yaml": FRENCH, ...files });
  return dir;
}

describe("codebook i18n", () => {
  it("counts each locale's translated texts and exits 0 when complete", async () => {
    const dir = await project();
    const run = await runCli(["i18n", "registry.yaml", "--strict"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, 4)).toEqual([
      "registry.yaml: 3 locales, 3 texts each (source locale en)",
      "  en        3/3  source locale",
      "  de        3/3  3 inline in registry.yaml",
      "  fr        3/3  registry.fr.yaml",
    ]);
    expect(run.stdout).toContain(
      "3 texts have no source fingerprint, so a change of the source cannot be detected: once reviewed, run `codebook i18n --stamp fr registry.yaml`",
    );
  });

  it("stamps fingerprints, keeping comments, then reports a changed source text as stale", async () => {
    const dir = await project();
    const stamp = await runCli(["i18n", "registry.yaml", "--stamp", "fr"], dir);
    expect(stamp).toMatchObject({ code: 0, stdout: "codebook: 3 translations stamped, 0 already current in registry.fr.yaml" });
    const stamped = await readFile(path.join(dir, "registry.fr.yaml"), "utf8");
    expect(stamped).toContain("# Reviewed by the French team.");
    expect(stamped).toMatch(/ {2}First:\n {4}text: Le premier code\. # keep it short\n {4}source: "?[0-9a-f]{8}"?\n/);
    expect((await runCli(["i18n", "registry.yaml", "--stamp", "fr"], dir)).stdout).toBe(
      "codebook: 0 translations stamped, 3 already current in registry.fr.yaml",
    );
    expect((await runCli(["i18n", "registry.yaml", "--strict"], dir)).stdout).not.toContain("fingerprint");

    await writeFile(path.join(dir, "registry.yaml"), REGISTRY.replace("The second code.", "The second code (revised)."));
    const report = await translationReport({ registry: "registry.yaml", cwd: dir });
    expect(report.complete).toBe(false);
    expect(report.locales.map((status) => [status.locale, status.translated, status.stale.map((text) => text.key)])).toEqual([
      ["en", 3, []],
      ["de", 3, []],
      ["fr", 2, ["codes.Second"]],
    ]);
    const run = await runCli(["i18n", "registry.yaml", "--strict"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("  fr        2/3  registry.fr.yaml: 1 stale");
    expect(run.stdout).toMatch(
      / {4}stale {3}registry\.fr\.yaml:\d+:\d+: codes\.Second: the source text changed after this translation; it now reads "The second code \(revised\)\."/,
    );
    expect(run.stdout).toContain("update the stale texts, then run `codebook i18n --stamp fr registry.yaml`");
    expect((await runCli(["i18n", "registry.yaml"], dir)).code).toBe(0);
  });

  it("lists missing texts with where to add them, when the registry falls back to the source locale", async () => {
    const dir = await project({
      "registry.yaml": `${REGISTRY}missingTranslations: source\n`,
      "registry.fr.yaml": FRENCH.replace("  Second: Le deuxième code.\n", ""),
    });
    const run = await runCli(["i18n", "registry.yaml", "--strict"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("  fr        2/3  registry.fr.yaml: 1 missing");
    expect(run.stdout).toContain(
      '    missing registry.yaml:7:49: codes.Second has no "fr" text; add `Second: …` under `codes:` to registry.fr.yaml (source: "The second code.")',
    );
  });

  it("reports missing translations as located errors when the registry does not fall back", async () => {
    const dir = await project({ "registry.fr.yaml": FRENCH.replace("  Second: Le deuxième code.\n", "") });
    const run = await runCli(["i18n", "registry.yaml"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 missing");
    const validate = await runCli(["validate", "registry.yaml"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(
      'registry.fr.yaml:4:1: error: no "fr" text for codes.Second (the source text is at registry.yaml:7:49)',
    );
  });

  it.each([
    [["i18n", "registry.yaml", "--stamp", "it"], 'codebook: --stamp: "it" is not a locale of registry.yaml (en, de, fr)'],
    [["i18n", "registry.yaml", "--stamp", "en"], 'codebook: --stamp: "en" is the source locale: its texts translate nothing'],
    [
      ["i18n", "registry.yaml", "--stamp", "de"],
      'codebook: --stamp: "de" has no locale file; fingerprints are recorded only in locale files such as registry.de.yaml',
    ],
    [["generate", "--strict"], "codebook: --strict does not apply to generate; it belongs to i18n"],
  ])("exits 2 on %j", async (args, message) => {
    const run = await runCli(args, await project());
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
  });

  it("reports the default registry complete in all eight locales", async () => {
    const report = await translationReport();
    expect(report.complete).toBe(true);
    expect(report.locales.map((status) => `${status.locale} ${status.translated}/${status.total} ${status.unstamped}`)).toEqual(
      ["en", "de", "fr", "es", "ja", "zh-CN", "pt-BR", "ru"].map((locale) => `${locale} 33/33 0`),
    );
  });
});
