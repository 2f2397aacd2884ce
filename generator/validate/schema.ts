import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics/index.js";
import type { ParsedYaml } from "../load/yaml-document.js";
import { STANDALONE_VALIDATORS } from "./generated/index.js";
import { mapSchemaErrors } from "./schema-errors.js";

/** The JSON Schemas codebook validates its inputs against, by name. */
export type SchemaName = "registry" | "locale" | "config";

/**
 * The file of each schema in schema/. Each is compiled ahead of time into generator/validate/generated/
 * `<name>.ts` by `npm run build:validators` (a test fails when one is missing or stale).
 */
export const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  registry: "registry.schema.json",
  locale: "locale.schema.json",
  config: "config.schema.json",
};

/** Every schema name. */
export const SCHEMA_NAMES = Object.keys(SCHEMA_FILES) as SchemaName[];

const compiled = new Map<SchemaName, ValidateFunction>();

async function validatorFor(name: SchemaName): Promise<ValidateFunction> {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  // Compiled ahead of time: loading ajv and compiling the schema cost about 100 ms per run.
  const load = STANDALONE_VALIDATORS[name];
  if (load === undefined) throw new Error(`codebook: no compiled validator for the schema "${name}"; run \`npm run build:validators\``);
  const { validate } = (await load()) as { readonly validate: ValidateFunction };
  compiled.set(name, validate);
  return validate;
}

/** Validates a parsed document against one of codebook's JSON Schemas; every violation is a located diagnostic. */
export async function validateAgainstSchema(parsed: ParsedYaml, name: SchemaName): Promise<Diagnostic[]> {
  const validate = await validatorFor(name);
  if (validate(parsed.data)) return [];
  return mapSchemaErrors(parsed, (validate.errors ?? []) as ErrorObject[]);
}
