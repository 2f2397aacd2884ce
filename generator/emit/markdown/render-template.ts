import type { PageTextKey } from "../../load/templates/page-texts.js";
import type { TableName, Template, TemplateCondition, TemplateNode, TemplateValue } from "../../load/templates/template.js";

/** What a page gives its template: every value as finished Markdown. */
export interface TemplateScope {
  readonly values: Readonly<Record<TemplateValue, string>>;
  readonly texts: Readonly<Record<PageTextKey, string>>;
  readonly tables: Readonly<Record<TableName, string>>;
  readonly conditions: Readonly<Record<TemplateCondition, boolean>>;
}

/** Renders a template: the output ends with exactly one line break. */
export function renderTemplate(template: Template, scope: TemplateScope): string {
  const text = renderNodes(template.nodes, scope);
  // Trailing line breaks are found from the end: a pattern anchored at the end is tried at every line break of the page.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end -= 1;
  return `${text.slice(0, end)}\n`;
}

function renderNodes(nodes: readonly TemplateNode[], scope: TemplateScope): string {
  return nodes.map((node) => renderNode(node, scope)).join("");
}

function renderNode(node: TemplateNode, scope: TemplateScope): string {
  switch (node.kind) {
    case "text":
      return node.text;
    case "value":
      return scope.values[node.value];
    case "text-key":
      return scope.texts[node.key];
    case "table":
      return scope.tables[node.table];
    case "if":
      return scope.conditions[node.condition] ? renderNodes(node.body, scope) : "";
  }
}
