/**
 * How wide a text is, estimated without a font: the map names `system-ui, sans-serif` and cannot know which font a
 * viewer has, so every width is a generous upper bound and a label that might not fit is shortened or left out.
 */

/** East Asian wide and fullwidth characters, and emoji: about one em each. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f000}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Marks that draw over the character before them, and invisible format characters: no width of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Wider than the average of any common sans-serif (which is about 0.5 em), so that an estimate errs on the wide side. */
const NARROW_EM = 0.6;

/** The estimated width in pixels of `text` set in `fontSize` pixels (bold text is about 5% wider). */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) ems += ZERO_WIDTH.test(character) ? 0 : WIDE.test(character) ? 1 : NARROW_EM;
  return ems * fontSize * (bold ? 1.05 : 1);
}

/**
 * `text` if it fits in `width`; else its longest beginning (by code points) that fits with an ellipsis after it;
 * `undefined` when not even one character and the ellipsis fit.
 */
export function fitText(text: string, width: number, fontSize: number, bold = false): string | undefined {
  if (estimateWidth(text, fontSize, bold) <= width) return text;
  const characters = [...text];
  for (let length = characters.length - 1; length > 0; length -= 1) {
    const shortened = `${characters.slice(0, length).join("").trimEnd()}…`;
    if (estimateWidth(shortened, fontSize, bold) <= width) return shortened;
  }
  return undefined;
}
