import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BenchContext, fullGenerate, type SectionResult } from "./cli-timings.js";
import { profileRow } from "./cpu-profile.js";
import { measureInterleaved, medianOf, type TimedCommand } from "./process-timing.js";
import { megabytes, milliseconds, ratio } from "./results-table.js";
import { syntheticRegistryYaml } from "./synthetic-registry.js";

const REGISTRIES = 50;
const CODES_EACH = 100;
const LOCALES = ["en", "de"] as const;

/** A folder with a config of 50 registries (100 codes × 2 locales each), all generated into `out/`. */
function writeManyRegistries(context: BenchContext): string {
  const folder = path.join(context.scratch, "many-registries");
  mkdirSync(folder, { recursive: true });
  const entries = Array.from({ length: REGISTRIES }, (_, index) => {
    const file = `codes-${index}.yaml`;
    writeFileSync(
      path.join(folder, file),
      syntheticRegistryYaml(CODES_EACH, index + 1, { id: `codes-${index}`, type: `Codes${index}Code`, locales: LOCALES }),
    );
    return { registry: file, outDir: "out" };
  });
  writeFileSync(path.join(folder, "codebook.config.json"), `${JSON.stringify({ registries: entries }, null, 2)}\n`);
  return folder;
}

/** How many files a full generate left in `folder` (its manifest included). */
function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** (e) A config of 50 registries against one registry of the same 5,000 codes, both full generates. */
export function measureManyRegistries(context: BenchContext): SectionResult {
  const folder = writeManyRegistries(context);
  const single = path.join(context.scratch, "one-registry.yaml");
  writeFileSync(single, syntheticRegistryYaml(REGISTRIES * CODES_EACH, 1, { locales: LOCALES }));
  const runs = context.quick ? 3 : 7;
  context.log(`(e) ${REGISTRIES} registries of ${CODES_EACH} codes vs one of ${REGISTRIES * CODES_EACH}, ${runs} runs`);
  const configOut = path.join(folder, "out");
  const oneOut = path.join(context.scratch, "out-one");
  const config: TimedCommand = {
    ...fullGenerate(context, "config", [], configOut, folder),
    args: [path.join(context.repoRoot, "bin", "codebook.js"), "generate", "--quiet"],
  };
  const one = fullGenerate(context, "one", [single], oneOut);
  // The write phase alone, for the files of both runs (each round writes what its runs above just generated).
  const writeFloor = (label: string, from: string, to: string): TimedCommand => {
    return {
      label,
      args: [path.join(context.repoRoot, "bench", "write-floor.cjs"), from, to],
      cwd: context.scratch,
      prepare: () => rmSync(to, { recursive: true, force: true }),
    };
  };
  const writes = [
    writeFloor("write config", configOut, path.join(context.scratch, "write-floor-config")),
    writeFloor("write one", oneOut, path.join(context.scratch, "write-floor-one")),
  ];
  const costs = measureInterleaved([one, config, ...writes], runs, 1);
  const many = medianOf(costs, "config", "wallMs");
  const floor = medianOf(costs, "one", "wallMs");
  const files = { config: countFiles(configOut), one: countFiles(oneOut) };
  // What the config's run cannot cost less than: the one registry's run, plus writing the files it has beyond it.
  const extraWrites = medianOf(costs, "write config", "wallMs") - medianOf(costs, "write one", "wallMs");
  const writeFloorText = `writing the config's ${files.config} files alone, as codebook writes them (bench/write-floor.cjs): ${milliseconds(medianOf(costs, "write config", "wallMs"))}, and the one registry's ${files.one}: ${milliseconds(medianOf(costs, "write one", "wallMs"))}; so the one registry plus the files the config writes beyond it: ${milliseconds(floor + extraWrites)}, ${ratio((floor + extraWrites) / floor)}`;
  const profile = profileRow(context, `(e) full generate, ${REGISTRIES} registries`, config, {
    label: `one registry of ${(REGISTRIES * CODES_EACH).toLocaleString("en")} codes`,
    command: one,
  });
  return {
    summary: [
      {
        measure: `(e) full generate of a config of ${REGISTRIES} registries (${CODES_EACH} codes × ${LOCALES.length} locales each)`,
        codebook: `${milliseconds(many)} (${milliseconds(medianOf(costs, "config", "cpuMs"))} CPU, peak RSS ${megabytes(medianOf(costs, "config", "maxRssBytes"))})`,
        baseline: `one registry of the same ${(REGISTRIES * CODES_EACH).toLocaleString("en")} codes: ${milliseconds(floor)} (${milliseconds(medianOf(costs, "one", "cpuMs"))} CPU); ${writeFloorText}`,
        ratio: ratio(many / floor),
        target: "≤ 1.5×",
        met: many / floor <= 1.5,
        whenMissed: `each registry is loaded, checked and rendered on its own (ts-morph is loaded once for the run); what a registry costs besides its codes (its module's fixed parts, its Markdown pages and code maps, its catalogs' headers, its manifest section) is paid ${REGISTRIES} times, and the config writes ${files.config} files where the one registry writes ${files.one}: each is written to a temporary file and renamed into place (only the manifest is flushed to disk), so the write phase grows with the number of files, not of codes. Creating a file is what costs there: on this machine's disk, writing the ${files.config - files.one} files more alone, with nothing else, takes ${milliseconds(extraWrites)}, ${ratio(extraWrites / floor)} of the one registry's whole run (the baseline column), so the row's floor is ${ratio((floor + extraWrites) / floor)}, not 1×. ${profile.gist}`,
      },
    ],
    details: profile.tables,
  };
}
