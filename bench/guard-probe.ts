/**
 * One micro-benchmark candidate, alone in its process so that no other candidate's type feedback or
 * inlining decisions leak into its call sites:
 *
 *   node dist/bench/guard-probe.js CANDIDATE BASELINE.mjs ROUNDS ROUND_MS
 *
 * Prints `{ nsPerOp, checksum }`: the median over ROUNDS rounds of about ROUND_MS each, after a warm-up,
 * and a hash of every result so the caller can check that all candidates of one function agree.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./process-timing.js";

/** What the probe uses of the close-code module. */
interface CloseCodeModule {
  readonly CloseCode: Readonly<Record<string, number | string>>;
  readonly CloseCodes: Readonly<Record<string, number>>;
  readonly isCloseCode: (value: unknown) => boolean;
  readonly isValidCloseCode: (code: number) => boolean;
  readonly describeCloseCode: (code: number, locale?: string) => string;
  readonly closeCodeCatalogDe: object;
  readonly createCloseCodeDescriber: (fallback: object) => (code: number) => string;
}

// The module as a user installs it, `codebook/close-codes` (dist/generated/close-codes.js, written by the build with
// codebook's `emit: "js"`), loaded at run time: importing generated/close-codes.ts would make the bench's tsc build
// compile it over that file.
const shipped = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "generated", "close-codes.js");
const generated = (await import(pathToFileURL(shipped).href)) as CloseCodeModule;

type Guard = (value: number) => boolean;
type Describe = (code: number) => string;
/** Which of the inputs a candidate runs on: all of them, or only the registered codes, or only the others. */
type InputSubset = "registered" | "other";
type Candidate = ({ readonly kind: "guard"; readonly run: Guard } | { readonly kind: "describe"; readonly run: Describe }) & {
  readonly inputs?: InputSubset;
};

interface Baseline {
  readonly isCode: Guard;
  readonly isSetValid: Guard;
  readonly describeSource: Describe;
  readonly describeOther: Describe;
}

/** The locale of the one-locale describer; the baseline renders the same locale. */
export const OTHER_LOCALE = "de";

function candidates(baseline: Baseline): Record<string, () => Candidate> {
  const describeDe = generated.createCloseCodeDescriber(generated.closeCodeCatalogDe);
  return {
    "isCloseCode/generated": () => ({ kind: "guard", run: generated.isCloseCode }),
    "isCloseCode/switch": () => ({ kind: "guard", run: baseline.isCode }),
    "isCloseCode/naive": () => ({ kind: "guard", run: (value) => Object.values(generated.CloseCode).includes(value) }),
    "isValidCloseCode/generated": () => ({ kind: "guard", run: generated.isValidCloseCode }),
    "isValidCloseCode/switch": () => ({ kind: "guard", run: baseline.isSetValid }),
    "describeCloseCode/generated": () => ({ kind: "describe", run: (code) => generated.describeCloseCode(code) }),
    "describeCloseCode/switch": () => ({ kind: "describe", run: baseline.describeSource }),
    "describer(de)/generated": () => ({ kind: "describe", run: (code) => describeDe(code) }),
    "describer(de)/switch": () => ({ kind: "describe", run: baseline.describeOther }),
    "describer(de), registered codes only/generated": () => ({ kind: "describe", run: (code) => describeDe(code), inputs: "registered" }),
    "describer(de), registered codes only/switch": () => ({ kind: "describe", run: baseline.describeOther, inputs: "registered" }),
    "describer(de), other codes only/generated": () => ({ kind: "describe", run: (code) => describeDe(code), inputs: "other" }),
    "describer(de), other codes only/switch": () => ({ kind: "describe", run: baseline.describeOther, inputs: "other" }),
    'describeCloseCode(code, "de")/generated': () => ({ kind: "describe", run: (code) => generated.describeCloseCode(code, OTHER_LOCALE) }),
  };
}

/** Every candidate name, in report order. */
export const CANDIDATE_NAMES = Object.keys(candidates({} as Baseline));

/**
 * A fixed pseudo-random mix of integers, as codes arrive in practice: registered codes, codes in the
 * registered and private ranges, any 16-bit number, a few out-of-range values. Non-integers are a matter
 * for the tests, not a workload: a single one would turn the array into doubles and every call with it.
 */
export function benchInputs(count = 8192): number[] {
  let state = 0x9e3779b9;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const registered = Object.values(generated.CloseCodes) as number[];
  const inputs = new Array<number>(count).fill(0);
  for (let index = 0; index < count; index += 1) {
    const pick = random();
    if (pick < 0.35) inputs[index] = registered[Math.floor(random() * registered.length)]!;
    else if (pick < 0.6) inputs[index] = 3000 + Math.floor(random() * 2000);
    else if (pick < 0.75) inputs[index] = 1000 + Math.floor(random() * 20);
    else if (pick < 0.95) inputs[index] = Math.floor(random() * 65536);
    else inputs[index] = random() < 0.5 ? -1 - Math.floor(random() * 100) : 70000 + Math.floor(random() * 1e6);
  }
  return inputs;
}

/** The inputs of a subset, repeated to the full count so that every candidate makes as many calls. */
function subsetOf(inputs: readonly number[], subset: InputSubset | undefined): number[] {
  if (subset === undefined) return [...inputs];
  const registered = new Set<number>(Object.values(generated.CloseCodes));
  const kept = inputs.filter((code) => registered.has(code) === (subset === "registered"));
  return Array.from({ length: inputs.length }, (_, index) => kept[index % kept.length]!);
}

function runGuard(run: Guard, inputs: readonly number[], passes: number): number {
  let hits = 0;
  for (let pass = 0; pass < passes; pass += 1) for (let index = 0; index < inputs.length; index += 1) if (run(inputs[index]!)) hits += 1;
  return hits;
}

/** Keeps every text (summing their lengths would let the compiler fold the length of a constant string). */
function runDescribe(run: Describe, inputs: readonly number[], passes: number, texts: string[]): number {
  for (let pass = 0; pass < passes; pass += 1) for (let index = 0; index < inputs.length; index += 1) texts[index] = run(inputs[index]!);
  return texts.length;
}

/** FNV-1a over every result, outside the timed loops. */
function checksum(candidate: Candidate, inputs: readonly number[]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  };
  for (const input of inputs) mix(candidate.kind === "guard" ? String(candidate.run(input)) : candidate.run(input));
  return hash.toString(16);
}

async function main(argv: readonly string[]): Promise<void> {
  const [name = "", baselinePath = "", roundsText = "15", roundMsText = "60"] = argv;
  const baseline = (await import(pathToFileURL(baselinePath).href)) as Baseline;
  const make = candidates(baseline)[name];
  if (make === undefined) throw new Error(`guard-probe: unknown candidate ${name}`);
  const candidate = make();
  const inputs = subsetOf(benchInputs(), candidate.inputs);
  const texts = new Array<string>(inputs.length).fill("");
  const time = (passes: number): number => {
    const start = process.hrtime.bigint();
    const sink = candidate.kind === "guard" ? runGuard(candidate.run, inputs, passes) : runDescribe(candidate.run, inputs, passes, texts);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (sink < 0) throw new Error("unreachable");
    return elapsed;
  };
  // Calibrate: enough passes for a round of about ROUND_MS, then warm up for as long again.
  let passes = 1;
  while (time(passes) < 5) passes *= 2;
  passes = Math.max(1, Math.round((passes * Number(roundMsText)) / time(passes)));
  for (let warm = 0; warm < 3; warm += 1) time(passes);
  const perOp: number[] = [];
  for (let round = 0; round < Number(roundsText); round += 1) perOp.push((time(passes) * 1e6) / (passes * inputs.length));
  process.stdout.write(`${JSON.stringify({ nsPerOp: median(perOp), checksum: checksum(candidate, inputs) })}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
