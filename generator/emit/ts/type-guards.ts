import { intervalsOf } from "../../model/intervals.js";
import type { CodeSet, Registry } from "../../model/registry.js";
import { jsDoc } from "./literals.js";
import { membership } from "./membership.js";
import { type ModuleNames, type SetUnion, setUnion, spansTable } from "./names.js";
import { type Statement, unionStatement } from "./print.js";
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

/**
 * One guard per named set: `isValidCloseCode(code)`, each after the table it reads, if any. A set with registered
 * codes gets their union first (`RetryableGrpcStatus`, see {@link setUnion}). Only a set of registered codes alone
 * narrows to it: a set that also holds unregistered numbers is true for them too, and a numeric enum accepts any
 * number, so no signature can narrow a registered code without claiming the same of every number.
 */
export function emitSetGuards(registry: Registry, names: ModuleNames, enums: boolean, refs: SourceRefs): Statement[] {
  return registry.sets.flatMap((set): Statement[] => {
    const description = set.description?.[registry.sourceLocale] ?? `Whether \`code\` is in the set ${set.name}.`;
    const guard = names.setGuard(set);
    const union = setUnion(registry, set);
    const source = refs(registry.origins?.sets.get(set.name));
    const test = membership("code", set.intervals, false, spansTable(guard));
    return [
      ...(union === undefined ? [] : [emitSetUnion(names, enums, set, union, source)]),
      ...test.tables,
      {
        kind: StructureKind.Function,
        isExported: true,
        name: guard,
        docs: [jsDoc(withSource(description, source), [["returns", `\`true\` for the integers ${describeIntervals(set.intervals)}.`]])],
        parameters: [{ name: "code", type: "number" }],
        returnType: union?.exact ? `code is ${names.setType(set)}` : "boolean",
        statements: test.statements,
      },
    ];
  });
}

/** `type RetryableGrpcStatus = GrpcStatus.Unavailable`: the registered codes of a set, by member. */
function emitSetUnion(names: ModuleNames, enums: boolean, set: CodeSet, union: SetUnion, source: string | undefined): string {
  const members = union.members.map((entry) => (enums ? `${names.type}.${entry.name}` : `typeof ${names.values}.${entry.name}`));
  const guard = names.setGuard(set);
  const what = union.exact
    ? `The codes of the set ${set.name}: {@link ${guard}} narrows a number to this type.`
    : `The registered codes of the set ${set.name}. The set holds unregistered numbers too, so {@link ${guard}} answers a boolean instead of narrowing to this type.`;
  return unionStatement(names.setType(set), members, jsDoc(withSource(what, source)));
}

function describeIntervals(intervals: readonly { from: number; to: number }[]): string {
  const shown = intervals
    .slice(0, 12)
    .map((interval) => (interval.from === interval.to ? `${interval.from}` : `${interval.from}–${interval.to}`));
  return intervals.length > 12 ? `${shown.join(", ")}, … (${intervals.length} spans)` : shown.join(", ");
}
