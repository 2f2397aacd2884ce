// Where the scalars of a document the fast path read (yaml-fast-data.ts) start, as `yaml` would place them,
// recorded from js-yaml's events while the data is built: locating a name this way needs no `yaml` document,
// which for a large registry costs seconds and a hundred megabytes, and no second parse. Only plain and quoted
// scalars are placed; anything else (a block scalar, an empty value, a collection, a key) is left to `yaml`'s
// document. test/load/yaml-fast-positions.test.ts holds both equal.

/** A path into the data, as yaml-document.ts's `DataPath` (written out here: that module imports this one). */
type DataPath = readonly (string | number)[];

/**
 * What is known of one node's place: the offset of a placed scalar, {@link NOT_PLACED}, or the places inside a
 * collection, in the shape of its data (a list for a sequence, an object for a map, its own properties the keys).
 */
export type Place = number | PlacedList | PlacedMap;

/** The places of a sequence's items, by index. */
export type PlacedList = Place[];

/** The places of a map's values, by key; {@link NOT_PLACED} for a key whose values are not placed at any depth. */
export interface PlacedMap {
  [key: string]: Place;
}

/** A node `yaml`'s document must place: not a plain or quoted scalar, or below a key that is not its own text. */
export const NOT_PLACED = -1;

/** Records the place of the value at `key` of a map: `__proto__` as an own property, as the data has it. */
export function setPlace(map: PlacedMap, key: string, place: Place): void {
  if (key === "__proto__") Object.defineProperty(map, key, { value: place, writable: true, enumerable: true, configurable: true });
  else map[key] = place;
}

/**
 * The offset `yaml` gives the scalar value at `path` of the document whose places are `root`: where a plain scalar
 * starts, the opening quote of a quoted one; `undefined` when it is not placed (or not there).
 */
export function placedOffset(root: Place, path: DataPath): number | undefined {
  let place: Place | undefined = root;
  for (const segment of path) {
    if (typeof place !== "object") return undefined;
    if (Array.isArray(place)) place = typeof segment === "number" ? place[segment] : undefined;
    // Own properties only: `constructor` and `toString` are keys like any other.
    else place = typeof segment === "string" && Object.hasOwn(place, segment) ? place[segment] : undefined;
  }
  return typeof place === "number" && place !== NOT_PLACED ? place : undefined;
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
