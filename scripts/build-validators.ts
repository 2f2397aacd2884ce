// `npm run build:validators`: compiles every JSON Schema in schema/ into its standalone validator module
// (generator/validate/generated/<name>.ts) and their index. Run it after changing a schema. Built by
// tsconfig.scripts.json into dist/scripts/, apart from the package: dist/generator never holds the compiler.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_NAMES } from "../generator/validate/schema.js";
import {
  renderStandaloneIndex,
  renderStandaloneValidator,
  STANDALONE_INDEX_FILE,
  standaloneValidatorFile,
} from "./standalone-validators.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const files = new Map(
  await Promise.all(SCHEMA_NAMES.map(async (name) => [standaloneValidatorFile(name), await renderStandaloneValidator(name)] as const)),
);
files.set(STANDALONE_INDEX_FILE, renderStandaloneIndex(SCHEMA_NAMES));
for (const [file, contents] of files) {
  await writeFile(path.join(root, file), contents);
  process.stdout.write(`wrote ${file.split(path.sep).join("/")}\n`);
}
