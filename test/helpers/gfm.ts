import MarkdownIt, { type Token } from "markdown-it";

/**
 * A GFM reader: markdown-it with HTML on (GitHub renders the `<br>` the escaping writes), tables and
 * strikethrough (on by default), and GitHub's autolinking of bare URLs.
 */
export const gfm = new MarkdownIt({ html: true, linkify: true });

/** The text a reader sees in an inline run, the links and images in it, and the ids of its anchors (`<a id="…"></a>`). */
export interface ReadText {
  readonly text: string;
  readonly hrefs: readonly string[];
  /** Each image's `alt` text as a reader gets it, and its source. */
  readonly images: readonly { readonly alt: string; readonly src: string }[];
  readonly anchors: readonly string[];
}

/**
 * Reads an inline run back into plain text: text and code as they are, `<br>` as a line break, link
 * destinations, images (which add no text) and anchor ids collected. Any other token (emphasis, strikethrough,
 * other HTML) means a text was read as markup, and throws.
 */
export function readInline(inline: Token): ReadText {
  const hrefs: string[] = [];
  const images: { alt: string; src: string }[] = [];
  const anchors: string[] = [];
  const text = (inline.children ?? [])
    .map((child) => {
      switch (child.type) {
        case "text":
        case "code_inline":
          return child.content;
        case "html_inline": {
          if (/^<br>$/.test(child.content)) return "\n";
          const anchor = /^<a id="([^"<>&]+)">$/.exec(child.content);
          if (anchor !== null) {
            anchors.push(anchor[1]!);
            return "";
          }
          if (child.content === "</a>") return "";
          break;
        }
        case "softbreak":
          return "\n";
        case "link_open":
          hrefs.push(String(child.attrGet("href") ?? ""));
          return "";
        case "link_close":
          return "";
        case "image":
          images.push(readImage(child));
          return "";
      }
      throw new Error(`markup in ${JSON.stringify(inline.content)}: ${child.type} ${JSON.stringify(child.content)}`);
    })
    .join("");
  return { text, hrefs, images, anchors };
}

/**
 * An image as a reader gets it: its `alt` text as GitHub writes it into the `alt` attribute (the label's text with
 * its escapes and entities resolved, which markdown-it's `content` keeps raw), and its source.
 */
export function readImage(image: Token): { alt: string; src: string } {
  return { alt: gfm.renderer.renderInlineAsText(image.children ?? [], gfm.options, {}), src: String(image.attrGet("src") ?? "") };
}

/** One table as a reader sees it. */
export interface ReadTable {
  readonly header: readonly ReadText[];
  readonly rows: readonly (readonly ReadText[])[];
  /** The source lines of the header and of each row. */
  readonly headerLine: string;
  readonly rowLines: readonly string[];
}

/** Every table of a document, in order. */
export function readTables(markdown: string): ReadTable[] {
  const lines = markdown.split(/\r\n|\n|\r/);
  const tokens = gfm.parse(markdown, {});
  const tables: ReadTable[] = [];
  let current: { header: ReadText[]; rows: ReadText[][]; headerLine: string; rowLines: string[] } | undefined;
  let row: ReadText[] | undefined;
  for (const token of tokens) {
    if (token.type === "table_open") current = { header: [], rows: [], headerLine: "", rowLines: [] };
    else if (token.type === "table_close" && current !== undefined) tables.push(current);
    else if (token.type === "tr_open" && current !== undefined) {
      row = [];
      const line = lines[token.map![0]]!;
      if (current.headerLine === "") current.headerLine = line;
      else current.rowLines.push(line);
    } else if (token.type === "tr_close" && current !== undefined && row !== undefined) {
      if (current.header.length === 0) current.header = row;
      else current.rows.push(row);
      row = undefined;
    } else if (token.type === "inline" && row !== undefined) row.push(readInline(token));
  }
  return tables;
}

/**
 * True when a table row has exactly `cells` cells. markdown-it pads short rows and drops extra cells, so the
 * row is read as the header of a table whose delimiter row has `cells` columns: GFM accepts that table only
 * when the counts match.
 */
export function rowHasCells(line: string, cells: number): boolean {
  const tokens = gfm.parse(`${line}\n|${" --- |".repeat(cells)}`, {});
  return tokens[0]?.type === "table_open" && tokens.filter((token) => token.type === "th_open").length === cells;
}

/**
 * The top-level blocks of a document: `heading: Title`, `paragraph: Some text`, `image: Its alt text` for a paragraph
 * of one image, or a bare type (`hr`, `html_block`).
 */
export function readBlocks(markdown: string): string[] {
  const tokens = gfm.parse(markdown, {});
  const blocks: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.level !== 0 || token.nesting === -1 || token.type === "inline") continue;
    const inline = tokens[index + 1];
    const kind = token.type.replace(/_open$/, "");
    const read = inline?.type === "inline" ? readInline(inline) : undefined;
    const image = read?.text === "" && read.images.length === 1 ? read.images[0] : undefined;
    blocks.push(read === undefined ? kind : image === undefined ? `${kind}: ${read.text}` : `image: ${image.alt}`);
  }
  return blocks;
}
