import type { Document } from "yaml";
import { yamlPackage } from "./yaml-package.js";

/**
 * Drops the final line break that a YAML block scalar (`|` or `>`) keeps by default ("clip" chomping): a text
 * written as a block would otherwise end every output with a line break (`<br>` in a Markdown cell, `\n` in
 * a catalog). `|-`/`>-` already drop it; `|+`/`>+` ask to keep every trailing line break, and keep them.
 */
export function clipBlockScalars(document: Document.Parsed, text: string): void {
  const { isScalar, visit } = yamlPackage();
  visit(document, {
    Scalar(_key, node) {
      if (!isScalar(node) || (node.type !== "BLOCK_LITERAL" && node.type !== "BLOCK_FOLDED")) return;
      if (typeof node.value !== "string" || node.range === undefined || node.range === null) return;
      const header = /^[|>][^\n]*/.exec(text.slice(node.range[0]))?.[0] ?? "";
      if (!header.includes("+")) node.value = node.value.replace(/\n$/, "");
    },
  });
}
