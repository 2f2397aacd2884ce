import { createRequire } from "node:module";

/**
 * The values the TypeScript emitter uses from ts-morph, loaded with `require`. ts-morph is CommonJS: an ESM
 * `import` of it makes Node scan its 950 kB with cjs-module-lexer to list its named exports before running
 * it, about 80 ms of every run that emits TypeScript; `require` runs it without the scan. Types still come
 * from `import type ... from "ts-morph"`.
 */
const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { printStructure, Project, StructureKind, ts, VariableDeclarationKind } = tsMorph;
