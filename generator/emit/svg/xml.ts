/**
 * The one place where text becomes SVG markup. Every text of a registry or of the page texts goes through
 * {@link escapeXml}, so that the file stays well-formed XML whatever the registry says and shows exactly the text.
 */

/**
 * Escapes text for XML character data and attribute values: `&`, `<`, `>`, `"` and `'` become entities (so `]]>`
 * and `--` cannot end anything), line breaks, tabs and the line and paragraph separators become spaces (SVG text is
 * one line), and characters XML 1.0 cannot hold (C0 controls, lone surrogates, U+FFFE, U+FFFF) and the C1
 * controls become U+FFFD.
 */
export function escapeXml(text: string): string {
  // Most texts hold nothing to replace: one test finds them, and they come back as they are.
  if (!NEEDS_ESCAPING.test(text)) return text;
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

/**
 * Every character that {@link escapeXml} may replace: the ones it always replaces, and every surrogate (only a lone
 * one is replaced, which a text without any cannot hold).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff&<>"']/;

/** A coordinate as the file writes it: at most one decimal, no `-0`, so equal inputs give equal bytes. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Attributes in the order given; numbers through {@link formatNumber}, strings escaped, `undefined` left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** ` a="1" b="x"`: the attributes as an element's start tag writes them (see {@link Attributes}). */
export function renderAttributes(attributes: Attributes): string {
  let rendered = "";
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) rendered += ` ${name}="${typeof value === "number" ? formatNumber(value) : escapeXml(value)}"`;
  }
  return rendered;
}

/** An element: `<name a="1"/>` without children, else `<name a="1">children</name>` (children already markup). */
export function element(name: string, attributes: Attributes, ...children: readonly string[]): string {
  const open = `<${name}${renderAttributes(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`;
}

/** A `<title>`: what a viewer shows on hover and a screen reader reads for its parent. */
export function title(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}

/** A `<text>` element holding `text`, escaped. */
export function textElement(attributes: Attributes, text: string): string {
  return `<text${renderAttributes(attributes)}>${escapeXml(text)}</text>`;
}
