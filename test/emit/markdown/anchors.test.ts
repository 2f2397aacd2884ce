import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findRegions, injectTables } from "../../../generator/emit/markdown/inject.js";
import { renderNamedTable } from "../../../generator/emit/markdown/tables.js";
import { pageTextsFor } from "../../../generator/emit/markdown/template-set.js";
import { type GeneratedFile, loadRegistry, type Registry, renderRegistry } from "../../../generator/index.js";
import { loadMarkdownTemplates } from "../../../generator/load/load-templates.js";
import type { MarkdownTemplates } from "../../../generator/load/templates/template-set.js";
import { gfm, type ReadTable, readTables } from "../../helpers/gfm.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { loadFixture } from "../../helpers/registry.js";

const RFC = "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1";
const IANA = "https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number";

const APP_ERRORS = `id: app-errors
type: AppError
locales: [en, de]
docs: { url: "https://docs.example.com/errors/{code}" }
codes:
  - { code: 1000, name: Clash, description: { en: Same number as a close code., de: Dieselbe Zahl wie ein Close-Code. } }
  - { code: 7, name: Seven, description: { en: Seven., de: Sieben. }, status: retired, note: Unused. }
`;

let templates: MarkdownTemplates;
let closeCodes: Registry;
let pages: GeneratedFile[];

beforeAll(async () => {
  const loaded = await loadMarkdownTemplates(undefined, repoRoot);
  if (!loaded.ok) throw new Error("the built-in templates do not load");
  templates = loaded.templates;
  closeCodes = await loadRegistry(defaultRegistry);
  const files = await renderRegistry(closeCodes, { outDir: path.join(repoRoot, "generated"), targets: ["md"] });
  pages = files.filter((file) => file.path.endsWith(".md"));
});

/** The codes table of a page (its last table). */
function codesTable(markdown: string): ReadTable {
  return readTables(markdown).at(-1)!;
}

/** Every anchor id in a document, in order. */
function anchorsOf(markdown: string): string[] {
  return readTables(markdown).flatMap((table) => table.rows.flatMap((row) => row.flatMap((cell) => cell.anchors)));
}

describe("the anchor of each code", () => {
  it("is <id>-<code> in the Code cell of every code, in every locale's page, the same ids in every page", () => {
    expect(pages).toHaveLength(closeCodes.locales.length);
    const expected = [...closeCodes.codes].sort((a, b) => a.code - b.code).map((entry) => `close-codes-${entry.code}`);
    for (const page of pages) {
      const table = codesTable(page.contents);
      expect(
        table.rows.map((row) => row[0]!.anchors),
        page.path,
      ).toEqual(expected.map((id) => [id]));
      expect(
        table.rows.map((row) => row[0]!.text),
        page.path,
      ).toEqual(expected.map((id) => id.slice("close-codes-".length)));
      expect(anchorsOf(page.contents)).toEqual(expected);
    }
  });

  it("is in every injected table too, and two registries' tables on one page do not clash", async () => {
    const { registry: appErrors } = await loadFixture({ "registry.yaml": APP_ERRORS });
    const text = [
      "<!-- codebook:start close-codes codes -->",
      "<!-- codebook:end close-codes -->",
      "<!-- codebook:start app-errors codes de -->",
      "<!-- codebook:end app-errors -->",
      "",
    ].join("\n");
    const { regions } = findRegions(text, "README.md");
    const source = {
      registries: new Map([closeCodes, appErrors].map((registry) => [registry.id, registry])),
      render: (registry: Registry, table: "ranges" | "codes", locale: string) =>
        renderNamedTable(registry, table, locale, pageTextsFor(templates, locale)),
    };
    const injected = injectTables(text, "README.md", regions, source);
    if (!injected.ok) throw new Error("injection failed");
    const anchors = anchorsOf(injected.text);
    expect(anchors).toContain("close-codes-1000");
    expect(anchors).toContain("app-errors-1000");
    expect(anchors).toContain("app-errors-7");
    expect(new Set(anchors).size).toBe(anchors.length);
    // A retired code keeps its anchor and its doc link in the docs.
    const seven = codesTable(injected.text).rows.find((row) => row[0]!.text === "7")!;
    expect(seven[1]!.hrefs).toEqual(["https://docs.example.com/errors/7"]);
  });

  it("renders as an element with that id in a renderer that keeps HTML", () => {
    const html = gfm.render(pages[0]!.contents);
    expect(html).toContain('<a id="close-codes-1000"></a>1000');
  });
});

describe("the doc link of each code in the default registry", () => {
  it("links each name to RFC 6455 §7.4.1, or to the IANA registry for the codes registered after the RFC", () => {
    const registeredLater = new Set([1012, 1013, 1014, 3000, 3003, 3008]);
    for (const entry of closeCodes.codes) expect(entry.docUrl, entry.name).toBe(registeredLater.has(entry.code) ? IANA : RFC);
    for (const page of pages) {
      const rows = codesTable(page.contents).rows;
      expect(rows.map((row) => [row[1]!.text, row[1]!.hrefs])).toEqual(
        [...closeCodes.codes].sort((a, b) => a.code - b.code).map((entry) => [entry.name, [gfm.normalizeLink(entry.docUrl!)]]),
      );
    }
  });
});
