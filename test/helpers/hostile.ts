/**
 * Texts that break naive Markdown generation: each must read back from a GFM renderer as exactly itself.
 * Keyed by what they attack.
 */
export const HOSTILE_TEXTS: Readonly<Record<string, string>> = {
  pipes: "a | b || c |",
  "pipe at both ends": "| framed |",
  backslashes: "C:\\path\\to\\ and \\| and \\\\| and a trailing \\",
  "backslash before punctuation": "\\* \\_ \\` \\[ \\& \\< \\#",
  backticks: "use `code` or ``double`` or ```fence```",
  "lone backtick": "`",
  "script tag": "<script>alert('x')</script>",
  "html and comments": '<b onclick="x">bold</b> <!-- codebook:end close-codes --> <br> </td>',
  entities: "&amp; &lt; &#32; &#x2028; &copy; &",
  emphasis: "*bold* **strong** _em_ __strong__ ~strike~ ~~strike~~ ***",
  links: "[x](y) [ref][1] ![img](y.png) <https://example.com> https://example.com www.example.com",
  "leading and trailing spaces": "   padded both ends   ",
  "leading and trailing unicode spaces": "\u00a0\u3000nbsp and ideographic\u2003",
  newlines: "line one\nline two\n\nafter a blank line",
  "block starts": "# not a heading\n- not a list\n1. not a list\n> not a quote\n---\n===\n    not code\n```\n~~~",
  tabs: "\tindented\twith tabs\t",
  emoji: "👩‍👩‍👧 family, 🇩🇪 flag, 👍🏽 thumbs, ☃︎",
  rtl: "مرحبا بالعالم — שלום עולם — mixed עברית and English",
  "bidi controls": "\u202eevil\u202c \u2066isolate\u2069 \u200fmark",
  "line separators": "one\u2028two\u2029three",
  "combining marks": "e\u0301 Z̤͔ͧ̑̓ a\u0308\u0301 \u0301leading combining",
  "placeholder syntax": "{{ table:codes }} {{ notice }} {{ unknown }} {{",
  "leading list marker": "- starts like a list item",
  "leading ordered marker": "42. starts like an ordered item",
  "leading setext": "=== looks like an underline",
  "only punctuation": "|||",
};

/** A URL the schema accepts that holds every character a link destination must escape. */
export const HOSTILE_URL = "https://example.com/a|b\\c?d=1&amp;e=`f`&copy(g)[h]";

/**
 * A registry (as data) whose every text is hostile: a range and a code per hostile text (a second locale
 * reversing nothing but tagging the text), a nested range, aliases, references with hostile text and URL, and a
 * labelled set.
 */
export function hostileRegistry(): Record<string, unknown> {
  const texts = Object.values(HOSTILE_TEXTS);
  const both = (text: string) => ({ en: text, ar: `${text} ع` });
  return {
    id: "hostile",
    type: "Hostile",
    title: both(HOSTILE_TEXTS["html and comments"]!),
    description: both(texts.join("\n")),
    locales: ["en", "ar"],
    bounds: { min: 0, max: 99_999 },
    ranges: [
      ...texts.map((text, index) => ({
        from: index * 100,
        to: index * 100 + 99,
        name: `Range${index}`,
        description: both(text),
        reference: text,
        url: HOSTILE_URL,
      })),
      { from: 50, to: 50, name: "Nested", description: both("nested | inside Range0"), aliases: ["$nested_Alias$"] },
    ],
    codes: texts.map((text, index) => ({
      code: index * 100 + 1,
      name: `Code${index}`,
      description: both(text),
      reference: text,
      ...(index % 2 === 0 ? { url: HOSTILE_URL } : {}),
      ...(index < 3 ? { aliases: [`LEGACY_${index}`, `$legacy_${index}`] } : {}),
    })),
    sets: [
      { name: "Even", label: both("| even `label` <b>"), include: texts.flatMap((_, index) => (index % 2 === 0 ? [index * 100 + 1] : [])) },
    ],
  };
}
