import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type BenchContext, bareNode, cli, type SectionResult } from "./cli-timings.js";
import { profileRow, type RowProfile } from "./cpu-profile.js";
import { median, runForOutput, type TimedCommand, timeInterleaved } from "./process-timing.js";
import { milliseconds, ratio, type SummaryRow } from "./results-table.js";

/**
 * A copy of this repository's own codebook project in the scratch folder: its config (four output folders from
 * the default registry) with the two README files it injects tables into, generated once so that it is current.
 */
function copyRepositoryProject(context: BenchContext): string {
  const folder = path.join(context.scratch, "repository-project");
  mkdirSync(path.join(folder, "packages", "ws-close-codes"), { recursive: true });
  for (const file of ["codebook.config.json", "README.md", path.join("packages", "ws-close-codes", "README.md")])
    cpSync(path.join(context.repoRoot, file), path.join(folder, file));
  const schema = path.join(context.repoRoot, "schema");
  for (const file of readdirSync(schema)) cpSync(path.join(schema, file), path.join(folder, "schema", file));
  runForOutput([cli(context), "generate", "--quiet"], folder);
  return folder;
}

/** Whether this CLI's `check` takes `--force` (usage errors exit 2). */
function checkTakesForce(context: BenchContext, folder: string): boolean {
  return spawnSync(process.execPath, [cli(context), "check", "--force"], { cwd: folder, stdio: "ignore" }).status === 0;
}

/**
 * (a') A no-op `generate` of this repository's config (which injects tables into two README files) and (c) a
 * `check` of it while current (what CI runs), each against `node -e 0`; `check --force` for comparison.
 */
export function measureConfigProject(context: BenchContext, sections: ReadonlySet<string>): SectionResult {
  const folder = copyRepositoryProject(context);
  const runs = context.quick ? 5 : 20;
  const command = (label: string, args: readonly string[]): TimedCommand => ({ label, args: [cli(context), ...args], cwd: folder });
  const outDirs = (
    JSON.parse(readFileSync(path.join(folder, "codebook.config.json"), "utf8")) as { registries: { outDir: string }[] }
  ).registries.map((entry) => entry.outDir);
  // The floor of such a proof: a script that reads the four manifests and hashes what they list, with no checks.
  const floor: TimedCommand = { label: "floor", args: [path.join(context.repoRoot, "bench", "no-op-floor.cjs"), ...outDirs], cwd: folder };
  const check = command("check", ["check", "--quiet"]);
  const commands = [bareNode(context), floor, command("generate", ["generate", "--quiet"]), check];
  context.log(`(a') (c) no-op generate and check of the repository's config vs node -e 0, ${runs} runs`);
  const timings = new Map(timeInterleaved(commands, runs, 2));
  // `check --force` renders for seconds: timed on its own, so that the ratios' rotation holds only processes as
  // short as `node -e 0`, as row (a)'s does.
  const force = checkTakesForce(context, folder);
  if (force) {
    const forced = command("check --force", ["check", "--force", "--quiet"]);
    timings.set(forced.label, timeInterleaved([forced], context.quick ? 2 : 5, 1).get(forced.label)!);
  }
  const time = (label: string) => median(timings.get(label)!);
  const node = time("node");
  const floorText = `reading the manifests and hashing what they list, alone (bench/no-op-floor.cjs): ${milliseconds(time("floor"))}, ${ratio(time("floor") / node)}`;
  const row = (measure: string, label: string, whenMissed: string): SummaryRow => ({
    measure,
    codebook: milliseconds(time(label)),
    baseline: `\`node -e 0\`: ${milliseconds(node)}; ${floorText}`,
    ratio: ratio(time(label) / node),
    target: "≤ 1.2×",
    met: time(label) / node <= 1.2,
    whenMissed,
  });
  const profile: RowProfile | undefined = sections.has("c")
    ? profileRow(context, "(c) check of this repository's config, current", check, {
        label: "the script that only reads and hashes",
        command: floor,
      })
    : undefined;
  const gist = profile === undefined ? "" : ` ${profile.gist}`;
  const summary: SummaryRow[] = [];
  if (sections.has("a'")) {
    summary.push(
      row(
        "(a') no-op `codebook generate` of this repository's config (4 output folders, `inject` into 2 README files)",
        "generate",
        `the injected files are proven current by the manifest like the output folders, so nothing renders; what is left is Node's start-up, the no-op path's one bundled file and reading and hashing the inputs, outputs and README files of four folders (see (a) and "Start-up"). Reading and hashing those files alone, with none of codebook's checks (links, owners, the build stamp, the config), already takes ${ratio(time("floor") / node)} of \`node -e 0\` (the baseline column), so the row's floor is that, not \`node -e 0\`.${gist}`,
      ),
    );
  }
  if (sections.has("c")) {
    summary.push(
      row(
        `(c) \`codebook check\` of the same, current${force ? `; \`check --force\` (renders): ${milliseconds(time("check --force"))}` : ""}`,
        "check",
        `check takes the manifest's proof as the no-op generate does; see (a').${gist}`,
      ),
    );
  }
  return { summary, details: profile?.tables ?? [] };
}
