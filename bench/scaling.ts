import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BenchContext, fullGenerate, phaseTable, type SectionResult } from "./cli-timings.js";
import { profileRow } from "./cpu-profile.js";
import { measureInterleaved, median, medianOf, runForOutput } from "./process-timing.js";
import { megabytes, milliseconds, ratio } from "./results-table.js";
import { SYNTHETIC_LOCALES, syntheticRegistryYaml } from "./synthetic-registry.js";

export const SYNTHETIC_SIZES = [100, 1000, 10_000] as const;

function writeSyntheticRegistries(context: BenchContext): Map<number, string> {
  const folder = path.join(context.scratch, "synthetic");
  mkdirSync(folder, { recursive: true });
  return new Map(
    SYNTHETIC_SIZES.map((size) => {
      const file = path.join(folder, `codes-${size}.yaml`);
      writeFileSync(file, syntheticRegistryYaml(size));
      return [size, file];
    }),
  );
}

/** The floors on the largest registry, each in fresh processes: yaml, js-yaml, import("ts-morph"). */
function measureFloors(context: BenchContext, file: string): Map<string, number> {
  const runs = context.quick ? 3 : 5;
  context.log(`    floors on the largest registry, ${runs} runs`);
  const samples = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    for (const args of [["yaml-parse", file], ["js-yaml", file], ["import-ts-morph"]]) {
      const result = JSON.parse(
        runForOutput([path.join(context.repoRoot, "dist", "bench", "probe.js"), ...args], context.repoRoot),
      ) as Record<string, number>;
      for (const [name, value] of Object.entries(result))
        samples.set(`${args[0]}: ${name}`, [...(samples.get(`${args[0]}: ${name}`) ?? []), value]);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

/** (d) Full generates of synthetic registries of 100, 1,000 and 10,000 codes × 8 locales: time, peak RSS, growth. */
export function measureScaling(context: BenchContext): SectionResult {
  const files = writeSyntheticRegistries(context);
  const runs = context.quick ? 3 : 7;
  context.log(`(d) synthetic registries ${SYNTHETIC_SIZES.join(", ")} codes x ${SYNTHETIC_LOCALES.length} locales, ${runs} runs`);
  const commands = SYNTHETIC_SIZES.map((size) =>
    fullGenerate(context, String(size), [files.get(size)!], path.join(context.scratch, `out-${size}`)),
  );
  const costs = measureInterleaved(commands, runs, 1);
  const wall = (size: number) => medianOf(costs, String(size), "wallMs");
  const cpu = (size: number) => medianOf(costs, String(size), "cpuMs");
  const rss = (size: number) => Math.max(...costs.get(String(size))!.map((cost) => cost.maxRssBytes));
  const [small, middle, large] = SYNTHETIC_SIZES;
  const marginal = (size: number) => (wall(size) - wall(small)) / (size - small);
  const growth = marginal(large) / marginal(middle);
  const largest = files.get(large)!;
  const floors = measureFloors(context, largest);
  const floorText = `parseDocument ${milliseconds(floors.get("yaml-parse: parseDocument")!)}, js-yaml ${milliseconds(floors.get("js-yaml: load")!)}, import("ts-morph") ${milliseconds(floors.get("import-ts-morph: import")!)}`;
  const label = `${large.toLocaleString("en")} codes × 8 locales`;
  const profile = profileRow(context, `(d) full generate, ${label}`, commands[commands.length - 1]!);
  return {
    summary: [
      {
        measure: `(d) full generate, ${label}, all targets`,
        codebook: `${milliseconds(wall(large))} (${milliseconds(cpu(large))} CPU)`,
        baseline: floorText,
        ratio: "",
        target: "≤ 2.0 s",
        met: wall(large) <= 2000,
        whenMissed: `the floors below (reading the YAML with js-yaml, importing ts-morph) take part of it; the rest is checking 10,000 codes and their texts in eight locales, printing the TypeScript module, and rendering eight locales' pages, code maps and catalogs (see "Where the time goes" for the largest registry). ${profile.gist}`,
      },
      {
        measure: `(d) peak RSS, ${label}`,
        codebook: megabytes(rss(large)),
        baseline: `1,000 codes: ${megabytes(rss(middle))}, 100 codes: ${megabytes(rss(small))}`,
        ratio: "",
        target: "≤ 300 MiB",
        met: rss(large) <= 300 * 2 ** 20,
        whenMissed:
          "generate stages each target's files on disk as the target renders, so the run holds one target's files at a time. What a full collection keeps is 51–87 MiB (the modules' code, most of it TypeScript's and ts-morph's; the model; the registry's text). The rest of the peak is garbage V8 has not collected yet. The whole text of a large file goes straight to V8's large-object space, which only a full collection frees, and V8 sets the next full collection at several times what the last one kept: so the peak follows where the full collections fall more than how much the renderers copy. Measured in interleaved runs on the 10,000-code registry: building the TypeScript module and each Markdown page with one whole-file string fewer raised the peak, from 304 to 328–332 MiB (so that change is not in codebook); V8's `--heap-growing-percent` gave 278–361 MiB, depending on its value; a full collection forced after each target held the peak at 232–241 MiB, at about 28 ms each, five a run. codebook does not force collections: they would cost the row's time, which is at its target, and they need V8's `--expose-gc` set inside the process, which may be the user's bundler.",
      },
      {
        measure: `(d) time per code at ${large.toLocaleString("en")} vs at ${middle.toLocaleString("en")}`,
        codebook: `${(marginal(large) * 1000).toFixed(0)} µs vs ${(marginal(middle) * 1000).toFixed(0)} µs`,
        baseline: `marginal, above the ${small}-code run`,
        ratio: ratio(growth),
        target: "≤ 1.1×",
        met: growth <= 1.1,
        whenMissed:
          "the marginal time per code is a difference of two medians; compare the scaling table's totals and CPU times, and the stages of the largest registry below.",
      },
    ],
    details: [
      {
        title: "Scaling: synthetic registries × 8 locales",
        note: `Whole-process full generates (output removed before each run), median of ${runs}, interleaved; peak RSS is the highest of the runs, from \`process.resourceUsage()\` at exit. Marginal time per code is (T(n) − T(${small})) / (n − ${small}): it leaves out start-up, so that non-linear growth shows.`,
        header: ["Codes", "YAML size", "Total", "CPU", "Peak RSS", "Per code (total / n)", "Marginal per code"],
        rows: SYNTHETIC_SIZES.map((size) => [
          size.toLocaleString("en"),
          `${(Buffer.byteLength(syntheticRegistryYaml(size)) / 1e6).toFixed(2)} MB`,
          milliseconds(wall(size)),
          milliseconds(cpu(size)),
          megabytes(rss(size)),
          `${((wall(size) / size) * 1000).toFixed(0)} µs`,
          size === small ? "" : `${(marginal(size) * 1000).toFixed(0)} µs`,
        ]),
      },
      {
        title: `Floors on the ${large.toLocaleString("en")}-code registry`,
        note: `Each in a fresh process (cold, as in a real run), median of ${context.quick ? 3 : 5}. yaml's parseDocument is called with the options codebook's careful path uses (LineCounter, uniqueKeys, strict).`,
        header: ["Floor", "Time"],
        rows: [...floors].map(([name, value]) => [name, milliseconds(value)]),
      },
      phaseTable(context, label, largest),
      ...profile.tables,
    ],
  };
}
