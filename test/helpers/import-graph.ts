import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";

/** One import of a module in the graph: `import`, `import type`, `export … from`, `import()` and `typeof import()`. */
export interface ImportEdge {
  /** The importing file, relative to the graph's root, `/`-separated. */
  readonly from: string;
  /** The imported file, likewise. */
  readonly to: string;
  /** The 1-based line of the specifier in `from`. */
  readonly line: number;
}

/** The files below a folder and the imports between them (imports of packages and `node:` left out). */
export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

/**
 * The import graph of the TypeScript files below `root`. TypeScript's own import scanner (`preProcessFile`, from the
 * compiler ts-morph bundles) reads every import form, type-only and dynamic ones included, and skips comments and
 * strings. A relative `./x.js` names the source `./x.ts`, as NodeNext resolution has it.
 */
export function readImportGraph(root: string): ImportGraph {
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
  const edges = files.flatMap((file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    return ts.preProcessFile(text, true, true).importedFiles.flatMap((imported) => {
      if (!imported.fileName.startsWith(".")) return [];
      const to = path.posix.join(path.posix.dirname(file), imported.fileName.replace(/\.js$/, ".ts"));
      return [{ from: file, to, line: text.slice(0, imported.pos).split("\n").length }];
    });
  });
  return { files, edges };
}

/** Every import cycle: the strongly connected components of more than one file (or a file importing itself). */
export function findCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>(graph.files.map((file) => [file, []]));
  for (const edge of graph.edges) next.get(edge.from)?.push(edge.to);
  // Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { file: string; child: number }[] = [{ file: start, child: 0 }];
    index.set(start, index.size);
    low.set(start, index.get(start)!);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = next.get(frame.file) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        if (!next.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, index.size);
          low.set(target, index.get(target)!);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, child: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent !== undefined) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.file);
      if (component.length > 1 || targets.includes(frame.file)) cycles.push(component.sort());
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * The layer of a file: the index of its top-level folder in `layers`, or `layers.length` for a file at the top
 * (`cli.ts`, `index.ts`), which may import from every layer; a folder in `above` (entry points built on the public
 * API) comes after the top; undefined for a folder that is no layer.
 */
export function layerOf(file: string, layers: readonly string[], above: readonly string[] = []): number | undefined {
  const slash = file.indexOf("/");
  if (slash < 0) return layers.length;
  const folder = file.slice(0, slash);
  if (above.includes(folder)) return layers.length + 1 + above.indexOf(folder);
  const layer = layers.indexOf(folder);
  return layer < 0 ? undefined : layer;
}

/** The imports that point to a later layer than the importing file's, as `from:line → to`. */
export function findLayerViolations(graph: ImportGraph, layers: readonly string[], above: readonly string[] = []): string[] {
  return graph.edges
    .filter((edge) => {
      const from = layerOf(edge.from, layers, above);
      const to = layerOf(edge.to, layers, above);
      return from !== undefined && to !== undefined && to > from;
    })
    .map((edge) => `${edge.from}:${edge.line} → ${edge.to}`);
}
