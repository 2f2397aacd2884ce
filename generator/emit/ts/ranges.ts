import type { CodeRange, Registry } from "../../model/registry.js";
import { jsDoc, stringLiteral } from "./literals.js";
import type { ModuleNames } from "./names.js";
import { constStatement, type LiteralEntry, literal, type Statement } from "./print.js";
import { StructureKind } from "./ts-morph-values.js";

function rangeObject(registry: Registry, range: CodeRange): LiteralEntry {
  const fields = [`name: ${stringLiteral(range.name)}`, `from: ${range.from}`, `to: ${range.to}`];
  if (range.parent !== undefined) fields.push(`parent: ${stringLiteral(range.parent)}`);
  return { value: `{ ${fields.join(", ")} }`, doc: range.description[registry.sourceLocale]! };
}

/**
 * One `if` per declared range, narrowest first (ranges nest, so the narrowest range holding a code is its
 * innermost one), returning `result(range, index)`; `code` must already be known to be an integer.
 */
function innermostRangeTests(registry: Registry, result: (range: CodeRange, index: number) => string): string[] {
  const byWidth = registry.ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => a.range.to - a.range.from - (b.range.to - b.range.from) || a.index - b.index);
  return byWidth.map(({ range, index }) =>
    range.from === range.to
      ? `if (code === ${range.from}) return ${result(range, index)};`
      : `if (code >= ${range.from} && code <= ${range.to}) return ${result(range, index)};`,
  );
}

/**
 * The most declared ranges whose lookup is a search over their bounds; above it, one test per range keeps the
 * generated code, and the time to generate it, linear in the ranges.
 */
const MAX_SEARCH_RANGES = 64;

/** A stretch of codes whose innermost range is the same: `range` is an index into the registry's ranges, -1 for none. */
interface Stretch {
  readonly from: number;
  readonly range: number;
}

/**
 * The integers split where the innermost range changes, in order: the first stretch starts at -Infinity, the last
 * runs to +Infinity, and neighbours differ. Each stretch's range is the first, narrowest first, that holds it.
 */
function stretches(registry: Registry): Stretch[] {
  const byWidth = registry.ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => a.range.to - a.range.from - (b.range.to - b.range.from) || a.index - b.index);
  const bounds = [...new Set(registry.ranges.flatMap((range) => [range.from, range.to + 1]))].sort((a, b) => a - b);
  const found: Stretch[] = [{ from: Number.NEGATIVE_INFINITY, range: -1 }];
  for (const from of bounds) {
    const range = byWidth.find((entry) => entry.range.from <= from && from <= entry.range.to)?.index ?? -1;
    if (range !== found.at(-1)!.range) found.push({ from, range });
  }
  return found;
}

/**
 * `return` statements of the innermost declared range holding `code` (`result(range, index)`), else `none`;
 * `code` must already be known to be an integer. Up to {@link MAX_SEARCH_RANGES} ranges, a binary search over the
 * bounds where the innermost range changes, written as nested comparisons: a handful of them for any code, and
 * code small enough for V8 to inline into the caller. Above, {@link innermostRangeTests}.
 */
export function innermostRangeLookup(registry: Registry, result: (range: CodeRange, index: number) => string, none: string): string[] {
  if (registry.ranges.length > MAX_SEARCH_RANGES) return [...innermostRangeTests(registry, result), `return ${none};`];
  const found = stretches(registry);
  const text = (stretch: Stretch): string => (stretch.range < 0 ? none : result(registry.ranges[stretch.range]!, stretch.range));
  const search = (low: number, high: number): string[] => {
    if (low === high) return [`return ${text(found[low]!)};`];
    const middle = (low + high + 1) >> 1;
    const below = search(low, middle - 1);
    const test = `if (code < ${found[middle]!.from})`;
    const first = below.length === 1 ? [`${test} ${below[0]}`] : [`${test} {`, ...below.map((line) => `    ${line}`), "}"];
    return [...first, ...search(middle, high)];
  };
  return search(0, found.length - 1);
}

/** The declared ranges as data, their types, and `getCloseCodeRange(code)`: the innermost range of a code (nothing without ranges). */
export function emitRanges(registry: Registry, names: ModuleNames): Statement[] {
  // A registry without ranges gets no range API: an empty array, a `never` name and a lookup that always
  // answers `undefined` would only be noise.
  if (registry.ranges.length === 0) return [];
  const rangeNames = registry.ranges.map((range) => stringLiteral(range.name)).join(" | ");
  const lookup = innermostRangeLookup(registry, (_, index) => `${names.ranges}[${index}]`, "undefined");
  return [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: names.rangeType,
      docs: [jsDoc("A declared range of codes (inclusive). Ranges nest: `parent` names the enclosing range.")],
      properties: [
        { name: "name", isReadonly: true, type: names.rangeNameType },
        { name: "from", isReadonly: true, type: "number" },
        { name: "to", isReadonly: true, type: "number" },
        { name: "parent", isReadonly: true, hasQuestionToken: true, type: names.rangeNameType },
      ],
    },
    constStatement({
      name: names.ranges,
      exported: true,
      docs: jsDoc("Every declared range, in the registry's order."),
      // Typed as the interface, so that every element has every field (`ranges.map((range) => range.parent)`).
      type: `readonly ${names.rangeType}[]`,
      initializer: literal(
        "array",
        registry.ranges.map((range) => rangeObject(registry, range)),
      ),
    }),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.rangeNameType,
      docs: [jsDoc("The name of a declared range.")],
      type: rangeNames,
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.getRange,
      docs: [jsDoc("The innermost declared range that holds `code`, or `undefined` when no range does (or `code` is not an integer).")],
      parameters: [{ name: "code", type: "number" }],
      returnType: `${names.rangeType} | undefined`,
      statements: [`if (!Number.isInteger(code)) return undefined;`, lookup.join("\n")],
    },
  ];
}
