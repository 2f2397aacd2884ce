import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, DiagnosticCode, Result } from "../diagnostics/index.js";
import { packageRoot } from "./package-root.js";
import { displayPath, readSourceFile } from "./source-file.js";
import { PAGE_TEXT_KEYS, type PageTextKey, type PartialPageTexts } from "./templates/page-texts.js";
import { parseTemplate, type Template } from "./templates/template.js";
import type { MarkdownTemplates, TemplateLayer } from "./templates/template-set.js";
import { locate, type ParsedYaml, parseYaml } from "./yaml-document.js";

/** The templates that ship with codebook; a user's folder overrides them file by file. */
export const builtInTemplatesFolder: string = path.join(packageRoot, "templates");

/** `page.md` or `page.<locale>.md`. */
const PAGE_FILE = /^(page(?:\.[A-Za-z0-9-]+)?)\.md$/;
/** `locales/<locale>.yaml`. */
const TEXTS_FILE = /^(.+)\.ya?ml$/;
const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

/** The page templates and texts, and the user's files they were read from. */
export interface LoadedTemplates {
  readonly templates: MarkdownTemplates;
  /** Absolute paths of the user's template files that were read: inputs of the output. */
  readonly files: readonly string[];
}

/**
 * Loads the page templates and page texts: the user's folder (when given) over the built-in one. Every
 * template and texts file found is parsed, and every problem reported at its `FILE:LINE:COL`.
 * @param folder an absolute path, or undefined for the built-in templates only
 */
export async function loadMarkdownTemplates(folder: string | undefined, cwd: string): Promise<Result<LoadedTemplates>> {
  const folders = folder === undefined ? [builtInTemplatesFolder] : [folder, builtInTemplatesFolder];
  const results = await Promise.all(folders.map((each) => loadLayer(each, cwd)));
  const diagnostics = results.flatMap((result) => result.diagnostics);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const files = folder === undefined ? [] : results[0]!.files;
  return { ok: true, templates: { layers: results.map((result) => result.layer) }, files };
}

async function listFolder(folder: string): Promise<string[] | undefined> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

async function loadLayer(folder: string, cwd: string): Promise<{ layer: TemplateLayer; diagnostics: Diagnostic[]; files: string[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const pages = new Map<string, Template>();
  const texts = new Map<string, PartialPageTexts>();
  const layer: TemplateLayer = { folder, pages, texts };
  const names = await listFolder(folder);
  if (names === undefined) {
    const file = displayPath(folder, cwd);
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      code: "templates-folder",
      message: "templates folder not found (it holds page.md, page.<locale>.md and locales/<locale>.yaml)",
    });
    return { layer, diagnostics, files };
  }
  for (const name of names) {
    const match = PAGE_FILE.exec(name);
    if (match === null) continue;
    const read = await readSourceFile(path.join(folder, name), cwd);
    files.push(path.join(folder, name));
    if (!read.ok) {
      diagnostics.push(...read.diagnostics);
      continue;
    }
    const parsed = parseTemplate(read.source.text, read.source.file);
    if (parsed.ok) pages.set(match[1]!, parsed.template);
    else diagnostics.push(...parsed.diagnostics);
  }
  for (const name of (await listFolder(path.join(folder, "locales"))) ?? []) {
    const match = TEXTS_FILE.exec(name);
    if (match === null) continue;
    const result = await loadPageTexts(path.join(folder, "locales", name), match[1]!, cwd);
    files.push(path.join(folder, "locales", name));
    if (result.ok) texts.set(match[1]!, result.texts);
    else diagnostics.push(...result.diagnostics);
  }
  return { layer, diagnostics, files };
}

/** Reads `locales/<locale>.yaml`: a map from page text keys to non-empty strings; any subset of the keys. */
async function loadPageTexts(file: string, locale: string, cwd: string): Promise<Result<{ readonly texts: PartialPageTexts }>> {
  const read = await readSourceFile(file, cwd);
  if (!read.ok) return read;
  if (!LOCALE_TAG.test(locale)) {
    const message = `"${locale}" is not a locale tag in canonical case (like en, de, zh-CN, pt-BR); name the file <locale>.yaml`;
    return { ok: false, diagnostics: [{ file: read.source.file, line: 1, column: 1, code: "texts-locale", message }] };
  }
  const parse = parseYaml(read.source);
  if (!parse.ok) return parse;
  return checkPageTexts(parse.parsed);
}

function checkPageTexts(parsed: ParsedYaml): Result<{ readonly texts: PartialPageTexts }> {
  const { data } = parsed;
  const diagnostics: Diagnostic[] = [];
  const report = (at: readonly string[], target: "key" | "value", code: DiagnosticCode, message: string) =>
    diagnostics.push({ file: parsed.source.file, ...locate(parsed, at, target), code, message });
  if (data === null || data === undefined) return { ok: true, texts: {} };
  if (typeof data !== "object" || Array.isArray(data)) {
    report([], "value", "texts-shape", `expected a map from text keys to strings (keys: ${PAGE_TEXT_KEYS.join(", ")})`);
    return { ok: false, diagnostics };
  }
  const texts: Partial<Record<PageTextKey, string>> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(PAGE_TEXT_KEYS as readonly string[]).includes(key)) {
      report([key], "key", "texts-key", `unknown text key "${key}" (known: ${PAGE_TEXT_KEYS.join(", ")})`);
    } else if (typeof value !== "string" || !/\S/.test(value)) {
      report([key], "value", "texts-value", `text "${key}" must be a non-empty string (quote yes, no, true, false and numbers)`);
    } else {
      texts[key as PageTextKey] = value;
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, texts };
}
