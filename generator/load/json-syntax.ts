/** A JSON syntax error: where it is, and what was expected there. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

/** Containers nested deeper than this are reported rather than followed, so that no input exhausts the stack. */
const MAX_DEPTH = 256;

class JsonScanner {
  offset = 0;

  constructor(private readonly text: string) {}

  fail(message: string, offset = this.offset): never {
    throw { offset, message } satisfies JsonSyntaxError;
  }

  skipSpace(): void {
    while (this.offset < this.text.length) {
      const character = this.text[this.offset]!;
      if (character === " " || character === "\t" || character === "\n" || character === "\r") this.offset += 1;
      else if (character === "/" && (this.text[this.offset + 1] === "/" || this.text[this.offset + 1] === "*"))
        this.fail("JSON has no comments; remove it (or use a codebook.config.yaml, which may have # comments)");
      else return;
    }
  }

  value(depth: number): void {
    this.skipSpace();
    const character = this.text[this.offset];
    if (character === undefined) this.fail("the text ends where a value was expected");
    if (character === "{" || character === "[") {
      if (depth >= MAX_DEPTH) this.fail(`containers are nested more than ${MAX_DEPTH} deep`);
      this.container(character, depth + 1);
    } else if (character === '"') {
      this.string();
    } else if (character === "'") {
      this.fail("JSON strings take double quotes, not single quotes");
    } else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        this.text.slice(this.offset, this.offset + 400),
      )?.[0];
      if (literal === undefined)
        this.fail(`expected a value (a "string", a number, true, false, null, { … } or [ … ]), not ${describe(character)}`);
      this.offset += literal.length;
    }
  }

  string(): void {
    const start = this.offset;
    this.offset += 1;
    while (this.offset < this.text.length) {
      const character = this.text[this.offset]!;
      if (character === '"') {
        this.offset += 1;
        return;
      }
      if (character === "\n") break;
      this.offset += character === "\\" ? 2 : 1;
    }
    this.fail("this string has no closing double quote on its line", start);
  }

  container(open: "{" | "[", depth: number): void {
    const close = open === "{" ? "}" : "]";
    const item = open === "{" ? "value" : "item";
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === close) {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (open === "{") {
        if (this.text[this.offset] !== '"') this.fail(`expected a key in double quotes, not ${describe(this.text[this.offset])}`);
        this.string();
        this.skipSpace();
        if (this.text[this.offset] !== ":") this.fail(`expected ":" after the key, not ${describe(this.text[this.offset])}`);
        this.offset += 1;
      }
      this.value(depth);
      this.skipSpace();
      const next = this.text[this.offset];
      if (next === close) {
        this.offset += 1;
        return;
      }
      if (next !== ",") this.fail(`expected "," or "${close}" after the ${item}, not ${describe(next)}`);
      const comma = this.offset;
      this.offset += 1;
      this.skipSpace();
      if (this.text[this.offset] === close) this.fail(`a comma after the last ${item}: JSON allows none there; remove it`, comma);
    }
  }
}

function describe(character: string | undefined): string {
  return character === undefined ? "the end of the text" : JSON.stringify(character);
}

/**
 * The first syntax error of a JSON text, said the way its author can act on (a trailing comma, a comment, single
 * quotes, a missing comma); `undefined` when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.value(0);
    scanner.skipSpace();
    if (scanner.offset < text.length)
      scanner.fail(`the JSON value ends before ${describe(text[scanner.offset])}; a file holds exactly one`);
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}

/** The 1-based line and column (in UTF-16 code units, as the YAML parser counts) of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
