import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { createIntl } from "@formatjs/intl";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../generator/model/load-model.js";
import { renderRegistry } from "../../../generator/run/render.js";
import { fileAt } from "../../helpers/generated-module.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { tempDir } from "../../helpers/temp.js";

const run = promisify(execFile);

describe("FormatJS catalogs, loaded as the README says", () => {
  it("`formatjs compile` turns them into the { id: message } shape that createIntl formats back to the text", async () => {
    const registry = await loadRegistry(defaultRegistry, { cwd: process.cwd() });
    const files = await renderRegistry(registry, { outDir: await tempDir() });
    const dir = await tempDir();
    const source = path.join(dir, "de.json");
    const compiled = path.join(dir, "compiled-de.json");
    await writeFile(source, fileAt(files, "formatjs/de/close-codes.json"));
    // The README's command.
    await run(process.execPath, [
      path.join(repoRoot, "node_modules", "@formatjs", "cli", "bin", "formatjs"),
      "compile",
      source,
      "--out-file",
      compiled,
    ]);
    const messages = JSON.parse(await readFile(compiled, "utf8")) as Record<string, string>;
    const intl = createIntl({
      locale: "de",
      messages,
      onError: (error) => {
        throw error;
      },
    });
    for (const entry of registry.codes) {
      expect(intl.formatMessage({ id: `close-codes:codes.${entry.name}` })).toBe(entry.description.de);
    }
    expect(intl.formatMessage({ id: "close-codes:title" })).toBe(registry.title.de);
  });
});
