import { parseArgs } from "node:util";
import { closestMatch } from "../validate/suggest.js";

/** A mistake in the command line: the CLI prints its message and exits 2. */
export class UsageError extends Error {}

/** The commands, in the order the help lists them. */
export const COMMANDS = ["init", "generate", "check", "validate", "inputs", "i18n", "diff", "next"] as const;

export type Command = (typeof COMMANDS)[number];

/** Every option; a string option's `hint` names its value in messages. */
const OPTIONS = {
  out: { type: "string", short: "o", hint: "DIR" },
  targets: { type: "string", hint: "TARGET,..." },
  "no-enums": { type: "boolean" },
  "no-code-map": { type: "boolean" },
  emit: { type: "string", hint: "ts|js" },
  module: { type: "string", hint: "esm|cjs" },
  config: { type: "string", short: "c", hint: "FILE" },
  "no-config": { type: "boolean" },
  watch: { type: "boolean", short: "w" },
  force: { type: "boolean" },
  templates: { type: "string", hint: "DIR" },
  inject: { type: "string", multiple: true, hint: "FILE.md" },
  strict: { type: "boolean" },
  stamp: { type: "string", hint: "LOCALE" },
  against: { type: "string", hint: "REF|FILE.json" },
  json: { type: "boolean" },
  "fail-on": { type: "string", hint: "major|minor|patch" },
  count: { type: "string", hint: "N" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The parsed options: a string (or strings) for a string option, `true` for a boolean one that was given. */
export type OptionValues = {
  -readonly [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]["type"] extends "string"
      ? string
      : boolean;
};

/** The command line, parsed: the command word (if any), the arguments after it, the options. */
export interface CommandLine {
  readonly command: string | undefined;
  readonly args: readonly string[];
  readonly values: OptionValues;
}

/** `gen` → `generate` (a unique prefix), `valdiate` → `validate` (a near miss); `undefined` when nothing is close. */
export function suggestWord(word: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.filter((candidate) => candidate.startsWith(word));
  if (word.length >= 2 && prefixed.length === 1) return prefixed[0];
  return closestMatch(word, candidates);
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`;
}

function unknownOption(rawName: string, name: string): UsageError {
  // Any one letter is a single edit from every other: only a long option's name can be guessed.
  const suggestion = rawName.startsWith("--") ? suggestWord(name, Object.keys(OPTIONS)) : undefined;
  return new UsageError(`unknown option ${rawName}${didYouMean(suggestion === undefined ? undefined : `--${suggestion}`)}`);
}

/**
 * Parses the command line without letting the argument parser speak: an unknown option, a missing value or a
 * value given to a switch becomes a {@link UsageError} in the CLI's own words, with a did-you-mean.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  // The parser ignores `hint`; not strict, so that the checks below, not the parser, word every mistake.
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const option = (OPTIONS as Record<string, (typeof OPTIONS)[OptionName]>)[token.name];
    if (option === undefined) throw unknownOption(token.rawName, token.name);
    const shown = `--${token.name}`;
    if (option.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`${shown} takes no value (given "${token.value}")`);
      values[token.name] = true;
      continue;
    }
    // `--out -q`: the next word is an option, so the value was forgotten (write `--out=-q` to mean it).
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-") && token.value !== "-")) {
      throw new UsageError(`${shown} needs a value: ${shown} ${"hint" in option ? option.hint : "VALUE"}`);
    }
    values[token.name] = "multiple" in option ? [...((values[token.name] as string[] | undefined) ?? []), token.value] : token.value;
  }
  const [command, ...args] = positionals;
  return { command, args, values: values as OptionValues };
}

/** The command the word names; a {@link UsageError} with a did-you-mean when it names none. */
export function commandOf(word: string | undefined): Command {
  if (word === undefined) throw new UsageError(`missing command: one of ${COMMANDS.join(", ")}`);
  if ((COMMANDS as readonly string[]).includes(word)) return word as Command;
  const suggestion = suggestWord(word, COMMANDS);
  throw new UsageError(
    `unknown command "${word}"${didYouMean(suggestion === undefined ? undefined : `"${suggestion}"`)}; the commands are ${COMMANDS.join(", ")}`,
  );
}

/** The values of a comma-separated option (`--targets ts,json`), each one checked against `allowed`. */
export function listChoice<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(",").map((item) => item.trim());
  const chosen: T[] = [];
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      const suggestion = item === "" ? undefined : suggestWord(item, allowed);
      const what = item === "" ? "an empty item" : `"${item}"`;
      throw new UsageError(
        `--${flag}: ${what} is not one of ${allowed.join(", ")}${didYouMean(suggestion === undefined ? undefined : `"${suggestion}"`)}`,
      );
    }
    if (!chosen.includes(item as T)) chosen.push(item as T);
  }
  return chosen;
}

/** The value of an option that allows a few words; a {@link UsageError} naming them otherwise. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
}
