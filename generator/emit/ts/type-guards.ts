import type { StatementStructures } from "ts-morph";
import { intervalsOf } from "../../model/intervals.js";
import type { Registry } from "../../model/registry.js";
import { jsDoc, membershipStatements } from "./builders.js";
import type { ModuleNames } from "./names.js";
import { StructureKind } from "./ts-morph-values.js";

/** `isCloseCode(value)`: registered codes only, for any value (strings, non-integers and NaN are not codes). */
export function emitTypeGuard(registry: Registry, names: ModuleNames): StatementStructures {
  const first = registry.codes[0]?.code ?? 0;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: names.isType,
    docs: [
      jsDoc(`Whether \`value\` is a registered code of ${registry.title[registry.sourceLocale]}.`, [
        ["example", `${names.isType}(${first}) // true\n${names.isType}("${first}") // false: not a number`],
      ]),
    ],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${names.type}`,
    statements: membershipStatements("value", intervalsOf(registry.codes.map((entry) => entry.code)), true),
  };
}

/** One guard per named set: `isValidCloseCode(code)`. */
export function emitSetGuards(registry: Registry, names: ModuleNames): StatementStructures[] {
  return registry.sets.map((set) => {
    const description = set.description?.[registry.sourceLocale] ?? `Whether \`code\` is in the set ${set.name}.`;
    return {
      kind: StructureKind.Function,
      isExported: true,
      name: names.setGuard(set),
      docs: [jsDoc(description, [["returns", `\`true\` for the integers ${describeIntervals(set.intervals)}.`]])],
      parameters: [{ name: "code", type: "number" }],
      returnType: "boolean",
      statements: membershipStatements("code", set.intervals, false),
    };
  });
}

function describeIntervals(intervals: readonly { from: number; to: number }[]): string {
  const shown = intervals.slice(0, 12).map((interval) => (interval.from === interval.to ? `${interval.from}` : `${interval.from}–${interval.to}`));
  return intervals.length > 12 ? `${shown.join(", ")}, … (${intervals.length} spans)` : shown.join(", ");
}
