import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { generate } from "../../../generator/pipeline.js";
import { tempDir, writeTree } from "../../helpers/temp.js";
import { compileStrict } from "../../helpers/typescript.js";

async function bundle(dir: string, app: string): Promise<string> {
  const result = await build({
    stdin: { contents: app, resolveDir: dir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("the default registry's module in an application bundle", () => {
  it.each([true, false])("keeps only what the app imports (enums: %s)", async (enums) => {
    const dir = await tempDir();
    await generate({ outDir: dir, enums, targets: ["ts", "json"] });
    const json = JSON.parse(await readFile(path.join(dir, "close-codes.json"), "utf8")) as {
      codes: { name: string; description: Record<string, string> }[];
    };
    const guardOnly = await bundle(dir, 'import { isValidCloseCode } from "./close-codes.ts";\nglobalThis.result = isValidCloseCode(Number(globalThis.input));\n');
    for (const entry of json.codes) {
      expect(guardOnly).not.toContain(entry.name);
      expect(guardOnly).not.toContain(entry.description.en);
    }
    const german = await bundle(
      dir,
      'import { createCloseCodeDescriber, closeCodeCatalogDe } from "./close-codes.ts";\nglobalThis.result = createCloseCodeDescriber(closeCodeCatalogDe)(Number(globalThis.input));\n',
    );
    for (const entry of json.codes) {
      expect(german).toContain(entry.description.de);
      expect(german).not.toContain(entry.description.en);
    }
  });

  it("compiles without enums under the strictest flags and erasable syntax only", async () => {
    const dir = await tempDir();
    await generate({ outDir: dir, enums: false, targets: ["ts"] });
    const source = await readFile(path.join(dir, "close-codes.ts"), "utf8");
    await writeTree(path.join(dir, "strict"), { "package.json": '{ "type": "module" }\n' });
    const compiled = await compileStrict(path.join(dir, "strict"), { "close-codes.ts": source }, { erasableSyntaxOnly: true });
    expect(compiled.output).toBe("");
  });
});
