import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_CODE_UNION, setUnion } from "../../../generator/emit/ts/names.js";
import { loadRegistry, renderRegistry } from "../../../generator/index.js";
import type { Registry } from "../../../generator/model/registry.js";
import { fileAt } from "../../helpers/generated-module.js";
import { repoRoot } from "../../helpers/paths.js";
import { loadFixture } from "../../helpers/registry.js";
import { tempDir } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

// test/fixtures/set-unions: a set of registered codes only (Retryable), one that spans unregistered numbers too
// (Failure: the range 100–199), one with a guard of its own name (Final) and one of unregistered numbers only
// (Private). Its expected/ is a golden of the golden fixtures test.
const folder = path.join(repoRoot, "test", "fixtures", "set-unions");

/** Written against `TaskResults`, which has each member's precise type with enums on and off alike. */
const HELPERS = `import {
    getTaskResultName,
    isFailureTaskResult,
    isFinalResult,
    isPrivateTaskResult,
    isRetryableTaskResult,
    isTaskResult,
    TaskResults,
    type FailureTaskResult,
    type FinalResult,
    type RetryableTaskResult,
    type TaskResult,
} from "./task-results.js";

function unreachable(value: never): never {
    throw new Error(\`unexpected \${String(value)}\`);
}
`;

/**
 * Exhaustive switches over each union, the narrowing each guard gives, and the precise types kept. `enums` says
 * whether the module has a numeric enum, which accepts any number: a plain number is then assignable to a union.
 */
const consumer = (enums: boolean) => `${HELPERS}
export function retryDelay(code: RetryableTaskResult): number {
    switch (code) {
        case TaskResults.TimedOut:
            return 1000;
        case TaskResults.Cancelled:
            return 0;
        default:
            return unreachable(code);
    }
}

export function final(code: FinalResult): string {
    switch (code) {
        case TaskResults.Done:
            return "done";
        case TaskResults.Failed:
            return "failed";
        default:
            return unreachable(code);
    }
}

/** A set of registered codes alone: its guard narrows any number, and \`false\` excludes its codes. */
export function delayOf(code: number): number | undefined {
    return isRetryableTaskResult(code) ? retryDelay(code) : undefined;
}

export function notFinal(code: TaskResult): "skipped" | "timed out" | "cancelled" | undefined {
    if (isFinalResult(code)) return undefined;
    switch (code) {
        case TaskResults.Skipped:
            return "skipped";
        case TaskResults.TimedOut:
            return "timed out";
        case TaskResults.Cancelled:
            return "cancelled";
        default:
            return unreachable(code);
    }
}

/** A set that spans unregistered numbers: its union types the registered ones, its guard is a boolean. */
export function failure(code: FailureTaskResult): string {
    switch (code) {
        case TaskResults.Failed:
            return "failed";
        case TaskResults.TimedOut:
            return "timed out";
        case TaskResults.Cancelled:
            return "cancelled";
        default:
            return unreachable(code);
    }
}

export function isFailure(code: number): boolean {
    const failed: boolean = isFailureTaskResult(code);
    ${enums ? "" : "// @ts-expect-error: 199 is in the set and no code, so the guard does not narrow"}
    const narrowed: FailureTaskResult | undefined = isFailureTaskResult(code) ? code : undefined;
    return failed && narrowed !== undefined;
}

export function fromWire(code: number): string | undefined {
    if (isTaskResult(code) && isFinalResult(code)) return final(code);
    const mine: boolean = isPrivateTaskResult(code);
    return mine ? "private" : undefined;
}

// The as-const object and the name lookup keep their precise types.
export const timedOut: 101 = TaskResults.TimedOut;
export const name: "Done" | "Skipped" | "Failed" | "TimedOut" | "Cancelled" | undefined = getTaskResultName(101);
// @ts-expect-error: a name the registry does not have
export const wrongName: "Unknown" | undefined = getTaskResultName(101);
// @ts-expect-error: 100 is not in the set Retryable
export const notRetryable: RetryableTaskResult = TaskResults.Failed;
`;

/** A switch that forgets the member Cancelled of the set Retryable. */
const MISSING_CASE = `${HELPERS}
export function retryDelay(code: RetryableTaskResult): number {
    switch (code) {
        case TaskResults.TimedOut:
            return 1000;
        default:
            return unreachable(code);
    }
}
export const used = [getTaskResultName, isFailureTaskResult, isFinalResult, isPrivateTaskResult, isRetryableTaskResult, isTaskResult];
export type Used = FailureTaskResult | FinalResult | TaskResult;
`;

describe("a union type per set, and guards that narrow", () => {
  let registry: Registry;

  beforeAll(async () => {
    registry = await loadRegistry(path.join(folder, "registry.yaml"));
  });

  it("gives a set its registered codes, says whether they are all of it, and gives none to a set without codes", () => {
    const unions = Object.fromEntries(
      registry.sets.map((set) => {
        const union = setUnion(registry, set);
        return [set.name, union && { members: union.members.map((entry) => entry.name), exact: union.exact }];
      }),
    );
    expect(unions).toEqual({
      Retryable: { members: ["TimedOut", "Cancelled"], exact: true },
      Failure: { members: ["Failed", "TimedOut", "Cancelled"], exact: false },
      Final: { members: ["Done", "Failed"], exact: true },
      Private: undefined,
    });
  });

  it(`writes a union of up to ${MAX_CODE_UNION} codes, and beyond that leaves the guard a boolean`, async () => {
    const codes = Array.from({ length: MAX_CODE_UNION + 1 }, (_, code) => `  - { code: ${code}, name: Code${code}, description: Code. }`);
    const { registry: big } = await loadFixture({
      "registry.yaml": [
        "id: big",
        "type: Big",
        "locales: [en]",
        "unknown: Unknown.",
        "codes:",
        ...codes,
        "sets:",
        `  - { name: Most, include: [{ from: 1, to: ${MAX_CODE_UNION} }] }`,
        `  - { name: All, include: [{ from: 0, to: ${MAX_CODE_UNION} }] }`,
        "",
      ].join("\n"),
    });
    expect(setUnion(big, big.sets[0]!)).toMatchObject({ exact: true });
    expect(setUnion(big, big.sets[0]!)!.members).toHaveLength(MAX_CODE_UNION);
    expect(setUnion(big, big.sets[1]!)).toBeUndefined();
    const module = fileAt(await renderRegistry(big, { outDir: folder }), "big.ts");
    expect(module).toContain("export function isMostBig(code: number): code is MostBig {");
    expect(module).toContain("export function isAllBig(code: number): boolean {");
    expect(module).not.toContain("AllBig =");
  });

  describe.each([
    ["ts", true],
    ["ts", false],
    ["js", true],
    ["js", false],
  ] as const)("emit %s, enums %s", (emit, enums) => {
    /** The module as the consumer imports it: the TypeScript module, or the JavaScript and its declaration file. */
    async function moduleFiles(): Promise<Record<string, string>> {
      const rendered = await renderRegistry(registry, { outDir: path.join(folder, "expected"), enums, emit });
      if (emit === "ts") return { "task-results.ts": fileAt(rendered, "task-results.ts") };
      return { "task-results.js": fileAt(rendered, "task-results.js"), "task-results.d.ts": fileAt(rendered, "task-results.d.ts") };
    }

    it("compiles exhaustive switches over each union, and each guard narrows as far as it can", async () => {
      const compiled = await compileStrict(await tempDir(), { ...(await moduleFiles()), "consumer.ts": consumer(enums) });
      expect(compiled.output).toBe("");
      expect(compiled.ok).toBe(true);
    });

    it("fails a switch that misses a member of a union, naming the member", async () => {
      const compiled = await compileStrict(await tempDir(), { ...(await moduleFiles()), "consumer.ts": MISSING_CASE });
      expect(compiled.ok).toBe(false);
      const member = enums ? "TaskResult.Cancelled" : "102";
      const line = MISSING_CASE.split("\n").findIndex((text) => text.includes("return unreachable(code)")) + 1;
      expect(compiled.output).toContain(
        `consumer.ts(${line},32): error TS2345: Argument of type '${member}' is not assignable to parameter of type 'never'.`,
      );
      expect(compiled.output.trim().split("\n")).toHaveLength(1);
    });
  });
});
