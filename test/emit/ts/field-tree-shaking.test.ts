import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRegistry, renderRegistry } from "../../../generator/index.js";
import type { Registry } from "../../../generator/model/registry.js";
import { type Bundler, bundleApp, byteSize } from "../../helpers/bundle.js";
import { repoRoot } from "../../helpers/paths.js";
import { writeTree } from "../../helpers/temp.js";

/** An app that reads one field of one code: its bundle is the field's lookup and table, nothing else. */
const RETRYABLE_APP =
  'import { getAppErrorRetryable } from "./app-errors.js";\nglobalThis.result = getAppErrorRetryable(Number(globalThis.input));\n';
const INFO_APP =
  'import { getAppErrorInfo } from "./app-errors.js";\nglobalThis.result = getAppErrorInfo(Number(globalThis.input), "de");\n';

/**
 * The retryable app's limit: the table of three codes and the lookup are about 80 bytes minified; the other
 * fields' tables alone are several hundred.
 */
const ONE_FIELD_LIMIT = 120;

/** What each field of the fixture leaves in a bundle that holds its table: a value no other field has. */
function fieldMarkers(registry: Registry): Record<string, string> {
  const unavailable = registry.codes.find((entry) => entry.name === "Unavailable")!.fields;
  return {
    severity: '"warning"',
    docPath: String(unavailable.docPath),
    hint: (unavailable.hint as Record<string, string>).de!,
    // 1.5, as a minifier writes it whatever the registry's spelling (0.25 becomes .25).
    weight: String(registry.fields.find((field) => field.name === "weight")!.default),
    retryAfter: "30",
  };
}

describe.each(["esm", "cjs"] as const)("per-field lookups of the every-field fixture, emitted as %s JavaScript", (module) => {
  let dir = "";
  let registry: Registry;

  beforeAll(async () => {
    registry = await loadRegistry(path.join(repoRoot, "test", "fixtures", "fields", "registry.yaml"));
    // One folder for the whole file (a tempDir would be removed after the first test).
    dir = await mkdtemp(path.join(tmpdir(), "codebook-fields-"));
    const files = await renderRegistry(registry, { outDir: dir, emit: "js", module, targets: ["ts"] });
    await writeTree(dir, {
      "package.json": JSON.stringify({ type: module === "esm" ? "module" : "commonjs" }),
      ...Object.fromEntries(files.map((file) => [file.path, file.contents])),
    });
    return () => rm(dir, { recursive: true, force: true });
  });

  const bundlers: readonly Bundler[] = module === "esm" ? ["esbuild", "rollup"] : ["rollup"];

  it.each(bundlers)("%s: an app that reads one field bundles no other field, no names and no texts", async (bundler) => {
    const bundle = await bundleApp(bundler, dir, RETRYABLE_APP, { commonjs: module === "cjs" });
    expect(byteSize(bundle), bundle).toBeLessThanOrEqual(ONE_FIELD_LIMIT);
    for (const [field, marker] of Object.entries(fieldMarkers(registry))) expect(bundle, field).not.toContain(marker);
    for (const entry of registry.codes) expect(bundle).not.toContain(entry.name);
    // The values themselves are there: a lookup that returned nothing would be small too.
    expect(bundle).toMatch(/503:\s*!0|503:true/);
  });

  it.each(bundlers)("%s: get<Type>Info keeps every field (the control: the markers are what a field's table leaves)", async (bundler) => {
    const bundle = await bundleApp(bundler, dir, INFO_APP, { commonjs: module === "cjs" });
    for (const [field, marker] of Object.entries(fieldMarkers(registry))) expect(bundle, field).toContain(marker);
  });
});
