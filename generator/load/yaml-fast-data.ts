// The fast path of parseYaml: js-yaml's event parser, about four times faster than `yaml`'s document parser,
// which keeps every node with its positions. The positions are needed only to locate a diagnostic, so this path
// returns data only for a document the `yaml` path would accept as it is and read as the same data; for anything
// else (any error, and any form the `yaml` path refuses or treats with care) it gives up and the `yaml` path
// runs, which finds and locates the problem. test/load/yaml-fast-data.test.ts holds the two paths equal.
import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from "js-yaml";
import { NOT_PLACED, type Place, type PlacedList, type PlacedMap, setPlace } from "./yaml-fast-positions.js";

/**
 * Collections nested this deep are left to the `yaml` path, which refuses those deeper than its limit (64) with a
 * located message; js-yaml's own depth limit (100, counted its way) then never decides anything.
 */
const DEPTH_LEFT_TO_YAML = 64;

/**
 * Whether a text holds what the `yaml` path refuses in one (see yaml-restrictions.ts): a control character other
 * than a tab, a line feed or a carriage return, or a lone surrogate. What
 * `/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u` matches, in one scan of the character codes:
 * every scalar and key of a document is tested, and the expression cost several times more.
 */
export function refusedInText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    } else if (code >= 0x7f && code <= 0x9f) {
      return true;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A high surrogate followed by a low one is a pair (one character); any other surrogate is alone.
      const next = text.charCodeAt(index + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
      index += 1;
    }
  }
  return false;
}

/**
 * Keys written longer than this (in the source, escapes and all) are left to `yaml`, which refuses an implicit key
 * over 1,024 characters; js-yaml reads it.
 */
const KEY_LENGTH_LEFT_TO_YAML = 1000;

/** The first characters of the plain scalars that the core schema may resolve as something other than a string. */
const MAY_NOT_BE_STRING = new Set([..."~nNtTfF0123456789+-."].map((character) => character.charCodeAt(0)));

/** A plain scalar as the YAML 1.2 core schema resolves it, exactly as `yaml` does (its tags, in its order). */
export function resolvePlain(source: string): unknown {
  // Every form but a string starts with one of `~nNtTfF0-9+-.` (or is empty): most texts are told by their first character.
  if (source.length > 0 && !MAY_NOT_BE_STRING.has(source.charCodeAt(0))) return source;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === "t" || source[0] === "T";
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? NaN : source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source))
    return parseFloat(source);
  return source;
}

/** Thrown inside the builder to give up; never escapes {@link readYamlDataFast}. */
const GIVE_UP = Symbol("give up");

/** A collection being built, with what the next scalar or collection inside it becomes. */
interface Open {
  readonly value: unknown[] | Record<string, unknown>;
  /** Where its scalars are, in the same shape (see yaml-fast-positions.ts). */
  readonly places: PlacedList | PlacedMap;
  readonly flow: boolean;
  /** In a map: the key read and waiting for its value. */
  key: string | undefined;
  /** In a map: whether the value of that key is placed, which it is below a plain key that reads as a string. */
  keyPlaced: boolean;
}

/** A scalar's value: plain ones resolved by the core schema, block ones with their final line break clipped. */
function scalarValue(text: string, event: ScalarEvent): unknown {
  const value = getScalarValue(text, event);
  if (event.style === SCALAR_STYLE.PLAIN) return resolvePlain(value);
  // parseYaml drops the line break a `|` or `>` block keeps by default (see block-scalars.ts).
  if ((event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) && event.chomping === CHOMPING_MODE.CLIP)
    return value.replace(/\n$/, "");
  return value;
}

/** A map key as `yaml` turns it into a property name; gives up on a key the `yaml` path refuses or questions. */
function keyOf(value: unknown, into: Record<string, unknown>): string {
  if (value === null) throw GIVE_UP;
  const key = String(value);
  if (refusedInText(key) || Object.hasOwn(into, key)) throw GIVE_UP;
  return key;
}

/** A scalar or collection read, for {@link place}. */
interface Item {
  readonly value: unknown;
  /** Its place (see yaml-fast-positions.ts): a collection's places, or a scalar's offset. */
  readonly place: Place;
  readonly isCollection: boolean;
  /** An empty plain scalar: no value at all. */
  readonly empty: boolean;
  /** A plain scalar that reads as a string: as a key, the text `yaml` finds its value by. */
  readonly plainString: boolean;
  /** How many characters it is written in (for a key). */
  readonly length: number;
}

/** Puts an item where the innermost open collection expects it. */
function place(open: Open, item: Item): void {
  if (Array.isArray(open.value)) {
    open.value.push(item.value);
    (open.places as PlacedList).push(item.place);
    return;
  }
  const map = open.value;
  if (open.key === undefined) {
    if (item.isCollection || item.length > KEY_LENGTH_LEFT_TO_YAML) throw GIVE_UP;
    open.key = keyOf(item.value, map);
    // Only a plain key that reads as a string is its own text (and found by that name in `yaml`'s document):
    // below any other key (quoted, a number, null), nothing is placed.
    open.keyPlaced = item.plainString;
    return;
  }
  // `{ en: Stop, then go }` reads a key without a value, which parseYaml reports (see yaml-advice.ts).
  if (open.flow && item.empty) throw GIVE_UP;
  // As `yaml` does: a `__proto__` key is an own property, never the object's prototype.
  if (open.key === "__proto__")
    Object.defineProperty(map, open.key, { value: item.value, writable: true, enumerable: true, configurable: true });
  else map[open.key] = item.value;
  setPlace(open.places as PlacedMap, open.key, open.keyPlaced ? item.place : NOT_PLACED);
  open.key = undefined;
}

/** Where `yaml` places a scalar: a plain one where it starts, a quoted one at its opening quote; no other. */
function scalarPlace(event: ScalarEvent): number {
  if (event.style === SCALAR_STYLE.PLAIN) return event.valueEnd > event.valueStart ? event.valueStart : NOT_PLACED;
  if (event.style === SCALAR_STYLE.DOUBLE_QUOTED || event.style === SCALAR_STYLE.SINGLE_QUOTED) return event.valueStart - 1;
  return NOT_PLACED;
}

/** Builds the data and its places from the events of one document, or throws {@link GIVE_UP}. */
function buildData(text: string, events: readonly Event[]): FastData {
  const stack: Open[] = [];
  let root: FastData | undefined;
  let documents = 0;
  const put = (item: Item): void => {
    if (stack.length === 0) root = { data: item.value, places: item.place };
    else place(stack[stack.length - 1]!, item);
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // A directive (`%YAML 1.1`, `%TAG`) and a second document are for the `yaml` path to refuse.
        documents += 1;
        if (documents > 1 || event.directives.length > 0) throw GIVE_UP;
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        // Tags are refused, anchors are for aliases (which are counted and bounded): both left to `yaml`.
        if (event.tagStart !== -1 || event.anchorStart !== -1 || stack.length >= DEPTH_LEFT_TO_YAML) throw GIVE_UP;
        const sequence = event.type === EVENT_ID.SEQUENCE;
        const value = sequence ? [] : {};
        const places = sequence ? [] : {};
        put({ value, place: places, isCollection: true, empty: false, plainString: false, length: 0 });
        stack.push({ value, places, flow: event.style === COLLECTION_STYLE.FLOW, key: undefined, keyPlaced: false });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.tagStart !== -1 || event.anchorStart !== -1) throw GIVE_UP;
        const value = scalarValue(text, event);
        const isString = typeof value === "string";
        if (isString && refusedInText(value)) throw GIVE_UP;
        const plain = event.style === SCALAR_STYLE.PLAIN;
        put({
          value,
          place: scalarPlace(event),
          isCollection: false,
          empty: plain && event.valueStart === event.valueEnd,
          plainString: plain && isString,
          length: Math.max(event.valueEnd - event.valueStart, isString ? value.length : 0),
        });
        break;
      }
      case EVENT_ID.POP:
        if (stack.length > 0) {
          if (stack[stack.length - 1]!.key !== undefined) throw GIVE_UP;
          stack.pop();
        }
        break;
      default:
        throw GIVE_UP;
    }
  }
  // An empty document is null to `yaml`: rare enough to leave to it.
  if (documents !== 1 || root === undefined) throw GIVE_UP;
  return root;
}

/** A document read by the fast path: its data, and where its scalars are (see yaml-fast-positions.ts). */
export interface FastData {
  readonly data: unknown;
  readonly places: Place;
}

/** Whether a line starts with an indented `---` or with `...`; the expression runs only on a text that holds either. */
function hasDocumentMarkers(text: string): boolean {
  return (text.includes("---") || text.includes("...")) && /^ +---|^ *\.\.\./m.test(text);
}

/**
 * The data of a YAML document, read without positions, when the `yaml` path (parseYaml) would read exactly this
 * data and report no problem; `undefined` when that cannot be told this way (a syntax error, a tab, a tag, an
 * anchor or alias, a directive, a duplicate, empty or very long key, a control character, a deep nesting…): then the caller
 * parses with `yaml`, which reports and locates what is wrong, or reads the document itself.
 * @param text the document, with a lone CR already read as a line break
 */
export function readYamlDataFast(text: string): FastData | undefined {
  // A tab is indentation to `yaml` in more places than to js-yaml: tabs are left to the careful path.
  // Document markers: js-yaml reads an indented `---` as one, where `yaml` reads text, and takes a document
  // after `...` where `yaml` finds a second one. Both are left to `yaml`.
  // A block scalar's explicit indentation (`|2`) is read differently by the two where it matters most: left to `yaml`.
  if (text.includes("\t") || hasDocumentMarkers(text) || /[|>][-+]?[1-9]/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  try {
    return buildData(text, events);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
