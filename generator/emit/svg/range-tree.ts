import type { CodeRange, Interval, Registry } from "../../model/registry.js";

/** A declared range with the ranges directly inside it, ascending. */
export interface RangeNode {
  readonly range: CodeRange;
  readonly depth: number;
  readonly children: readonly RangeNode[];
}

/** `1004` or `1000–2999`, as the tables write a span. */
export function spanText(span: Interval): string {
  return span.from === span.to ? `${span.from}` : `${span.from}–${span.to}`;
}

/** The registry's ranges as a forest: the outermost ranges ascending, each with its children ascending. */
export function rangeTree(registry: Registry): RangeNode[] {
  const byParent = new Map<string | undefined, CodeRange[]>();
  for (const range of [...registry.ranges].sort((a, b) => a.from - b.from || b.to - a.to)) {
    const siblings = byParent.get(range.parent) ?? [];
    siblings.push(range);
    byParent.set(range.parent, siblings);
  }
  const grow = (parent: string | undefined, depth: number): RangeNode[] =>
    (byParent.get(parent) ?? []).map((range) => ({ range, depth, children: grow(range.name, depth + 1) }));
  return grow(undefined, 0);
}

/** Every node of the forest, parents before their children. */
export function flattenTree(nodes: readonly RangeNode[]): RangeNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The stretches of the bounds outside every outermost range, ascending. */
export function gapsBetween(bounds: Interval, outermost: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  let next = bounds.from;
  for (const span of outermost) {
    if (span.from > next) gaps.push({ from: next, to: span.from - 1 });
    next = Math.max(next, span.to + 1);
  }
  if (next <= bounds.to) gaps.push({ from: next, to: bounds.to });
  return gaps;
}
