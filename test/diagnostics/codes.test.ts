import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostic } from "../../generator/diagnostics/index.js";

const GENERATOR = path.resolve(import.meta.dirname, "../../generator");

/** The codes `DiagnosticCode` lists, read from its source. */
async function listedCodes(): Promise<string[]> {
  const text = await readFile(path.join(GENERATOR, "diagnostics/codes.ts"), "utf8");
  return [...text.matchAll(/^\s+\| "([a-z0-9-]+)"/gm)].map((match) => match[1]!);
}

/** Every hand-written source file of the generator but the list itself. */
async function sources(): Promise<string> {
  const files = await readdir(GENERATOR, { recursive: true });
  const kept = files.filter(
    (file) => file.endsWith(".ts") && !file.includes("standalone") && !file.endsWith(path.join("diagnostics", "codes.ts")),
  );
  return (await Promise.all(kept.map((file) => readFile(path.join(GENERATOR, file), "utf8")))).join("\n");
}

describe("DiagnosticCode", () => {
  it("lists each code once, and only codes some check reports", async () => {
    const codes = await listedCodes();
    expect(codes.length).toBeGreaterThan(60);
    expect(new Set(codes).size).toBe(codes.length);
    const text = await sources();
    expect(codes.filter((code) => !text.includes(`"${code}"`))).toEqual([]);
  });

  it("is what the compiler holds a diagnostic's code to", () => {
    // @ts-expect-error: a misspelt code is not a DiagnosticCode
    const diagnostic: Diagnostic = { file: "a.yaml", line: 1, column: 1, code: "duplicate-cdoe", message: "duplicate code 1" };
    expect(formatDiagnostic(diagnostic)).toBe("a.yaml:1:1: error: duplicate code 1");
  });
});
