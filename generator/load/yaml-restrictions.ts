import type { Document, Node } from "yaml";
import type { DiagnosticCode } from "../diagnostics/index.js";
import { yamlPackage } from "./yaml-package.js";

/** A form of YAML that codebook's inputs may not use, at the offset where it is written. */
export interface RestrictedForm {
  readonly offset: number;
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** `%YAML 1.1` and its offset: the version a directive asks for. */
const YAML_DIRECTIVE = /^%YAML[ \t]+(\S+)/m;

/**
 * A `%YAML` directive for any version but 1.2. Under 1.1, `010` is eight, `1:30` is ninety and `y` is true: a
 * registry written for 1.2 would silently change meaning.
 */
function findVersionDirective(document: Document.Parsed, text: string): RestrictedForm | undefined {
  if (document.directives?.yaml.explicit !== true) return undefined;
  const match = YAML_DIRECTIVE.exec(text);
  if (match === null || match[1] === "1.2") return undefined;
  return {
    offset: match.index,
    code: "yaml-version",
    message: `a %YAML ${match[1]} directive: codebook reads YAML 1.2 only (where 010 is ten, 1:30 is a string and y is a string); remove the directive`,
  };
}

/** The tag as written before the node at `offset` (`!!binary`), or the resolved tag when it cannot be found. */
function writtenTag(text: string, offset: number, resolved: string): { tag: string; offset: number } {
  const before = text.slice(Math.max(0, offset - 1024), offset);
  const match = /(?:^|[\s,[{:?-])(!<[^>\s]*>|![^\s,[\]{}]*)(?:[ \t]+&[^\s,[\]{}]+)?[ \t\r\n]*$/.exec(before);
  if (match === null) return { tag: resolved, offset };
  return { tag: match[1]!, offset: offset - before.length + match.index + match[0].indexOf(match[1]!) };
}

/**
 * Control characters no output can carry as written: Markdown shows NUL as U+FFFD and the rest not at all, a JSDoc
 * comment or a terminal acts on them. A tab, a line feed and a carriage return are text every output writes back
 * exactly (Markdown as `<br>` and `&#13;`).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The message for a string value holding a control character. */
function describeControl(value: string): string {
  const char = CONTROL.exec(value)![0];
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const name = char === "\u0000" ? " (NUL)" : char === "\u001b" ? " (escape)" : "";
  return `the value holds the control character ${code}${name}, which the generated files cannot carry as written; remove it (a tab and a line break are allowed)`;
}

/** What a key that is not a plain scalar is, for the message. */
function describeKey(key: unknown): string | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yamlPackage();
  if (key === null || key === undefined || (isScalar(key) && key.value === null)) return "an empty (null) key";
  if (isMap(key)) return "a map as a key";
  if (isSeq(key)) return "a list as a key";
  if (isAlias(key)) return "an alias as a key";
  return undefined;
}

/**
 * The forms of YAML a registry, locale, config or texts file may not use, each located: a `%YAML` directive for a
 * version other than 1.2 (reported alone: the rest of the file would be read under the wrong rules), tags (`!!binary`,
 * `!custom`: one error each, named, rather than what the value they make breaks downstream), map keys that are
 * empty, collections or aliases (a JavaScript object has no such keys), and values holding a control character
 * other than a tab or a line break (texts and `url`s go into Markdown, JSDoc and catalogs, which cannot carry them).
 * Call only on a document whose nesting depth is known to be bounded: it recurses.
 */
export function findRestrictedForms(document: Document.Parsed, text: string): RestrictedForm[] {
  const directive = findVersionDirective(document, text);
  if (directive !== undefined) return [directive];
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlPackage();
  const found: RestrictedForm[] = [];
  // A key is not a text: a key holding a control is refused as an unknown key, its name escaped in the message.
  const visit = (node: unknown, pairOffset: number, isKey = false): void => {
    if (node === null || node === undefined || isAlias(node)) return;
    const tagged = node as Node;
    const start = tagged.range?.[0] ?? pairOffset;
    if (tagged.tag !== undefined && tagged.tag !== null) {
      const { tag, offset } = writtenTag(text, start, tagged.tag);
      found.push({
        offset,
        code: "yaml-tag",
        message: `YAML tag ${tag} is not allowed: write plain strings, numbers, lists and maps (quote a value to make it a string)`,
      });
    }
    if (!isKey && isScalar(node) && typeof node.value === "string" && CONTROL.test(node.value)) {
      found.push({ offset: start, code: "control-character", message: describeControl(node.value) });
    }
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items) {
      if (!isPair(item)) {
        visit(item, start);
        continue;
      }
      const at = (item.key as Node | null)?.range?.[0] ?? (item.value as Node | null)?.range?.[0] ?? start;
      const problem = describeKey(item.key);
      if (problem === undefined) visit(item.key, at, true);
      else found.push({ offset: at, code: "yaml-key", message: `${problem}: map keys must be plain strings` });
      visit(item.value, at);
    }
  };
  visit(document.contents, 0);
  return found.sort((a, b) => a.offset - b.offset);
}
