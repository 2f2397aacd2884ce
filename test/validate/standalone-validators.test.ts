import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCHEMA_FILES, SCHEMA_NAMES, type SchemaName } from "../../generator/validate/schema.js";
import {
  AJV_OPTIONS,
  renderStandaloneIndex,
  renderStandaloneValidator,
  STANDALONE_INDEX_FILE,
  standaloneValidatorFile,
} from "../../scripts/standalone-validators.js";
import { defaultRegistry, repoRoot } from "../helpers/paths.js";

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

async function compileAtRunTime(name: SchemaName): Promise<Validate> {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const schema = JSON.parse(await readFile(path.join(repoRoot, "schema", SCHEMA_FILES[name]), "utf8")) as object;
  return new Ajv2020.default({ ...AJV_OPTIONS }).compile(schema) as Validate;
}

async function loadCommitted(name: SchemaName): Promise<Validate> {
  const module = (await import(pathToFileURL(path.join(repoRoot, standaloneValidatorFile(name))).href)) as { validate: Validate };
  return module.validate;
}

/** Documents every schema must judge the same way compiled ahead of time as at run time. */
const SAMPLES: readonly unknown[] = [null, 0, "text", [], {}, { id: 1, type: [], title: "" }, { unexpected: true }];

describe("standalone validators", () => {
  it.each(SCHEMA_NAMES)("the committed validator of %s is current (else run `npm run build:validators`)", async (name) => {
    const committed = await readFile(path.join(repoRoot, standaloneValidatorFile(name)), "utf8").catch(() => "(missing)");
    expect(committed).toBe(await renderStandaloneValidator(name));
  });

  it("the committed index lists every schema (else run `npm run build:validators`)", async () => {
    const committed = await readFile(path.join(repoRoot, STANDALONE_INDEX_FILE), "utf8").catch(() => "(missing)");
    expect(committed).toBe(renderStandaloneIndex(SCHEMA_NAMES));
  });

  it.each(SCHEMA_NAMES)("the committed validator of %s reports what ajv compiling the schema reports", async (name) => {
    const [standalone, runtime] = await Promise.all([loadCommitted(name), compileAtRunTime(name)]);
    const documents = name === "registry" ? [...SAMPLES, parse(await readFile(defaultRegistry, "utf8"))] : SAMPLES;
    for (const document of documents) {
      expect(standalone(document)).toBe(runtime(document));
      expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
    }
  });

  it("accepts the default registry and rejects a broken one", async () => {
    const validate = await loadCommitted("registry");
    const registry = parse(await readFile(defaultRegistry, "utf8")) as Record<string, unknown>;
    expect(validate(registry)).toBe(true);
    expect(validate({ ...registry, codes: [{ code: 1.5, name: "x" }] })).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });
});
