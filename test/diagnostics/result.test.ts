import { describe, expect, it } from "vitest";
import {
  collect,
  collectSettled,
  type Diagnostic,
  DiagnosticError,
  failure,
  type Result,
  settle,
  throwIfInvalid,
} from "../../generator/diagnostics/index.js";

const problem = (line: number): Diagnostic => ({ file: "a.yaml", line, column: 1, code: "yaml-syntax", message: "bad" });

describe("collect", () => {
  it("gives every result's outputs in order when all succeeded", () => {
    expect(
      collect([
        { ok: true, registry: "a" },
        { ok: true, files: [1] },
      ] as const),
    ).toEqual({
      ok: true,
      values: [
        { ok: true, registry: "a" },
        { ok: true, files: [1] },
      ],
    });
  });

  it("gives the problems of every failed result together", () => {
    expect(collect([failure([problem(1)]), { ok: true, registry: "a" }, failure([problem(2), problem(3)])])).toEqual(
      failure([problem(1), problem(2), problem(3)]),
    );
  });
});

describe("collectSettled", () => {
  it("waits for every result, so that a slow one's problems are in too", async () => {
    const slow = new Promise<Result>((resolve) => setTimeout(() => resolve(failure([problem(2)])), 20));
    expect(await collectSettled([Promise.resolve(failure([problem(1)])), slow])).toEqual(failure([problem(1), problem(2)]));
  });

  it("throws a crash as it is, not as a problem of the input", async () => {
    const crash = new TypeError("a bug");
    await expect(collectSettled([Promise.resolve(failure([problem(1)])), Promise.reject(crash)])).rejects.toBe(crash);
  });
});

describe("settle and throwIfInvalid", () => {
  it("turn what a stage kept despite its problems into a result, and a failed result into a DiagnosticError", () => {
    expect(settle({ files: [1], diagnostics: [] })).toEqual({ ok: true, files: [1] });
    const failed = settle({ files: [1], diagnostics: [problem(2), problem(1)] });
    expect(failed).toEqual(failure([problem(2), problem(1)]));
    expect(() => throwIfInvalid(failed)).toThrow(DiagnosticError);
    expect(() => throwIfInvalid(failed)).toThrow("a.yaml:1:1: error: bad\na.yaml:2:1: error: bad");
    expect(() => throwIfInvalid(settle({ diagnostics: [] }))).not.toThrow();
  });
});
