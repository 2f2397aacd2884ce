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
  // A registry's declarations come from a few files: each file's path is worked out once, not once a declaration.
  const shownPaths = new Map<string, string>();
  return (origin) => {
    if (origin === undefined) return undefined;
    let shown = shownPaths.get(origin.path);
    if (shown === undefined) {
      shown = commentPath(path.relative(context.outDir, origin.path).split(path.sep).join("/"));
      shownPaths.set(origin.path, shown);
    }
    return `Defined at ${shown}:${origin.line}.`;
  };
}

/** A doc comment's text with the source reference as its last paragraph. */
export function withSource(text: string, reference: string | undefined): string {
  return reference === undefined ? text : `${text}\n\n${reference}`;
}
