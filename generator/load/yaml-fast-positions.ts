// Where the scalars of a document the fast path read (yaml-fast-data.ts) start, from js-yaml's events, as `yaml`
// would place them: locating a name this way needs no `yaml` document, which for a large registry costs seconds
// and a hundred megabytes. Only plain and quoted scalars are placed; anything else (a block scalar, an empty
// value, a collection, a key) is left to `yaml`'s document. test/load/yaml-fast-positions.test.ts holds both equal.
import { EVENT_ID, parseEvents, SCALAR_STYLE } from "js-yaml";
import { resolvePlain } from "./yaml-fast-data.js";

/** A path into the data, as yaml-document.ts's `DataPath` (written out here: that module imports this one). */
type DataPath = readonly (string | number)[];

/** The offsets of a document's plain and quoted scalar values, by path (see {@link pathKey}). */
export type ScalarOffsets = ReadonlyMap<string, number>;

/** How a path is keyed in {@link ScalarOffsets}. */
export function pathKey(path: DataPath): string {
  return JSON.stringify(path);
}

/** The key of a map entry whose paths are not placed: no key read from YAML text holds this character. */
const UNPLACED = "\u0000";

/** A collection being walked: its path, and the key read and waiting for its value (in a map) or the next index. */
interface Open {
  readonly path: DataPath;
  readonly map: boolean;
  key: string | undefined;
  index: number;
}

/**
 * The offset `yaml` gives each plain and quoted scalar value of `text`: where a plain scalar starts, the opening
 * quote of a quoted one. `text` must be a document the fast path read (one document, no tags, anchors or aliases,
 * scalar keys); else the offsets are not to be trusted, and `undefined` is returned when js-yaml fails.
 */
export function scalarOffsets(text: string): ScalarOffsets | undefined {
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const offsets = new Map<string, number>();
  const stack: Open[] = [];
  /** The path of the node that comes next in the innermost collection, or `undefined` when it is a map's key. */
  const next = (): DataPath | undefined => {
    const open = stack.at(-1);
    if (open === undefined) return [];
    if (!open.map) return [...open.path, open.index++];
    return open.key === undefined ? undefined : [...open.path, open.key];
  };
  for (const event of events) {
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const path = next() ?? [];
      if (stack.at(-1)?.map) stack.at(-1)!.key = undefined;
      stack.push({ path, map: event.type === EVENT_ID.MAPPING, key: undefined, index: 0 });
    } else if (event.type === EVENT_ID.SCALAR) {
      const path = next();
      const open = stack.at(-1);
      if (path === undefined) {
        // Only a plain key that reads as a string is its own text (and found by that name in `yaml`'s document):
        // below any other key (quoted, a number, null), nothing is placed.
        const key = text.slice(event.valueStart, event.valueEnd);
        open!.key = event.style === SCALAR_STYLE.PLAIN && typeof resolvePlain(key) === "string" ? key : UNPLACED;
        continue;
      }
      if (open?.map) open.key = undefined;
      if (event.style === SCALAR_STYLE.PLAIN && event.valueEnd > event.valueStart) offsets.set(pathKey(path), event.valueStart);
      else if (event.style === SCALAR_STYLE.DOUBLE_QUOTED || event.style === SCALAR_STYLE.SINGLE_QUOTED)
        offsets.set(pathKey(path), event.valueStart - 1);
    } else if (event.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  return offsets;
}

/** The 1-based line and column of an offset, as `yaml`'s LineCounter gives them. */
export function linePosition(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
