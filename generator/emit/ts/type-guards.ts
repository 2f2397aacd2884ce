import { intervalsOf } from "../../model/intervals.js";
import type { Registry } from "../../model/registry.js";
import { jsDoc, membership, type Statement } from "./builders.js";
import { type ModuleNames, spansTable } from "./names.js";
import { type SourceRefs, withSource } from "./source-refs.js";
import { StructureKind } from "./ts-morph-values.js";

/**
 * `isCloseCode(value)`: registered codes only, for any value (strings, non-integers and NaN are not codes),
 * after the table of spans it reads when it is a binary search.
 */
export function emitTypeGuard(registry: Registry, names: ModuleNames, refs: SourceRefs): Statement[] {
  const first = registry.codes[0]?.code ?? 0;
  const test = membership("value", intervalsOf(registry.codes.map((entry) => entry.code)), true, spansTable(names.isType));
  return [
    ...test.tables,
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.isType,
      docs: [
        jsDoc(
          withSource(`Whether \`value\` is a registered code of ${registry.title[registry.sourceLocale]}.`, refs(registry.origins?.type)),
          [["example", `${names.isType}(${first}) // true\n${names.isType}("${first}") // false: not a number`]],
        ),
      ],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${names.type}`,
      statements: test.statements,
    },
  ];
}

/** One guard per named set: `isValidCloseCode(code)`, each after the table it reads, if any. */
export function emitSetGuards(registry: Registry, names: ModuleNames, refs: SourceRefs): Statement[] {
  return registry.sets.flatMap((set): Statement[] => {
    const description = set.description?.[registry.sourceLocale] ?? `Whether \`code\` is in the set ${set.name}.`;
    const guard = names.setGuard(set);
    const test = membership("code", set.intervals, false, spansTable(guard));
    return [
      ...test.tables,
      {
        kind: StructureKind.Function,
        isExported: true,
        name: guard,
        docs: [
          jsDoc(withSource(description, refs(registry.origins?.sets.get(set.name))), [
            ["returns", `\`true\` for the integers ${describeIntervals(set.intervals)}.`],
          ]),
        ],
        parameters: [{ name: "code", type: "number" }],
        returnType: "boolean",
        statements: test.statements,
      },
    ];
  });
}

function describeIntervals(intervals: readonly { from: number; to: number }[]): string {
  const shown = intervals
    .slice(0, 12)
    .map((interval) => (interval.from === interval.to ? `${interval.from}` : `${interval.from}–${interval.to}`));
  return intervals.length > 12 ? `${shown.join(", ")}, … (${intervals.length} spans)` : shown.join(", ");
}
