import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../../generator/index.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { bundleApp, byteSize } from "../../helpers/bundle.js";
import { fileAt, importModule } from "../../helpers/generated-module.js";
import { loadFixture } from "../../helpers/registry.js";
import { tempDir, writeTree } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

/** A template with every placeholder, a code with a URL of its own, and a retired code. */
const REGISTRY = `id: app-errors
type: AppError
locales: [en]
docs: { url: "https://docs.example.com/{id}/{code}#{name}" }
codes:
  - { code: 100, name: NotSignedIn, description: Not signed in. }
  - { code: 101, name: SessionExpired, description: The session expired., docs: { url: "https://auth.example.com/help/session" } }
  - { code: 102, name: Unavailable, description: Unavailable. }
  - { code: 103, name: Gone, description: Gone., status: retired, note: Never sent. }
`;

/** No template: only some codes have a URL. */
const PARTIAL = `id: partial
type: Partial
locales: [en]
codes:
  - { code: 1, name: One, description: One., docs: { url: "https://example.com/one" } }
  - { code: 2, name: Two, description: Two. }
`;

const CONSUMER = `import { AppError, getAppErrorDocUrl } from "./app-errors.js";

declare const anyNumber: number;
// A registered code always has a doc URL: the overload returns a string.
export const always: string = getAppErrorDocUrl(AppError.NotSignedIn);
export const maybe: string | undefined = getAppErrorDocUrl(anyNumber);
// @ts-expect-error: an arbitrary number may have none
export const wrong: string = getAppErrorDocUrl(anyNumber);
`;

async function moduleOf(yaml: string, enums: boolean) {
  const { dir, registry } = await loadFixture({ "registry.yaml": yaml });
  const files = await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["ts"], enums });
  const source = fileAt(files, `${registry.id}.ts`);
  return { source, module: await importModule(source) };
}

describe("get<Type>DocUrl", () => {
  it.each([true, false])("gives each registered code its URL and undefined for anything else (enums: %s)", async (enums) => {
    const { module } = await moduleOf(REGISTRY, enums);
    const lookup = module.getAppErrorDocUrl as (code: number) => string | undefined;
    expect([100, 101, 102].map(lookup)).toEqual([
      "https://docs.example.com/app-errors/100#NotSignedIn",
      "https://auth.example.com/help/session",
      "https://docs.example.com/app-errors/102#Unavailable",
    ]);
    for (const other of [103, 99, 104, 100.5, Number.NaN, -100]) expect(lookup(other)).toBeUndefined();
  });

  it("expands the template at run time and writes only the URLs it does not give", async () => {
    const { source } = await moduleOf(REGISTRY, true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated template literal, as text
    expect(source).toContain("`https://docs.example.com/app-errors/${code}#${appErrorNameTable[code]}`");
    expect(source).toContain('if (code === 101) return "https://auth.example.com/help/session";');
    expect(source.match(/https:\/\/auth\.example\.com\/help\/session/g)).toHaveLength(1);
  });

  it("without a template, gives the codes that have a URL theirs and no overload promising one", async () => {
    const { source, module } = await moduleOf(PARTIAL, false);
    const lookup = module.getPartialDocUrl as (code: number) => string | undefined;
    expect([1, 2, 3].map(lookup)).toEqual(["https://example.com/one", undefined, undefined]);
    expect(source).not.toContain("getPartialDocUrl(code: Partial): string;");
  });

  it("is not emitted for a registry without doc links", async () => {
    const { source } = await moduleOf(PARTIAL.replace(', docs: { url: "https://example.com/one" }', ""), true);
    expect(source).toContain("getPartialName");
    expect(source).not.toContain("DocUrl");
  });

  it.each([
    { enums: true, emit: "ts" as const },
    { enums: false, emit: "ts" as const },
    { enums: true, emit: "js" as const },
    { enums: false, emit: "js" as const },
  ])("types a strict consumer precisely (enums: $enums, emit: $emit)", async ({ enums, emit }) => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": REGISTRY });
    await generate({ registries: [path.join(dir, "registry.yaml")], outDir: path.join(dir, "out"), targets: ["ts"], enums, emit });
    const module = emit === "ts" ? { "app-errors.ts": await readFile(path.join(dir, "out", "app-errors.ts"), "utf8") } : {};
    const compiled = await compileStrict(path.join(dir, "out"), { ...module, "consumer.ts": CONSUMER });
    expect(compiled.ok, compiled.output).toBe(true);
    if (emit === "js") {
      const built = (await import(pathToFileURL(path.join(dir, "out", "app-errors.js")).href)) as Record<string, (code: number) => unknown>;
      expect(built.getAppErrorDocUrl!(100)).toBe("https://docs.example.com/app-errors/100#NotSignedIn");
    }
  });

  it("is tree-shakable: an app that reads only the doc URLs bundles neither the texts nor the ranges", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": REGISTRY });
    await generate({ registries: [path.join(dir, "registry.yaml")], outDir: path.join(dir, "out"), targets: ["ts"], emit: "js" });
    const bundle = await bundleApp(
      "esbuild",
      dir,
      'import { getAppErrorDocUrl } from "./out/app-errors.js";\nconsole.log(getAppErrorDocUrl(100));\n',
    );
    expect(bundle).toContain("https://auth.example.com/help/session");
    expect(bundle).not.toContain("Not signed in.");
    expect(byteSize(bundle)).toBeLessThan(400);
  });
});
