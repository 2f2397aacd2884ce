import type { Diagnostic, DiagnosticCode } from "../diagnostics/index.js";
import type { MessagePart } from "./registry.js";
import type { TextSlot } from "./text-slots.js";
import type { Translations } from "./translations.js";

type Parser = typeof import("@formatjs/icu-messageformat-parser");
type Element = ReturnType<Parser["parse"]>[number];

/** The outcome of checking an ICU registry's texts. */
export interface IcuCheck {
  readonly diagnostics: readonly Diagnostic[];
  /** Every valid text, parsed into parts. */
  readonly messages: ReadonlyMap<string, readonly MessagePart[]>;
}

/**
 * Checks every text of an ICU registry, in every locale: valid ICU MessageFormat syntax, only simple
 * placeholders (`{code}`), only the placeholders its slot allows in the source locale, and exactly the
 * source's placeholders in each translation. The parser is loaded only when a registry needs it.
 */
export async function checkIcuMessages(translations: Translations): Promise<IcuCheck> {
  const parser = await import("@formatjs/icu-messageformat-parser");
  const diagnostics: Diagnostic[] = [];
  const messages = new Map<string, readonly MessagePart[]>();
  const { raw } = translations;
  const describe = `describe${raw.type}`;
  for (const slot of translations.slots) {
    let sourceArguments: ReadonlySet<string> | undefined;
    for (const locale of raw.locales) {
      const text = translations.textOf(slot, locale);
      if (text === undefined) continue;
      // Located only when there is something to report: finding a position takes a parse with positions.
      const report = (code: DiagnosticCode, message: string): void => {
        const origin = translations.find(slot, locale)!;
        diagnostics.push({
          file: origin.file,
          line: origin.line,
          column: origin.column,
          code,
          message: `${slot.key} ("${locale}"): ${message}`,
        });
      };
      const parts = parseMessage(parser, text, report, describe);
      if (parts === undefined) continue;
      messages.set(text, parts);
      const used = new Set(parts.flatMap((part) => (typeof part === "string" ? [] : [part.argument])));
      if (locale === raw.locales[0]) {
        sourceArguments = used;
        checkAllowed(slot, used, report, describe);
      } else if (sourceArguments !== undefined) {
        checkSameArguments(used, sourceArguments, raw.locales[0]!, report);
      }
    }
  }
  return { diagnostics, messages };
}

function parseMessage(
  parser: Parser,
  text: string,
  report: (code: DiagnosticCode, message: string) => void,
  describe: string,
): MessagePart[] | undefined {
  let elements: Element[];
  try {
    elements = parser.parse(text);
  } catch (error) {
    const { message, location } = error as { message: string; location?: { start: { offset: number } } };
    const at = location === undefined ? "" : ` at character ${location.start.offset + 1}`;
    report(
      "icu-syntax",
      `invalid ICU MessageFormat${at} (${message.toLowerCase().replace(/_/g, " ")}); write a literal { or } as '{' or '}', and an apostrophe as ''`,
    );
    return undefined;
  }
  const parts: MessagePart[] = [];
  let ok = true;
  for (const element of elements) {
    if (parser.isLiteralElement(element)) {
      if (typeof parts.at(-1) === "string") parts[parts.length - 1] += element.value;
      else parts.push(element.value);
    } else if (parser.isArgumentElement(element)) {
      parts.push({ argument: element.value });
    } else if (parser.isPluralElement(element) || parser.isSelectElement(element)) {
      report(
        "icu-unsupported",
        `{${element.value}, plural/select} is not supported: ${describe} fills only simple placeholders such as {code}`,
      );
      ok = false;
    } else if (parser.isNumberElement(element) || parser.isDateElement(element) || parser.isTimeElement(element)) {
      report(
        "icu-unsupported",
        `formatted argument {${element.value}, …} is not supported: write {${element.value}}, which ${describe} fills with the plain number`,
      );
      ok = false;
    } else if (parser.isTagElement(element)) {
      report("icu-unsupported", `tag <${element.value}> is not supported; write a literal < as '<'`);
      ok = false;
    } else {
      report("icu-unsupported", "unsupported ICU MessageFormat element");
      ok = false;
    }
  }
  return ok ? parts : undefined;
}

function checkAllowed(
  slot: TextSlot,
  used: ReadonlySet<string>,
  report: (code: DiagnosticCode, message: string) => void,
  describe: string,
): void {
  for (const name of used) {
    if (slot.placeholders.includes(name)) continue;
    const allowed =
      slot.placeholders.length === 0 ? "this text takes no placeholders" : `use ${slot.placeholders.map((item) => `{${item}}`).join(", ")}`;
    report("unknown-placeholder", `{${name}} is not a placeholder ${describe} can fill here; ${allowed}`);
  }
}

function checkSameArguments(
  used: ReadonlySet<string>,
  source: ReadonlySet<string>,
  sourceLocale: string,
  report: (code: DiagnosticCode, message: string) => void,
): void {
  const missing = [...source].filter((name) => !used.has(name));
  const extra = [...used].filter((name) => !source.has(name));
  if (missing.length === 0 && extra.length === 0) return;
  const list = (names: readonly string[]): string => names.map((name) => `{${name}}`).join(", ");
  const problems = [
    missing.length > 0 ? `lacks ${list(missing)}` : "",
    extra.length > 0 ? `has ${list(extra)}, which the source does not` : "",
  ].filter(Boolean);
  report("placeholder-mismatch", `placeholders differ from the "${sourceLocale}" source text: it ${problems.join(" and ")}`);
}
