import { expandDocUrl } from "../../model/doc-urls.js";
import type { CodeEntry, DocUrlPart, Registry } from "../../model/registry.js";
import { jsDoc, numericKey, stringLiteral } from "./literals.js";
import type { ModuleNames } from "./names.js";
import { constStatement, literal, type Statement } from "./print.js";
import { StructureKind } from "./ts-morph-values.js";

/** At most this many comparisons pick a URL by the code's runs; past it the URLs the template does not give go in a table. */
const MAX_COMPARISONS = 8;

/** The codes that share one doc URL, as runs of consecutive registered codes. */
interface UrlGroup {
  /** The URL as a literal, or `undefined` for codes without one. */
  readonly value: string | undefined;
  readonly runs: { first: number; last: number }[];
  readonly template: boolean;
}

/**
 * `getCloseCodeDocUrl(code)`, when any code has a doc URL. The template is expanded at run time (`{code}` from the
 * argument, `{name}` from the names table the module has anyway, `{id}` written in), so a registry of a thousand
 * codes with one template costs a few dozen bytes, not a thousand URLs. The URLs codes give themselves are picked
 * by comparisons over the runs of registered codes that share one (each URL written once), or, when that would
 * take many comparisons, looked up in a table of them. With a URL for every registered code, an overload says
 * that a registered code always has one.
 */
export function emitDocUrlLookup(registry: Registry, names: ModuleNames): Statement[] {
  const withUrl = registry.codes.filter((entry) => entry.docUrl !== undefined);
  if (withUrl.length === 0) return [];
  const every = withUrl.length === registry.codes.length;
  const first = withUrl[0]!;
  const docs = [
    jsDoc(
      `The URL of the documentation of a registered code, or \`undefined\` for any other value${every ? "" : " and for a code without one"}.`,
      [["example", `${names.getDocUrl}(${first.code}) // ${stringLiteral(first.docUrl!)}`]],
    ),
  ];
  // An implementation's doc comment is hidden behind its overloads: each overload carries it.
  const signatures = every
    ? {
        overloads: [
          { docs, parameters: [{ name: "code", type: names.type }], returnType: "string" },
          { docs, parameters: [{ name: "code", type: "number" }], returnType: "string | undefined" },
        ],
      }
    : { docs };
  const body = lookupBody(registry, names);
  return [
    ...body.tables,
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.getDocUrl,
      ...signatures,
      parameters: [{ name: "code", type: "number" }],
      returnType: "string | undefined",
      statements: body.statements,
    },
  ];
}

/** The lookup's statements (after the guard), and the table they read, if any. */
function lookupBody(registry: Registry, names: ModuleNames): { statements: string[]; tables: Statement[] } {
  const template = registry.docs?.parts;
  const fallback = template === undefined ? "undefined" : templateLiteral(template, registry, names);
  const own = (entry: CodeEntry) =>
    entry.docUrl !== undefined && (template === undefined || entry.docUrl !== expandDocUrl(template, entry, registry.id));
  const groups = groupRuns(registry, template, own);
  const comparisons = groups.slice(0, -1).reduce((count, group) => count + group.runs.length, 0);
  const guard = `if (!${names.isType}(code)) return undefined;`;
  if (comparisons <= MAX_COMPARISONS) {
    const last = groups.at(-1)!;
    const branches = groups.slice(0, -1).map((group) => `if (${runsTest(group.runs, registry)}) return ${returnedBy(group, fallback)};`);
    return { statements: [guard, ...branches, `return ${returnedBy(last, fallback)};`], tables: [] };
  }
  const table = names.docUrlTable;
  const entries = registry.codes.filter(own);
  return {
    statements: [guard, `return ${table}[code]${template === undefined ? "" : ` ?? ${fallback}`};`],
    tables: [
      constStatement({
        name: table,
        exported: false,
        type: "{ readonly [code: number]: string }",
        initializer: literal(
          "object",
          entries.map((entry) => ({ key: numericKey(entry.code), value: stringLiteral(entry.docUrl!) })),
        ),
      }),
    ],
  };
}

/** What a group's branch returns: the template, its URL, or `undefined`. */
function returnedBy(group: UrlGroup, fallback: string): string {
  return group.template ? fallback : group.value === undefined ? "undefined" : stringLiteral(group.value);
}

/**
 * The registered codes grouped by URL (the template's, each URL of their own, none), each group as runs of codes
 * that are consecutive among the registered ones; the group with the most runs last, to be the fall-through.
 */
function groupRuns(registry: Registry, template: readonly DocUrlPart[] | undefined, own: (entry: CodeEntry) => boolean): UrlGroup[] {
  const sorted = [...registry.codes].sort((a, b) => a.code - b.code);
  const groups = new Map<string, UrlGroup>();
  let previous: UrlGroup | undefined;
  for (const entry of sorted) {
    const isTemplate = template !== undefined && !own(entry);
    const key = isTemplate ? "template" : `url:${entry.docUrl ?? ""}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { value: isTemplate ? undefined : entry.docUrl, runs: [], template: isTemplate };
      groups.set(key, group);
    }
    if (group === previous) group.runs.at(-1)!.last = entry.code;
    else group.runs.push({ first: entry.code, last: entry.code });
    previous = group;
  }
  // Stable: ties keep the order of first appearance, and the template's group wins a tie for the fall-through.
  return [...groups.values()].sort((a, b) => a.runs.length - b.runs.length || Number(a.template) - Number(b.template));
}

/** `(code >= 1012 && code <= 1014) || code >= 3000`: the bounds the first and last registered codes make needless are left out. */
function runsTest(runs: readonly { first: number; last: number }[], registry: Registry): string {
  const codes = registry.codes.map((entry) => entry.code);
  const lowest = Math.min(...codes);
  const highest = Math.max(...codes);
  const tests = runs.map(({ first, last }) => {
    if (first === last) return `code === ${first}`;
    const bounds = [...(first > lowest ? [`code >= ${first}`] : []), ...(last < highest ? [`code <= ${last}`] : [])];
    return bounds.join(" && ");
  });
  return tests.length === 1 ? tests[0]! : tests.map((test) => (test.includes("&&") ? `(${test})` : test)).join(" || ");
}

/** The template as a JavaScript template literal (a plain string literal when it has no run-time placeholder). */
function templateLiteral(parts: readonly DocUrlPart[], registry: Registry, names: ModuleNames): string {
  if (parts.every((part) => typeof part === "string" || part.placeholder === "id")) {
    return stringLiteral(expandDocUrl(parts, { code: 0, name: "" }, registry.id));
  }
  const text = (value: string) => value.replace(/[\\`]|\$\{/g, (special) => `\\${special}`);
  const body = parts
    .map((part) => {
      if (typeof part === "string") return text(part);
      if (part.placeholder === "id") return text(registry.id);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated template literal's placeholder
      return part.placeholder === "code" ? "${code}" : `\${${names.nameTable}[code]}`;
    })
    .join("");
  return `\`${body}\``;
}
