/**
 * A string as `JSON.stringify` writes it. Most catalog texts hold no character JSON escapes (a quote, a backslash,
 * a control character, a surrogate, which it escapes when alone): those are their text in quotes, told by a scan
 * of the character codes, which costs less than a call of `JSON.stringify` for a short text.
 */
export function jsonString(text: string): string {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}
