/**
 * The code a careful engineer would write by hand for the default registry, rendered from the generated
 * JSON (so it follows the registry): `switch` statements over the registered codes, long spans as range
 * comparisons, describe as a `switch` returning the texts. The benchmark holds codebook's output to it.
 */

interface RegistryJson {
  readonly unknown: Readonly<Record<string, string>>;
  readonly ranges: readonly {
    readonly name: string;
    readonly from: number;
    readonly to: number;
    readonly description: Readonly<Record<string, string>>;
  }[];
  readonly codes: readonly { readonly code: number; readonly description: Readonly<Record<string, string>> }[];
  readonly sets: readonly { readonly name: string; readonly members: readonly (readonly [number, number])[] }[];
}

/** Spans longer than this are written as a range comparison rather than as cases. */
const LONGEST_CASE_SPAN = 16;

function literal(text: string): string {
  return JSON.stringify(text);
}

function caseLines(codes: Iterable<number>, body: string): string[] {
  const lines = [...codes].map((code) => `    case ${code}:`);
  return lines.length === 0 ? [] : [...lines, `      ${body}`];
}

function membersGuard(name: string, members: readonly (readonly [number, number])[]): string {
  const cases: number[] = [];
  const spans: string[] = [];
  for (const [from, to] of members) {
    if (to - from + 1 > LONGEST_CASE_SPAN) spans.push(`(code >= ${from} && code <= ${to})`);
    else for (let code = from; code <= to; code += 1) cases.push(code);
  }
  const fallback = spans.length === 0 ? "false" : `Number.isInteger(code) && (${spans.join(" || ")})`;
  return [
    `export function ${name}(code) {`,
    "  switch (code) {",
    ...caseLines(cases, "return true;"),
    "    default:",
    `      return ${fallback};`,
    "  }",
    "}",
  ].join("\n");
}

function describeFunction(name: string, registry: RegistryJson, locale: string): string {
  const byWidth = [...registry.ranges].sort((a, b) => a.to - a.from - (b.to - b.from));
  return [
    `export function ${name}(code) {`,
    "  switch (code) {",
    ...registry.codes.map((entry) => `    case ${entry.code}: return ${literal(entry.description[locale]!)};`),
    "  }",
    `  if (!Number.isInteger(code)) return ${literal(registry.unknown[locale]!)};`,
    ...byWidth.map((range) => `  if (code >= ${range.from} && code <= ${range.to}) return ${literal(range.description[locale]!)};`),
    `  return ${literal(registry.unknown[locale]!)};`,
    "}",
  ].join("\n");
}

/**
 * The hand-written module: `isCloseCode`, one guard per set (`isValid`, ...), and `describe` in the source
 * locale and in `otherLocale`. Function names are fixed so the probe can find them.
 */
export function renderBaselineModule(registry: RegistryJson, sourceLocale: string, otherLocale: string): string {
  const registered = registry.codes.map((entry) => entry.code).sort((a, b) => a - b);
  return [
    "// Hand-written equivalents of the generated guards and describe, for the benchmark only.",
    [
      "export function isCode(value) {",
      "  switch (value) {",
      ...caseLines(registered, "return true;"),
      "    default:",
      "      return false;",
      "  }",
      "}",
    ].join("\n"),
    ...registry.sets.map((set) => membersGuard(`isSet${set.name}`, set.members)),
    describeFunction("describeSource", registry, sourceLocale),
    describeFunction("describeOther", registry, otherLocale),
    "",
  ].join("\n\n");
}
