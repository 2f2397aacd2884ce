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

/**
 * Collections nested this deep are left to the `yaml` path, which refuses those deeper than its limit (64) with a
 * located message; js-yaml's own depth limit (100, counted its way) then never decides anything.
 */
const DEPTH_LEFT_TO_YAML = 64;

/** Control characters the `yaml` path refuses in a text (see yaml-restrictions.ts), and lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
const REFUSED_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * Keys written longer than this (in the source, escapes and all) are left to `yaml`, which refuses an implicit key
 * over 1,024 characters; js-yaml reads it.
 */
const KEY_LENGTH_LEFT_TO_YAML = 1000;

/** A plain scalar as the YAML 1.2 core schema resolves it, exactly as `yaml` does (its tags, in its order). */
export function resolvePlain(source: string): unknown {
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
  readonly flow: boolean;
  /** In a map: the key read and waiting for its value. */
  key: string | undefined;
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
  if (REFUSED_IN_TEXT.test(key) || Object.hasOwn(into, key)) throw GIVE_UP;
  return key;
}

/** Puts `value` (written in `length` characters) where the innermost open collection expects it. */
function place(open: Open, value: unknown, isCollection: boolean, empty: boolean, length: number): void {
  if (Array.isArray(open.value)) {
    open.value.push(value);
    return;
  }
  const map = open.value;
  if (open.key === undefined) {
    if (isCollection || length > KEY_LENGTH_LEFT_TO_YAML) throw GIVE_UP;
    open.key = keyOf(value, map);
    return;
  }
  // `{ en: Stop, then go }` reads a key without a value, which parseYaml reports (see yaml-advice.ts).
  if (open.flow && empty) throw GIVE_UP;
  // As `yaml` does: a `__proto__` key is an own property, never the object's prototype.
  if (open.key === "__proto__") Object.defineProperty(map, open.key, { value, writable: true, enumerable: true, configurable: true });
  else map[open.key] = value;
  open.key = undefined;
}

/** Builds the data from the events of one document, or throws {@link GIVE_UP}. */
function buildData(text: string, events: readonly Event[]): unknown {
  const stack: Open[] = [];
  let root: unknown;
  let documents = 0;
  const put = (value: unknown, isCollection: boolean, empty = false, length = 0): void => {
    if (stack.length === 0) root = value;
    else place(stack[stack.length - 1]!, value, isCollection, empty, length);
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
        const value = event.type === EVENT_ID.SEQUENCE ? [] : {};
        put(value, true);
        stack.push({ value, flow: event.style === COLLECTION_STYLE.FLOW, key: undefined });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.tagStart !== -1 || event.anchorStart !== -1) throw GIVE_UP;
        const value = scalarValue(text, event);
        if (typeof value === "string" && REFUSED_IN_TEXT.test(value)) throw GIVE_UP;
        const written = Math.max(event.valueEnd - event.valueStart, typeof value === "string" ? value.length : 0);
        put(value, false, event.style === SCALAR_STYLE.PLAIN && event.valueStart === event.valueEnd, written);
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

/**
 * The data of a YAML document, read without positions, when the `yaml` path (parseYaml) would read exactly this
 * data and report no problem; `undefined` when that cannot be told this way (a syntax error, a tab, a tag, an
 * anchor or alias, a directive, a duplicate, empty or very long key, a control character, a deep nesting…): then the caller
 * parses with `yaml`, which reports and locates what is wrong, or reads the document itself.
 * @param text the document, with a lone CR already read as a line break
 */
export function readYamlDataFast(text: string): { readonly data: unknown } | undefined {
  // A tab is indentation to `yaml` in more places than to js-yaml: tabs are left to the careful path.
  // Document markers: js-yaml reads an indented `---` as one, where `yaml` reads text, and takes a document
  // after `...` where `yaml` finds a second one. Both are left to `yaml`.
  // A block scalar's explicit indentation (`|2`) is read differently by the two where it matters most: left to `yaml`.
  if (text.includes("\t") || /^ +---|^ *\.\.\./m.test(text) || /[|>][-+]?[1-9]/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  try {
    return { data: buildData(text, events) };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
