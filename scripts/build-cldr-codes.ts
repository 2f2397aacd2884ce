// `npm run build:cldr-codes`: writes generator/emit/ts/generated/cldr-codes.ts (see scripts/cldr-codes.ts) from
// the ICU data of the Node.js running it. Built by tsconfig.scripts.json into dist/scripts/.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLDR_CODES_FILE, computeCldrCodes, renderCldrCodesModule } from "./cldr-codes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
await writeFile(path.join(root, CLDR_CODES_FILE), renderCldrCodesModule(computeCldrCodes()));
process.stdout.write(`wrote ${CLDR_CODES_FILE}\n`);
