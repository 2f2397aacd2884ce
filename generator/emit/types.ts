/** The module format of emitted JavaScript: `esm` (import/export) or `cjs` (require/exports). */
export type ModuleFormat = "esm" | "cjs";

/** The form of the code modules: `ts` (`<id>.ts`) or `js` (`<id>.js` and `<id>.d.ts`). */
export type EmitForm = "ts" | "js";
