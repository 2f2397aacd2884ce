import type { PageTexts } from "../../load/templates/page-texts.js";
import { placesValue } from "../../load/templates/template.js";
import type { Registry } from "../../model/registry.js";
import { generatedNotice } from "../header.js";
import { type CodeMapRenderer, codeMapRenderer } from "../svg/code-map.js";
import type { EmitContext, GeneratedFile } from "../types.js";
import { escapeInline, renderLink } from "./escape.js";
import { renderTemplate, type TemplateScope } from "./render-template.js";
import { type TableRenderer, tableRenderer } from "./tables.js";
import { pageTemplateFor, pageTextsFor } from "./template-set.js";

/** The page of one locale: `<id>.md` for the source locale, `<id>.<locale>.md` for every other one. */
export function markdownPagePath(registry: Registry, locale: string): string {
  return locale === registry.sourceLocale ? `${registry.id}.md` : `${registry.id}.${locale}.md`;
}

/** The map of one locale's page: `<id>.map.svg` for the source locale, `<id>.map.<locale>.svg` for every other one. */
export function codeMapPath(registry: Registry, locale: string): string {
  return locale === registry.sourceLocale ? `${registry.id}.map.svg` : `${registry.id}.map.${locale}.svg`;
}

/** The map as a Markdown image, its `alt` text the map in words. */
function renderMapImage(registry: Registry, locale: string, own: PageTexts, maps: CodeMapRenderer): string {
  return `!${renderLink(maps.describe(locale, own), codeMapPath(registry, locale))}`;
}

/** What the pages of one registry share: every locale's page texts, and its tables and maps in any locale. */
interface PageParts {
  readonly texts: ReadonlyMap<string, PageTexts>;
  readonly tables: TableRenderer;
  /** Made on first use: a registry whose templates place no map needs none. */
  maps(): CodeMapRenderer;
}

/** `English · [Deutsch](<close-codes.de.md>) · …`: every locale's page, the current one as plain text. */
function renderLanguages(registry: Registry, locale: string, texts: ReadonlyMap<string, PageTexts>): string {
  return registry.locales
    .map((other) => {
      const name = texts.get(other)!.language;
      return other === locale ? escapeInline(name) : renderLink(name, markdownPagePath(registry, other));
    })
    .join(" · ");
}

function scopeFor(registry: Registry, locale: string, context: EmitContext, parts: PageParts, map: boolean): TemplateScope {
  const { texts, tables } = parts;
  const own = texts.get(locale)!;
  return {
    values: {
      notice: `<!-- ${generatedNotice(registry, context)} -->`,
      title: escapeInline(registry.title[locale]!),
      description: registry.description === undefined ? "" : escapeInline(registry.description[locale]!),
      id: escapeInline(registry.id),
      locale: escapeInline(locale),
      languages: renderLanguages(registry, locale, texts),
      map: map ? renderMapImage(registry, locale, own, parts.maps()) : "",
    },
    texts: Object.fromEntries(Object.entries(own).map(([key, text]) => [key, escapeInline(text)])) as PageTexts,
    tables: {
      ranges: tables("ranges", locale, own),
      codes: tables("codes", locale, own),
    },
    conditions: {
      description: registry.description !== undefined,
      ranges: registry.ranges.length > 0,
      translations: registry.locales.length > 1,
      map,
    },
  };
}

/**
 * One page per locale, each rendered from its page template: `<id>.md` in the source locale, and
 * `<id>.<locale>.md` for every other locale, with the headers and words of that locale. A page whose template
 * places the `map` comes with its code map, `<id>.map.svg` or `<id>.map.<locale>.svg`, in the same words.
 */
export function emitMarkdownPages(registry: Registry, context: EmitContext): GeneratedFile[] {
  const { templates } = context;
  let maps: CodeMapRenderer | undefined;
  const parts: PageParts = {
    texts: new Map(registry.locales.map((locale) => [locale, pageTextsFor(templates, locale)])),
    tables: tableRenderer(registry),
    maps: () => {
      maps ??= codeMapRenderer(registry);
      return maps;
    },
  };
  return registry.locales.flatMap((locale) => {
    const template = pageTemplateFor(templates, locale);
    const map = context.codeMap && placesValue(template, "map");
    const page = {
      path: markdownPagePath(registry, locale),
      contents: renderTemplate(template, scopeFor(registry, locale, context, parts, map)),
    };
    if (!map) return [page];
    const notice = generatedNotice(registry, context);
    return [
      page,
      { path: codeMapPath(registry, locale), contents: parts.maps().render({ locale, texts: parts.texts.get(locale)!, notice }) },
    ];
  });
}
