import type { Document, LineCounter, Node } from "yaml";
import { type Diagnostic, type Result, type SourceLocation, type SourcePosition, withRelated } from "../diagnostics/index.js";
import { clipBlockScalars } from "./block-scalars.js";
import { MAX_SOURCE_BYTES, type SourceFile } from "./source-file.js";
import { adviseOnYamlError, describeFlowMapComma, findFlowMapCommas } from "./yaml-advice.js";
import { readYamlDataFast } from "./yaml-fast-data.js";
import { linePosition, placedOffset } from "./yaml-fast-positions.js";
import { yamlPackage } from "./yaml-package.js";
import { findRestrictedForms } from "./yaml-restrictions.js";

/**
 * A YAML document with its positions, so that any value can be traced back to its line and column. The positions
 * (`document`, `lineCounter`) may be computed only when first read: read them only to locate a diagnostic.
 */
export interface ParsedYaml {
  readonly source: SourceFile;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data. */
  readonly data: unknown;
  /**
   * Where the value at a path is, when it is a plain or quoted scalar of a document the fast path read, without
   * `document` (see yaml-fast-positions.ts); `undefined` where `document` must tell.
   */
  readonly locateScalar?: (path: DataPath) => SourcePosition | undefined;
}

/** A path into the data, as JSON Pointer segments: `["codes", 3, "name"]`. */
export type DataPath = readonly (string | number)[];

/** Aliases beyond this count are refused: a "billion laughs" document expands exponentially. */
const MAX_ALIAS_COUNT = 100;

/**
 * Collections nested deeper than this are refused before any recursive step (conversion, schema validation)
 * could exhaust the stack. A registry nests about five levels deep.
 */
const MAX_DEPTH = 64;

/**
 * The most characters a document may hold with its aliases expanded: what a file without aliases may hold. Under
 * the alias count limit, a few aliases of a large text still expand past what a JavaScript string can hold.
 */
const MAX_EXPANDED_LENGTH = MAX_SOURCE_BYTES;

const NESTED_TOO_DEEPLY = `collections are nested too deeply (more than ${MAX_DEPTH} levels); a registry needs only a few`;

/** The text as the parsers read it: a lone CR ends a line (classic Mac OS files), as it does for YAML. */
function withLineFeeds(text: string): string {
  // The parsers read only LF and CRLF that way. One character for one, so every offset still points into the file.
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** The `yaml` document of `text` with its line counter: every node with its position. */
function parseWithPositions(text: string): { document: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  return { document, lineCounter };
}

/**
 * Parses YAML text, reporting every syntax error and duplicate key at its position, and the forms codebook refuses
 * (see {@link findRestrictedForms}). A document that needs none of that care is read by a faster parser without
 * positions (see yaml-fast-data.ts), which gives the same data and where its scalars are; `yaml`'s document, with
 * every position, is built only when first asked for.
 */
export function parseYaml(source: SourceFile): Result<{ readonly parsed: ParsedYaml }> {
  const text = withLineFeeds(source.text);
  const fast = readYamlDataFast(text);
  if (fast === undefined) return parseYamlCarefully(source);
  let positions: ReturnType<typeof parseWithPositions> | undefined;
  const located = () => {
    positions ??= parseWithPositions(text);
    return positions;
  };
  let position: ((offset: number) => SourcePosition) | undefined;
  const locateScalar = (path: DataPath): SourcePosition | undefined => {
    const offset = placedOffset(fast.places, path);
    if (offset === undefined) return undefined;
    position ??= linePosition(text);
    return position(offset);
  };
  return {
    ok: true,
    parsed: {
      source,
      data: fast.data,
      locateScalar,
      get document() {
        return located().document;
      },
      get lineCounter() {
        return located().lineCounter;
      },
    },
  };
}

/**
 * {@link parseYaml} with `yaml`'s document parser alone: every node kept with its position, every problem found
 * and located. What parseYaml does for any document its fast path leaves alone.
 */
export function parseYamlCarefully(source: SourceFile): Result<{ readonly parsed: ParsedYaml }> {
  const text = withLineFeeds(source.text);
  const { document, lineCounter } = parseWithPositions(text);
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    // A tab used for indentation derails the parser for the lines after it: report the tabs alone.
    const tabs = document.errors.filter((error) => error.code === "TAB_AS_INDENT");
    // A nested map where a value was expected is also reported as a multi-line key: one message says it.
    const nested = new Set(
      document.errors
        .filter((error) => error.code === "BLOCK_AS_IMPLICIT_KEY" && error.message.startsWith("Nested"))
        .map((error) => error.pos[0]),
    );
    const errors =
      tabs.length > 0 ? tabs : document.errors.filter((error) => !(error.code === "MULTILINE_IMPLICIT_KEY" && nested.has(error.pos[0])));
    return {
      ok: false,
      diagnostics: errors.map((error): Diagnostic => {
        const where = { file: source.file, ...at(error.pos[0]) };
        const advice = adviseOnYamlError(error.code, error.message, text, error.pos[0]);
        if (advice === undefined && error.code === "DUPLICATE_KEY") return describeDuplicateKey(document, where, error.pos[0], at);
        return {
          ...where,
          code: error.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
          message: advice ?? describeYamlError(error.code, error.message),
        };
      }),
    };
  }
  const tooDeep = findNodeDeeperThan(document.contents, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      diagnostics: [{ file: source.file, ...at(tooDeep), code: "yaml-depth", message: NESTED_TOO_DEEPLY }],
    };
  }
  const restricted = findRestrictedForms(document, text).map((form) => ({
    file: source.file,
    ...at(form.offset),
    code: form.code,
    message: form.message,
  }));
  if (restricted.length > 0) return { ok: false, diagnostics: restricted };
  const commas = findFlowMapCommas(document, text).map(
    (comma): Diagnostic => ({ file: source.file, ...at(comma.offset), code: "yaml-syntax", message: describeFlowMapComma(comma) }),
  );
  if (commas.length > 0) return { ok: false, diagnostics: commas };
  const surrogates = findLoneSurrogates(document.contents).map(
    (offset): Diagnostic => ({
      file: source.file,
      ...at(offset),
      code: "lone-surrogate",
      message:
        "text holds a lone surrogate (an escape such as \\uD800 without its pair), which is not a character; UTF-8 output cannot hold it",
    }),
  );
  if (surrogates.length > 0) return { ok: false, diagnostics: surrogates };
  clipBlockScalars(document, source.text);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = findFirstAlias(document.contents);
    return {
      ok: false,
      diagnostics: [
        {
          file: source.file,
          ...(firstAlias === undefined ? { line: 1, column: 1 } : at(firstAlias)),
          code: "yaml-aliases",
          message:
            error instanceof ReferenceError
              ? `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); refusing a document that expands exponentially`
              : `cannot resolve YAML document: ${(error as Error).message}`,
        },
      ],
    };
  }
  // After the count check (a "billion laughs" document is reported as such), before anything makes one string of it.
  const overflow = findAliasOverflow(document, source.text.length, MAX_EXPANDED_LENGTH);
  if (overflow !== undefined) {
    const message = `YAML aliases expand this document past ${MAX_EXPANDED_LENGTH} characters (16 MiB, the size limit of an input file); write the repeated text fewer times`;
    return { ok: false, diagnostics: [{ file: source.file, ...at(overflow), code: "yaml-aliases", message }] };
  }
  return { ok: true, parsed: { source, document, lineCounter, data } };
}

function describeYamlError(code: string, message: string): string {
  if (code === "TAB_AS_INDENT") return "tab character used for indentation; YAML indents with spaces";
  if (code === "RESOURCE_EXHAUSTION") return NESTED_TOO_DEEPLY;
  if (code === "MULTIPLE_DOCS") return "a second YAML document starts here; a registry file holds exactly one document";
  const text = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim();
  return `YAML syntax: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * `duplicate key "name" (first defined at 7:5)`, for the key that starts at `offset`, with the first definition as
 * the related location.
 */
function describeDuplicateKey(
  document: Document.Parsed,
  where: SourceLocation,
  offset: number,
  at: (offset: number) => SourcePosition,
): Diagnostic {
  const { isMap, isScalar } = yamlPackage();
  let diagnostic: Diagnostic = { ...where, code: "duplicate-key", message: "duplicate key: each key may appear only once in a map" };
  visit(document.contents, (node) => {
    if (!isMap(node)) return;
    const index = node.items.findIndex((pair) => (pair.key as Node | null)?.range?.[0] === offset);
    if (index === -1) return;
    const key = node.items[index]!.key;
    const value = isScalar(key) ? key.value : undefined;
    const first = node.items.find((pair) => isScalar(pair.key) && pair.key.value === value);
    const firstAt = (first?.key as Node | undefined)?.range?.[0];
    if (value === undefined || firstAt === undefined || firstAt === offset) return;
    const earlier = [{ file: where.file, ...at(firstAt), message: "first defined here" }];
    const name = JSON.stringify(String(value));
    diagnostic = withRelated(
      { ...where, code: "duplicate-key" },
      earlier,
      (cited) => `duplicate key ${name} (first defined at ${cited}); each key may appear only once in a map`,
    );
  });
  return diagnostic;
}

/** The offset of the first collection nested more than `limit` levels deep; iterative, so any depth is safe. */
function findNodeDeeperThan(root: unknown, limit: number): number | undefined {
  const { isMap, isPair, isSeq } = yamlPackage();
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > limit) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The offset of the alias at which the document, read in order with each alias replaced by what it stands for,
 * grows past `limit` characters; `undefined` when it stays within. What an anchored node adds is computed once.
 */
function findAliasOverflow(document: Document.Parsed, length: number, limit: number): number | undefined {
  const { isAlias, isMap, isPair, isSeq } = yamlPackage();
  const added = new Map<unknown, number>();
  const lengthOf = (node: Node): number => (node.range === undefined || node.range === null ? 0 : node.range[1] - node.range[0]);
  // The characters a node adds to the document's length when its aliases are expanded.
  const addedBy = (node: unknown, visiting: Set<unknown>): number => {
    if (added.has(node)) return added.get(node)!;
    if (visiting.has(node)) return 0;
    visiting.add(node);
    let total = 0;
    if (isAlias(node)) {
      const target = node.resolve(document);
      total = target === undefined ? 0 : lengthOf(target) + addedBy(target, visiting) - lengthOf(node);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        total += isPair(item) ? addedBy(item.key, visiting) + addedBy(item.value, visiting) : addedBy(item, visiting);
        if (total > limit) break;
      }
    }
    visiting.delete(node);
    added.set(node, total);
    return total;
  };
  let expanded = length;
  let found: number | undefined;
  visit(document.contents, (node) => {
    if (found !== undefined || !isAlias(node)) return;
    expanded += addedBy(node, new Set());
    if (expanded > limit) found = node.range?.[0] ?? 0;
  });
  return found;
}

/** The offsets of strings holding a surrogate that is not half of a pair: only an escape can write one. */
function findLoneSurrogates(root: unknown): number[] {
  const { isScalar } = yamlPackage();
  const offsets: number[] = [];
  visit(root, (node) => {
    if (isScalar(node) && typeof node.value === "string" && /\p{Cs}/u.test(node.value)) offsets.push(node.range?.[0] ?? 0);
  });
  return offsets;
}

/** Calls `callback` on `root` and every node below it, taking the yaml package once for the whole walk. */
function visit(root: unknown, callback: (node: unknown) => void): void {
  const { isMap, isPair, isSeq } = yamlPackage();
  const walk = (node: unknown): void => {
    callback(node);
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items) {
      if (isPair(item)) {
        walk(item.key);
        walk(item.value);
      } else {
        walk(item);
      }
    }
  };
  walk(root);
}

function findFirstAlias(node: unknown): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let found: number | undefined;
  const visit = (value: unknown): void => {
    if (found !== undefined || value === null || typeof value !== "object") return;
    const candidate = value as { type?: string; range?: [number, number, number]; source?: string };
    if (candidate.source !== undefined && candidate.range && !isScalar(value) && !isMap(value) && !isSeq(value)) {
      found = candidate.range[0];
      return;
    }
    if (isMap(value) || isSeq(value)) for (const item of value.items) visit(item);
    if (isPair(value)) {
      visit(value.key);
      visit(value.value);
    }
  };
  visit(node);
  return found;
}

/**
 * The position of the value at `path`, or of its key when `target` is `"key"`. Walks up to the nearest
 * existing ancestor when the path does not exist (a missing key is reported at its parent map).
 */
export function locate(parsed: ParsedYaml, path: DataPath, target: "value" | "key" = "value"): SourcePosition {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const prefix = path.slice(0, depth);
    const offset = target === "key" && depth === path.length ? keyOffset(parsed, prefix) : valueOffset(parsed, prefix);
    if (offset !== undefined) {
      const { line, col } = parsed.lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

/**
 * {@link locate} for a value, from the fast parser's positions where it has them (a plain or quoted scalar of a
 * document it read), so that no `yaml` document is built: what locating every name of a large registry needs.
 */
export function locateValue(parsed: ParsedYaml, path: DataPath): SourcePosition {
  return parsed.locateScalar?.(path) ?? locate(parsed, path);
}

function valueOffset(parsed: ParsedYaml, path: DataPath): number | undefined {
  const node = path.length === 0 ? parsed.document.contents : parsed.document.getIn(path, true);
  return (node as Node | undefined)?.range?.[0];
}

function keyOffset(parsed: ParsedYaml, path: DataPath): number | undefined {
  const parent = path.length === 1 ? parsed.document.contents : parsed.document.getIn(path.slice(0, -1), true);
  const { isMap, isScalar } = yamlPackage();
  if (!isMap(parent)) return undefined;
  const key = path.at(-1);
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.key as Node | undefined)?.range?.[0];
}
