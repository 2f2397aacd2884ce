/**
 * The SVG escaping and attributes as they were before their fast paths, kept verbatim as the reference that the
 * differential tests hold the current ones to.
 */
import { type Attributes, formatNumber } from "../../../generator/emit/svg/xml.js";

/** escapeXml before the fast path: every replacement over every text. */
export function previousEscapeXml(text: string): string {
  return (
    text
      .replace(/[\t\n\r\u2028\u2029]/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it replaces
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** An element's attributes before they were written in one loop. */
export function previousAttributes(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? formatNumber(value) : previousEscapeXml(value)}"`)
    .join("");
}
