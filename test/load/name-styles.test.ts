import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/index.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { fileAt } from "../helpers/generated-module.js";
import { importTypeScript } from "../helpers/module.js";
import { loadFixture, renderAll } from "../helpers/registry.js";
import { tempDir, writeTree } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";

const GRPC = `id: grpc-status
type: GrpcStatus
nameStyle: UPPER_SNAKE
locales: [en, de]
codes:
  - { code: 0, name: OK, description: Not an error. }
  - { code: 4, name: DEADLINE_EXCEEDED, description: The deadline expired. }
sets:
  - { name: Retryable, include: [DEADLINE_EXCEEDED] }
`;

const GERMAN = "locale: de\ncodes: { OK: Kein Fehler., DEADLINE_EXCEEDED: Die Frist ist abgelaufen. }\n";

async function diagnosticsOf(registry: string): Promise<string[]> {
  const dir = await tempDir();
  await writeTree(dir, { "registry.yaml": registry, "registry.de.yaml": GERMAN });
  const result = await tryLoadRegistry(path.join(dir, "registry.yaml"), { cwd: dir });
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

describe("nameStyle", () => {
  it("UPPER_SNAKE: names as gRPC writes them, in the enum, the catalogs and the locale files", async () => {
    const { dir, registry } = await loadFixture({ "registry.yaml": GRPC, "registry.de.yaml": GERMAN });
    const files = await renderAll(registry, dir);
    const source = fileAt(files, "grpc-status.ts");
    expect(source).toContain("    DEADLINE_EXCEEDED = 4");
    expect(JSON.parse(fileAt(files, "i18next/de/grpc-status.json")).codes).toEqual({
      OK: "Kein Fehler.",
      DEADLINE_EXCEEDED: "Die Frist ist abgelaufen.",
    });
    expect(await compileStrict(await tempDir(), { "grpc-status.ts": source })).toEqual({ ok: true, output: "" });
    const module = await importTypeScript(dir, "grpc", source);
    expect((module.GrpcStatus as Record<string, number>).DEADLINE_EXCEEDED).toBe(4);
    expect((module.describeGrpcStatus as (code: number, locale: string) => string)(4, "de-AT")).toBe("Die Frist ist abgelaufen.");
  });

  it("UPPER_SNAKE: a PascalCase name is an error with its UPPER_SNAKE form", async () => {
    expect(await diagnosticsOf(GRPC.replace("name: DEADLINE_EXCEEDED,", "name: DeadlineExceeded,"))).toEqual([
      'registry.yaml:7:22: error: "DeadlineExceeded" is not a valid name: with `nameStyle: UPPER_SNAKE`, code and range names are uppercase words joined by single underscores, such as DEADLINE_EXCEEDED; did you mean "DEADLINE_EXCEEDED"?',
    ]);
  });

  it("PascalCase stays the default: an UPPER_SNAKE name is an error there", async () => {
    expect(await diagnosticsOf(GRPC.replace("nameStyle: UPPER_SNAKE\n", ""))).toEqual([
      'registry.yaml:6:22: error: "DEADLINE_EXCEEDED" is not a valid name: names are PascalCase identifiers (an uppercase letter, then letters and digits), such as NormalClosure or URITooLong',
    ]);
  });
});
