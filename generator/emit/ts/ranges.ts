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
export function innermostRangeTests(registry: Registry, result: (range: CodeRange, index: number) => string): string[] {
  const byWidth = registry.ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => a.range.to - a.range.from - (b.range.to - b.range.from) || a.index - b.index);
  return byWidth.map(({ range, index }) =>
    range.from === range.to
      ? `if (code === ${range.from}) return ${result(range, index)};`
      : `if (code >= ${range.from} && code <= ${range.to}) return ${result(range, index)};`,
  );
}

/** The declared ranges as data, their types, and `getCloseCodeRange(code)`: the innermost range of a code (nothing without ranges). */
export function emitRanges(registry: Registry, names: ModuleNames): Statement[] {
  // A registry without ranges gets no range API: an empty array, a `never` name and a lookup that always
  // answers `undefined` would only be noise.
  if (registry.ranges.length === 0) return [];
  const rangeNames = registry.ranges.map((range) => stringLiteral(range.name)).join(" | ");
  const tests = innermostRangeTests(registry, (_, index) => `${names.ranges}[${index}]`);
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
      statements: [`if (!Number.isInteger(code)) return undefined;`, ...tests, `return undefined;`],
    },
  ];
}
