import { readFileSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedYaml } from "../load/yaml-document.js";
import { packageRoot } from "../package-root.js";
import { mapSchemaErrors } from "./schema-errors.js";

/** The JSON Schemas codebook validates its inputs against, by name. */
export type SchemaName = "registry" | "locale" | "config";

const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  registry: "registry.schema.json",
  locale: "locale.schema.json",
  config: "config.schema.json",
};

const compiled = new Map<SchemaName, ValidateFunction>();

async function validatorFor(name: SchemaName): Promise<ValidateFunction> {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  // verbose: each error carries its schema, which the messages quote (the allowed keys, a union's alternatives).
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  const schema = JSON.parse(readFileSync(path.join(packageRoot, "schema", SCHEMA_FILES[name]), "utf8")) as object;
  const validate = ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}

/** Validates a parsed document against one of codebook's JSON Schemas; every violation is a located diagnostic. */
export async function validateAgainstSchema(parsed: ParsedYaml, name: SchemaName): Promise<Diagnostic[]> {
  const validate = await validatorFor(name);
  if (validate(parsed.data)) return [];
  return mapSchemaErrors(parsed, (validate.errors ?? []) as ErrorObject[]);
}
