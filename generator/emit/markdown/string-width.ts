/**
 * How many columns a text takes in a monospaced editor, counted exactly as Prettier counts them when it pads the
 * columns of a Markdown table (its getStringWidth): a text of printable ASCII is its length; an emoji (a keycap,
 * an RGI emoji, a ZWJ sequence that is RGI once its variation selectors are filled in) is 2, or 1 for the
 * text-presentation symbols Prettier calls narrow; control characters and combining marks are 0; East Asian wide
 * and fullwidth characters are 2; everything else is 1. Matching Prettier column for column is what lets a file
 * formatted by `prettier --write` keep the tables codebook wrote.
 *
 * One pass over the text adds up each code point's width; only a text holding a code point that can begin or
 * complete an emoji (see {@link EMOJI_CANDIDATE}) is counted by {@link sequenceWidth}, which matches the emoji
 * patterns. Every other text is matched by neither pattern, so both ways give the same count.
 */
export function displayWidth(text: string): number {
  let width = 0;
  let printableAscii = true;
  for (let index = 0; index < text.length; index += 1) {
    let codePoint = text.charCodeAt(index);
    if (codePoint >= 0x20 && codePoint < 0x7f) {
      width += 1;
      continue;
    }
    // U+007F counts 1 in a text that is otherwise printable ASCII (Prettier's shortcut), else 0 as a control.
    if (codePoint === 0x7f) continue;
    printableAscii = false;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        index += 1;
      }
    }
    const kind = kindOf(codePoint);
    if (kind === CANDIDATE) return sequenceWidth(text);
    width += kind;
  }
  return printableAscii ? text.length : width;
}

/** The width of a text that may hold emoji: the emoji and ZWJ sequences matched whole, then the rest character by character. */
function sequenceWidth(text: string): number {
  const { emoji, wholeEmoji, zwjSequence } = emojiPatterns();
  let width = 0;
  const withoutSequences = text.replace(zwjSequence, (sequence) => {
    if (!wholeEmoji.test(qualify(sequence, wholeEmoji))) return sequence;
    width += 2;
    return "";
  });
  const rest = withoutSequences.replace(emoji, (match) => {
    width += [...match].length === 1 ? characterWidth(match.codePointAt(0)!) : 2;
    return "";
  });
  for (const character of rest) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f) || ZERO_WIDTH_MARK.test(character)) continue;
    width += characterWidth(codePoint);
  }
  return width;
}

/** The patterns of emoji and of ZWJ sequences that {@link sequenceWidth} matches. */
interface EmojiPatterns {
  readonly emoji: RegExp;
  readonly wholeEmoji: RegExp;
  readonly zwjSequence: RegExp;
}

let patterns: EmojiPatterns | undefined;

/**
 * {@link EmojiPatterns}, built on first use: building a pattern of `\p{RGI_Emoji}` expands every RGI emoji sequence,
 * which takes several milliseconds, and most runs count no text that holds an emoji candidate.
 */
function emojiPatterns(): EmojiPatterns {
  // The `v` flag (Unicode sets, for \p{RGI_Emoji}) is newer than the compile target, so these are built at run time.
  patterns ??= {
    // biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag does not compile for ES2022
    emoji: new RegExp(String.raw`[#*0-9]\uFE0F?\u20E3|\p{RGI_Emoji}`, "gv"),
    // biome-ignore lint/complexity/useRegexLiterals: as above
    wholeEmoji: new RegExp(String.raw`^\p{RGI_Emoji}$`, "v"),
    zwjSequence: /\p{Emoji}\uFE0F?\p{EMod}?(?:\u200D\p{Emoji}\uFE0F?\p{EMod}?)+/gu,
  };
  return patterns;
}

const ZERO_WIDTH_MARK = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;

/**
 * The code points without which neither an emoji nor a ZWJ sequence that is RGI can match (see {@link EmojiPatterns}):
 * every RGI emoji (a basic emoji, a modifier, flag, tag or ZWJ sequence) begins with an Emoji code point, and the
 * only ones that begin with `#`, `*` or a digit are the keycaps, which end with U+20E3. A ZWJ sequence of digits,
 * `#` and `*` alone is never RGI, so it is left as it is, as {@link sequenceWidth} leaves it.
 */
// biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag does not compile for ES2022
const EMOJI_CANDIDATE = new RegExp(String.raw`[\p{Emoji}--[#*0-9]]|\u20E3`, "v");

/** {@link kindOf}'s answer for a code point of {@link EMOJI_CANDIDATE}; the other answers are widths (0, 1 or 2). */
const CANDIDATE = 3;

/**
 * The kind of every code point of the Basic Multilingual Plane met so far, plus one (0: not yet known), and of the
 * others in a map: each is worked out once per process with the patterns, then read back. The answers depend on
 * the code point alone, so keeping them changes no result.
 */
const BMP_KINDS = new Uint8Array(0x10000);
const ASTRAL_KINDS = new Map<number, number>();

/** 0, 1 or 2 columns for a code point outside an emoji, or {@link CANDIDATE}. */
function kindOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = BMP_KINDS[codePoint]!;
    if (known !== 0) return known - 1;
    const kind = classify(codePoint);
    BMP_KINDS[codePoint] = kind + 1;
    return kind;
  }
  let kind = ASTRAL_KINDS.get(codePoint);
  if (kind === undefined) {
    kind = classify(codePoint);
    ASTRAL_KINDS.set(codePoint, kind);
  }
  return kind;
}

/** What {@link sequenceWidth} counts for a code point alone, or {@link CANDIDATE} when it may be part of an emoji. */
function classify(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (EMOJI_CANDIDATE.test(character)) return CANDIDATE;
  if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f) || ZERO_WIDTH_MARK.test(character)) return 0;
  return characterWidth(codePoint);
}

/**
 * A ZWJ sequence with the variation selector put back after each part that is an emoji only with one
 * (🏳‍🌈 → 🏳️‍🌈): Prettier's emoji pattern also knows these minimally qualified spellings.
 */
function qualify(sequence: string, wholeEmoji: RegExp): string {
  return sequence
    .split("\u200D")
    .map((part) => (part.includes("\uFE0F") || wholeEmoji.test(part) || !wholeEmoji.test(`${part}\uFE0F`) ? part : `${part}\uFE0F`))
    .join("\u200D");
}

/** 2 for a code point in {@link WIDE}, else 1: the width of a code point that is neither an emoji nor zero-width. */
export function characterWidth(codePoint: number): number {
  let low = 0;
  let high = WIDE.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < WIDE[middle * 2]!) high = middle - 1;
    else if (codePoint > WIDE[middle * 2 + 1]!) low = middle + 1;
    else return 2;
  }
  return 1;
}

/**
 * The code points one character of which is two columns wide for Prettier 3.10, as inclusive pairs: the East
 * Asian Wide and Fullwidth characters of its Unicode tables, less the emoji it counts as narrow. The test
 * compares every code point with Prettier's own count, so an update of Prettier that moves one is caught.
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe, 0x2614, 0x2615, 0x261d,
  0x261d, 0x2630, 0x2637, 0x2648, 0x2653, 0x267f, 0x267f, 0x268a, 0x268f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be,
  0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26f9, 0x26fa, 0x26fd, 0x26fd, 0x2705,
  0x2705, 0x270a, 0x270d, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0,
  0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x3029, 0x302e,
  0x303e, 0x3041, 0x3096, 0x309b, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e5, 0x31ef, 0x321e, 0x3220, 0x3247, 0x3250, 0xa48c,
  0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01,
  0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe3, 0x16ff0, 0x16ff6, 0x17000, 0x18cda, 0x18cff, 0x18d20, 0x18d80, 0x18df2, 0x18e00, 0x19191,
  0x191a0, 0x191d2, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b128, 0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155,
  0x1b155, 0x1b164, 0x1b168, 0x1b170, 0x1b2fb, 0x1d300, 0x1d356, 0x1d360, 0x1d376, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e,
  0x1f191, 0x1f19a, 0x1f1ae, 0x1f1ae, 0x1f200, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300,
  0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3cc, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4,
  0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f574, 0x1f575, 0x1f57a,
  0x1f57a, 0x1f590, 0x1f590, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2,
  0x1f6d5, 0x1f6d9, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7da, 0x1f7da, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c,
  0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fac6, 0x1fac8, 0x1fac8, 0x1facc, 0x1fadd, 0x1fadf, 0x1faeb,
  0x1faef, 0x1fafa, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];
