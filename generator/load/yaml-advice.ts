import type { Document, Node } from "yaml";
import { yamlPackage } from "./yaml-package.js";

/**
 * What to say about a YAML syntax error when the parser's own words would mislead, from the text around it;
 * `undefined` leaves the parser's message as it is. Each case names the mistake a registry's author made.
 */
export function adviseOnYamlError(code: string, message: string, text: string, offset: number): string | undefined {
  if (code === "BLOCK_AS_IMPLICIT_KEY" && message.startsWith("Nested mappings")) return adviseOnNestedMap(text, offset);
  if (code === "BAD_SCALAR_START") {
    const character = /reserved character (\S)/.exec(message)?.[1] ?? text.charAt(offset);
    const value = restOfLine(text, offset);
    return `YAML syntax: a value cannot start with ${character} unless it is quoted (YAML reserves it): quote it, ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** The text from `offset` to the end of its line, without a trailing comment. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf("\n", offset);
  return text
    .slice(offset, end === -1 ? undefined : end)
    .replace(/\s+#.*$/, "")
    .trim();
}

/**
 * `name: One` followed by a line indented deeper, `   description: x`: YAML reads the second line as more of
 * the value `One`, and then finds `: ` in it. When the `: ` is on the value's own line, the value itself holds
 * it and needs quotes; when it is on a later line, that line is indented too far.
 */
function adviseOnNestedMap(text: string, offset: number): string {
  const hasNextLine = text.indexOf("\n", offset) !== -1;
  if (/:(\s|$)/.test(restOfLine(text, offset)) || !hasNextLine) {
    return `YAML syntax: an unquoted value holds ": ", which would start a nested map; put the text in quotes`;
  }
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  // `  - name: One`: the key starts after the dash.
  const keyIndent = /^ *(?:- +)?/.exec(text.slice(lineStart))![0].length;
  const nextStart = text.indexOf("\n", offset) + 1;
  const nextLine = text.slice(nextStart, text.indexOf("\n", nextStart) === -1 ? undefined : text.indexOf("\n", nextStart));
  const nextIndent = /^ */.exec(nextLine)![0].length;
  const key = /^\s*(?:- )?([^:\s]+)\s*:/.exec(text.slice(lineStart, offset))?.[1];
  const nextKey = /^\s*([^:\s]+)\s*:/.exec(nextLine)?.[1];
  const lineNumber = text.slice(0, nextStart).split("\n").length;
  const what = nextKey === undefined ? `line ${lineNumber}` : `\`${nextKey}:\` on line ${lineNumber}`;
  return `YAML syntax: ${what} is indented ${nextIndent - keyIndent} space${nextIndent - keyIndent === 1 ? "" : "s"} more than ${key === undefined ? "the key above it" : `\`${key}:\``}, so it reads as more of that key's value; indent it as far as the key it belongs beside`;
}

/** A text in a flow map (`{ en: One, two }`) cut by a comma: where the cut text starts, and the whole text. */
export interface FlowMapComma {
  readonly offset: number;
  readonly text: string;
  readonly cut: string;
}

/**
 * Finds texts in flow maps that a comma cut short: in `{ en: Stop, then go, de: … }` YAML reads `en: Stop` and a
 * key `then go` without a value, which no registry, locale file or config has.
 */
export function findFlowMapCommas(document: Document.Parsed, text: string): FlowMapComma[] {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  const found: FlowMapComma[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    node.items.forEach((item, index) => {
      if (!isPair(item)) {
        stack.push(item);
        return;
      }
      stack.push(item.key, item.value);
      if (!isMap(node) || !node.flow || item.value !== null || !isScalar(item.key) || item.key.type !== "PLAIN") return;
      const previous = node.items[index - 1];
      if (previous === undefined || !isScalar(previous.value) || previous.value.type !== "PLAIN") return;
      const start = (previous.value as Node).range![0];
      const end = (item.key as Node).range![1];
      found.push({ offset: start, text: text.slice(start, end), cut: String(previous.value.source) });
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The message for a {@link FlowMapComma}. */
export function describeFlowMapComma(comma: FlowMapComma): string {
  return `YAML syntax: inside { … } a comma ends the text, so this reads as ${JSON.stringify(comma.cut)} followed by a key without a value; put the whole text in quotes: ${JSON.stringify(comma.text)}`;
}
