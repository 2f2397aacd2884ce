import type { DiagnosticCode } from "../diagnostics/index.js";
import type { RawRegistry } from "../load/raw-registry.js";
import type { DataPath } from "../load/yaml-document.js";
import type { CodeEntry, DocUrlPart, DocUrlTemplate } from "./registry.js";

/** The placeholders a `docs.url` may hold: the code's number, its name and the registry's id. */
const DOC_URL_PLACEHOLDERS = ["code", "name", "id"] as const;

type DocUrlPlaceholder = (typeof DOC_URL_PLACEHOLDERS)[number];

/** What the checks need of the model's reporter. */
export interface DocUrlReporter {
  error(path: DataPath, code: DiagnosticCode, message: string): void;
}

/** An absolute http(s) URL with nothing that would end it in Markdown or HTML, as the schema's `url` requires. */
const ABSOLUTE_URL = /^https?:\/\/[^\s<>]+$/;

/**
 * Splits a template into its parts; reports each unknown or unclosed placeholder, a `}` without its `{`, and a
 * template that does not expand to an absolute http(s) URL, at the template. `undefined` when it has a problem.
 */
export function parseDocUrl(template: string, path: DataPath, reporter: DocUrlReporter): readonly DocUrlPart[] | undefined {
  const parts: DocUrlPart[] = [];
  const problems: [DiagnosticCode, string][] = [];
  const known = "write {code}, {name} or {id}";
  for (const piece of template.split(/(\{[^{}]*\}?)/)) {
    if (!piece.startsWith("{")) {
      if (piece.includes("}")) problems.push(["doc-url-placeholder", `a "}" without its "{" in docs.url; ${known}`]);
      if (piece !== "") parts.push(piece);
    } else if (!piece.endsWith("}")) {
      problems.push(["doc-url-placeholder", `unclosed "${piece}" in docs.url; ${known}`]);
    } else if ((DOC_URL_PLACEHOLDERS as readonly string[]).includes(piece.slice(1, -1))) {
      parts.push({ placeholder: piece.slice(1, -1) as DocUrlPlaceholder });
    } else {
      problems.push(["doc-url-placeholder", `unknown placeholder "${piece}" in docs.url (known: {code}, {name}, {id})`]);
    }
  }
  const sample = expandDocUrl(parts, { code: 0, name: "Name" }, "id");
  if (!ABSOLUTE_URL.test(sample) || !URL.canParse(sample)) {
    const wanted = "an absolute http:// or https:// URL without spaces, such as https://example.com/errors/{code}";
    problems.push(["doc-url", `${JSON.stringify(template)} is not a valid docs.url: use ${wanted}`]);
  }
  for (const [code, message] of problems) reporter.error(path, code, message);
  return problems.length === 0 ? parts : undefined;
}

/** A template's URL for one code. */
export function expandDocUrl(parts: readonly DocUrlPart[], entry: { readonly code: number; readonly name: string }, id: string): string {
  const values: Record<DocUrlPlaceholder, string> = { code: String(entry.code), name: entry.name, id };
  return parts.map((part) => (typeof part === "string" ? part : values[part.placeholder])).join("");
}

/**
 * Each code's doc URL (`docUrl`): its own `docs.url`, else the registry's template expanded for it; and the parsed
 * template. Every bad URL is reported, all at once.
 */
export function resolveDocUrls(
  raw: RawRegistry,
  codes: readonly CodeEntry[],
  reporter: DocUrlReporter,
): { readonly codes: readonly CodeEntry[]; readonly template: DocUrlTemplate | undefined } {
  const template = raw.docs === undefined ? undefined : parseDocUrl(raw.docs.url, ["docs", "url"], reporter);
  const resolved = codes.map((entry, index) => {
    const own = raw.codes[index]?.docs?.url;
    const parts = own === undefined ? template : parseDocUrl(own, ["codes", index, "docs", "url"], reporter);
    return parts === undefined ? entry : { ...entry, docUrl: expandDocUrl(parts, entry, raw.id) };
  });
  return {
    codes: resolved,
    template: template === undefined || raw.docs === undefined ? undefined : { template: raw.docs.url, parts: template },
  };
}
