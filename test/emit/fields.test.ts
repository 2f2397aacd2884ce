import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/types.js";
import { loadRegistry, renderRegistry } from "../../generator/index.js";
import type { Registry } from "../../generator/model/registry.js";
import { formatjsReader, gettextReader, i18nextReader } from "../helpers/catalog-readers.js";
import { fileAt, importModule } from "../helpers/generated-module.js";
import { readTables } from "../helpers/gfm.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";

const run = promisify(execFile);

// A registry with a field of every type: test/fixtures/fields, whose expected/ the golden fixtures test compares
// byte for byte (UPDATE_GOLDENS=1 npx vitest run test/golden-fixtures.test.ts accepts a change).
const folder = path.join(repoRoot, "test", "fixtures", "fields");
const outDir = path.join(folder, "expected");

/** A consumer of the module: every record property has its precise type, and a wrong use does not compile. */
const CONSUMER = `import { getAppErrorInfo, getAppErrorHint, getAppErrorSeverity, type AppErrorHttpStatus, type AppErrorSeverity } from "./app-errors.js";
const info = getAppErrorInfo(503);
if (info !== undefined) {
    const severity: "info" | "warning" | "error" = info.severity;
    const status: 400 | 401 | 404 | 500 | 503 = info.httpStatus;
    const retryable: boolean = info.retryable;
    const hint: string = info.hint;
    const range: "Client" | "Auth" | "Server" | undefined = info.range;
    // @ts-expect-error: the record is read-only
    info.retryable = false;
    // @ts-expect-error: 418 is not a code of the target registry
    const teapot: AppErrorHttpStatus = 418;
    // @ts-expect-error: "fatal" is not one of the field's values
    const fatal: AppErrorSeverity = "fatal";
    console.log(severity, status, retryable, hint, range, teapot, fatal);
}
const lookedUp: AppErrorSeverity | undefined = getAppErrorSeverity(404);
const german: string | undefined = getAppErrorHint(100, "de-AT");
console.log(lookedUp, german);
`;

describe("a registry with a field of every type", () => {
  let registry: Registry;
  let files: readonly GeneratedFile[];

  beforeAll(async () => {
    registry = await loadRegistry(path.join(folder, "registry.yaml"));
    files = await renderRegistry(registry, { outDir });
  });

  it("resolves each code's values: its own, else the nearest range's, else the default", () => {
    const values = Object.fromEntries(registry.codes.map((entry) => [entry.name, entry.fields]));
    expect(values.NotSignedIn).toMatchObject({
      retryable: false,
      httpStatus: 401,
      severity: "warning",
      retryAfter: 0,
      weight: 1.5,
      docPath: "/auth",
    });
    expect(values.NotSignedIn!.hint).toEqual({ en: "Sign in, then retry.", de: "Melden Sie sich an und versuchen Sie es erneut." });
    expect(values.NotFound).toMatchObject({ httpStatus: 404, severity: "info" });
    expect(values.NotFound!.hint).toEqual({ en: "Contact support.", de: "Wenden Sie sich an den Support." });
    expect(values.Unavailable).toMatchObject({ retryable: true, httpStatus: 503, severity: "error", retryAfter: 30, weight: 0.25 });
    expect(values.Unavailable!.hint).toEqual({ en: "Try again later.", de: "Versuchen Sie es später erneut." });
  });

  it.each([true, false])(
    "compiles under the strictest flags with a consumer that relies on the precise types (enums: %s)",
    async (enums) => {
      const rendered = await renderRegistry(registry, { outDir, enums });
      const dir = await tempDir();
      const compiled = await compileStrict(
        dir,
        { "app-errors.ts": fileAt(rendered, "app-errors.ts"), "consumer.ts": CONSUMER },
        { lib: ["ES2022", "DOM"] },
      );
      expect(compiled.output).toBe("");
      expect(compiled.ok).toBe(true);
    },
  );

  it("get<Type>Info gives the record of a registered code, in the locale asked for, and undefined for any other value", async () => {
    const module = await importModule(fileAt(files, "app-errors.ts"));
    const getInfo = module.getAppErrorInfo as (code: number, locale?: string) => unknown;
    expect(getInfo(100)).toEqual({
      code: 100,
      name: "NotSignedIn",
      range: "Auth",
      status: "active",
      retryable: false,
      httpStatus: 401,
      severity: "warning",
      retryAfter: 0,
      weight: 1.5,
      docPath: "/auth",
      hint: "Sign in, then retry.",
    });
    expect(getInfo(503, "de")).toMatchObject({ range: "Server", hint: "Versuchen Sie es später erneut." });
    for (const other of [150, 0, 1.5, Number.NaN, 1000]) expect(getInfo(other)).toBeUndefined();
    expect((module.getAppErrorRetryAfter as (code: number) => unknown)(503)).toBe(30);
    expect((module.getAppErrorRetryAfter as (code: number) => unknown)(150)).toBeUndefined();
    expect((module.getAppErrorHint as (code: number, locale?: string) => unknown)(404, "de-CH")).toBe("Wenden Sie sich an den Support.");
  });

  it("writes the declarations and every code's values in <id>.json", () => {
    const json = JSON.parse(fileAt(files, "app-errors.json")) as {
      fields: { name: string; registry?: string }[];
      codes: { fields: Record<string, unknown> }[];
      ranges: { fields?: unknown }[];
    };
    expect(json.fields.map((field) => field.name)).toEqual([
      "retryable",
      "httpStatus",
      "severity",
      "retryAfter",
      "weight",
      "docPath",
      "hint",
    ]);
    expect(json.fields[1]).toMatchObject({ type: "code", registry: "http" });
    expect(json.codes[2]!.fields).toMatchObject({
      retryable: true,
      httpStatus: 503,
      hint: { en: "Try again later.", de: "Versuchen Sie es später erneut." },
    });
    expect(json.ranges[0]!.fields).toEqual({ httpStatus: 400, severity: "warning" });
  });

  it("makes each labelled field a column of the codes table, in every locale", () => {
    const codesTable = (page: string) => {
      const table = readTables(fileAt(files, page)).at(-1)!;
      return { header: table.header.map((cell) => cell.text), rows: table.rows.map((row) => row.map((cell) => cell.text)) };
    };
    const en = codesTable("app-errors.md");
    expect(en.header).toEqual(["Code", "Name", "Status", "Description", "Retry", "HTTP", "Hint"]);
    expect(en.rows).toContainEqual(["503", "Unavailable", "active", "Unavailable.", "yes", "503", "Try again later."]);
    const de = codesTable("app-errors.de.md");
    expect(de.header.slice(4)).toEqual(["Wiederholen", "HTTP", "Hinweis"]);
    expect(de.rows.map((row) => row.slice(4))).toContainEqual(["ja", "503", "Versuchen Sie es später erneut."]);
  });

  it.each(["en", "de"])(
    "puts the text field's texts and the labels in every catalog, read by i18next, FormatJS and gettext-parser (%s)",
    async (locale) => {
      const readers = [
        await i18nextReader(registry, files, locale),
        formatjsReader(registry, files, locale),
        gettextReader(registry, files, locale),
      ];
      const hint = (name: string) => registry.codes.find((entry) => entry.name === name)!.fields.hint as Record<string, string>;
      for (const read of readers) {
        expect(read("fields.hint.codes.NotSignedIn", 100)).toBe(hint("NotSignedIn")[locale]);
        expect(read("fields.hint.ranges.Server", 503)).toBe(hint("Unavailable")[locale]);
        expect(read("fields.hint.default", 404)).toBe(hint("NotFound")[locale]);
        expect(read("fields.hint.label", 0)).toBe(locale === "en" ? "Hint" : "Hinweis");
        expect(read("fields.retryable.label", 0)).toBe(locale === "en" ? "Retry" : "Wiederholen");
      }
    },
  );

  it("GNU msgfmt accepts the PO files with the field texts", async () => {
    const dir = await tempDir();
    for (const locale of registry.locales) {
      const file = path.join(dir, `${locale}.po`);
      await writeFile(file, fileAt(files, `gettext/${locale}/app-errors.po`));
      const { stderr } = await run("msgfmt", ["--check", "--statistics", "-o", "/dev/null", file]);
      expect(stderr).toMatch(/^\d+ translated messages\.\n$/);
    }
  });
});
