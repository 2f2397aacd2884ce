import path from "node:path";
import type { SourceOrigin } from "../../model/registry.js";
import { commentPath } from "../header.js";
import type { EmitContext } from "../types.js";

/**
 * The sentence a declaration's doc comment ends with to name the registry line it comes from,
 * `Defined at ../schema/close-codes.yaml:42.` (relative to the output folder), or `undefined` without an origin.
 */
export type SourceRefs = (origin: SourceOrigin | undefined) => string | undefined;

/** The source references of a module written into `context.outDir`. */
export function sourceRefs(context: Pick<EmitContext, "outDir">): SourceRefs {
  return (origin) => {
    if (origin === undefined) return undefined;
    const shown = path.relative(context.outDir, origin.path).split(path.sep).join("/");
    return `Defined at ${commentPath(shown)}:${origin.line}.`;
  };
}

/** A doc comment's text with the source reference as its last paragraph. */
export function withSource(text: string, reference: string | undefined): string {
  return reference === undefined ? text : `${text}\n\n${reference}`;
}
