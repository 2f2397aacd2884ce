import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { repoRoot } from "../helpers/paths.js";
import { demoRegistry } from "../helpers/registries.js";
import { tempDir } from "../helpers/temp.js";

// Counts the documents parsed with positions (yaml's parseDocument), the slow parse. The generator requires yaml
// on first use (load/yaml-package.ts), so the spy sits on the module that `require` returns.
const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
const parseDocument = vi.spyOn(yaml, "parseDocument");

beforeEach(() => {
  parseDocument.mockClear();
});

describe("positions are computed only to locate a diagnostic", () => {
  it("loading the default registry and its six locale files parses none of them with positions", async () => {
    const result = await tryLoadRegistry(path.join(repoRoot, "schema", "close-codes.yaml"), { cwd: repoRoot });
    expect(result.ok).toBe(true);
    expect(result.ok && result.files.length).toBe(7);
    expect(parseDocument.mock.calls.length).toBe(0);
  });

  it("rendering the TypeScript module, whose doc comments and declaration map name each registry line, parses none of them either", async () => {
    const result = await tryLoadRegistry(path.join(repoRoot, "schema", "close-codes.yaml"), { cwd: repoRoot });
    expect(result.ok).toBe(true);
    const origins = result.ok ? result.registry.locateOrigins!() : undefined;
    expect(origins?.codes.get("NormalClosure")?.line).toBeGreaterThan(1);
    expect(parseDocument.mock.calls.length).toBe(0);
  });

  it("a semantic error is located as before: the file with the problem is parsed with positions, once", async () => {
    const dir = await tempDir();
    const registry = demoRegistry().replace("code: 2", "code: 1");
    await writeFile(path.join(dir, "codes.yaml"), registry);
    const result = await tryLoadRegistry("codes.yaml", { cwd: dir });
    expect(result.ok).toBe(false);
    const lines = registry.split("\n");
    const line =
      lines.findIndex((text, index) => index > lines.findIndex((first) => first.includes("code: 1")) && text.includes("code: 1")) + 1;
    expect(!result.ok && result.diagnostics.map((d) => [d.code, d.line])).toEqual([["duplicate-code", line]]);
    expect(parseDocument.mock.calls.length).toBe(1);
  });
});
