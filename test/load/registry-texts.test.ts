import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/index.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { loadFixture, renderAll } from "../helpers/registry.js";
import { tempDir, writeTree } from "../helpers/temp.js";

/** A gRPC-like registry written as people write one: English in the registry, one file per translator. */
const GRPC = `id: grpc-status
type: GrpcStatus
title: gRPC status codes
locales: [en, de]
codes:
  - { code: 0, name: Ok, description: Not an error. }
  - { code: 4, name: DeadlineExceeded, description: The deadline expired. }
  - { code: 15, name: DataLoss, description: Unrecoverable data loss. }
`;

const GERMAN = `locale: de
title: gRPC-Statuscodes
codes:
  Ok: Kein Fehler.
  DeadlineExceeded: Die Frist ist abgelaufen.
  DataLoss: Nicht behebbarer Datenverlust.
`;

async function diagnosticsOf(files: Readonly<Record<string, string>>): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, files);
  const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

describe("a plain string is the source-locale text", () => {
  it("whatever the number of locales: the other locales come from the locale files", async () => {
    const { registry } = await loadFixture({ "registry.yaml": GRPC, "registry.de.yaml": GERMAN });
    expect(registry.title).toEqual({ en: "gRPC status codes", de: "gRPC-Statuscodes" });
    expect(registry.codes.map((entry) => entry.description)).toEqual([
      { en: "Not an error.", de: "Kein Fehler." },
      { en: "The deadline expired.", de: "Die Frist ist abgelaufen." },
      { en: "Unrecoverable data loss.", de: "Nicht behebbarer Datenverlust." },
    ]);
  });

  it("so adding a locale to a one-locale registry changes no text of it", async () => {
    const single = GRPC.replace("locales: [en, de]", "locales: [en]");
    const one = await loadFixture({ "registry.yaml": single });
    const two = await loadFixture({ "registry.yaml": GRPC, "registry.de.yaml": GERMAN });
    expect(two.registry.codes.map((entry) => entry.description.en)).toEqual(one.registry.codes.map((entry) => entry.description.en));
  });

  it("and may sit beside inline maps for other texts", async () => {
    const mixed = GRPC.replace("description: Not an error.", "description: { en: Not an error., de: Kein Fehler. }");
    const german = GERMAN.replace("  Ok: Kein Fehler.\n", "");
    const { registry } = await loadFixture({ "registry.yaml": mixed, "registry.de.yaml": german });
    expect(registry.codes[0]!.description).toEqual({ en: "Not an error.", de: "Kein Fehler." });
  });
});

describe("a missing translation is reported where the translation belongs", () => {
  it("in the locale file, naming the key and the source text's position", async () => {
    const german = GERMAN.replace("  DataLoss: Nicht behebbarer Datenverlust.\n", "");
    expect(await diagnosticsOf({ "registry.yaml": GRPC, "registry.de.yaml": german })).toEqual([
      'registry.de.yaml:3:1: error: no "de" text for codes.DataLoss (the source text is at registry.yaml:8:46); add "DataLoss: …" under codes here, or set `missingTranslations: source` to fall back to en',
    ]);
  });

  it("at the locale line of a locale file that lacks the whole group", async () => {
    const german = "locale: de\ntitle: gRPC-Statuscodes\n";
    const [first] = await diagnosticsOf({ "registry.yaml": GRPC, "registry.de.yaml": german });
    expect(first).toBe(
      'registry.de.yaml:1:1: error: no "de" text for codes.Ok (the source text is at registry.yaml:6:39); add "Ok: …" under a new codes map, or set `missingTranslations: source` to fall back to en',
    );
  });

  it("at the registry's text when the locale file does not exist yet, saying so", async () => {
    const registry = GRPC.replace("title: gRPC status codes", "title: { en: gRPC status codes, de: gRPC-Statuscodes }")
      .replace("description: Not an error.", "description: { en: Not an error., de: Kein Fehler. }")
      .replace("description: The deadline expired.", "description: { en: The deadline expired., de: Frist abgelaufen. }");
    expect(await diagnosticsOf({ "registry.yaml": registry })).toEqual([
      'registry.yaml:8:46: error: no "de" text for codes.DataLoss: registry.de.yaml does not exist yet; create it with `locale: de` and this text, give it inline, or set `missingTranslations: source` to fall back to en',
    ]);
  });

  it("once for a locale that has no file and lacks several texts, at its entry in `locales`", async () => {
    expect(await diagnosticsOf({ "registry.yaml": GRPC })).toEqual([
      'registry.yaml:4:15: error: no "de" texts for title, codes.Ok, codes.DeadlineExceeded, … (4 in all): registry.de.yaml does not exist yet; create it with `locale: de` and these texts, give them inline, or set `missingTranslations: source` to fall back to en',
    ]);
  });

  it("and with `missingTranslations: source` the source text is used", async () => {
    const { registry } = await loadFixture({ "registry.yaml": `${GRPC}missingTranslations: source\n` });
    expect(registry.codes[2]!.description).toEqual({ en: "Unrecoverable data loss.", de: "Unrecoverable data loss." });
    expect(registry.fallbacks.get("codes.DataLoss")).toEqual(["de"]);
    expect(registry.fallbacks.get("unknown")).toEqual(["de"]);
  });
});

describe("title", () => {
  it("may be omitted: it is then the registry's type, the same in every locale", async () => {
    const untitled = GRPC.replace("title: gRPC status codes\n", "");
    const german = GERMAN.replace("title: gRPC-Statuscodes\n", "");
    const { registry } = await loadFixture({ "registry.yaml": untitled, "registry.de.yaml": german });
    expect(registry.title).toEqual({ en: "GrpcStatus", de: "GrpcStatus" });
    expect(registry.fallbacks.has("title")).toBe(false);
  });
});

describe("a YAML block scalar", () => {
  const registry = (style: string) => `id: demo
type: Demo
locales: [en]
codes:
  - code: 1
    name: One
    description: ${style}
      The first code,
      in two lines.
  - { code: 2, name: Two, description: Two. }
`;

  it.each([
    ["|", "The first code,\nin two lines."],
    [">", "The first code, in two lines."],
    ["|-", "The first code,\nin two lines."],
    ["|+", "The first code,\nin two lines.\n"],
  ])("%s: its final line break is not carried into the outputs unless it asks to keep it", async (style, expected) => {
    const { dir, registry: model } = await loadFixture({ "registry.yaml": registry(style) });
    expect(model.codes[0]!.description.en).toBe(expected);
    const files = await renderAll(model, dir);
    const page = files.find((file) => file.path === "demo.md")!.contents;
    expect(page.includes("<br>|") || page.includes("<br> |")).toBe(style === "|+");
  });
});
