import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchContext } from "./cli-timings.js";
import type { TimedCommand } from "./process-timing.js";
import { type DetailTable, milliseconds } from "./results-table.js";

/** The parts of V8's `.cpuprofile` format (what `node --cpu-prof` writes) that a summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

type ProfileNode = CpuProfile["nodes"][number];

/** Sampling interval: fine enough that a 100 ms no-op still gets a few hundred samples. */
const INTERVAL_MICROSECONDS = 250;

/** How many functions the "top functions" table lists. */
const TOP_FUNCTIONS = 12;

/** The packages whose time counts as ts-morph's: it bundles TypeScript and prints with code-block-writer. */
const TS_MORPH_PACKAGES = new Set(["ts-morph", "@ts-morph/common", "code-block-writer", "typescript"]);

/** V8's pseudo-frames, which are not JavaScript of any module. */
const PSEUDO_FRAMES: Readonly<Record<string, string>> = {
  "(garbage collector)": "garbage collection",
  "(program)": "V8 and native code outside JavaScript",
  "(idle)": "waiting (not CPU time)",
  "(root)": "V8 and native code outside JavaScript",
};

const MODULE_LOADER = "Node's module loader (read, compile and link modules, built-in ones too)";

/** The bundle of the whole generator, from which the CLI and the API run: its samples are charged module by module. */
const GENERATOR_BUNDLE = "/dist/generator/bundle/codebook.cjs";

/** By URL of the generator's bundle: the first line of each module it holds, in order (esbuild's `// dist/generator/x.js`). */
const bundleModules = new Map<string, readonly { readonly line: number; readonly module: string }[]>();

/**
 * The built module (`emit/ts/module`) that line `line` (0-based) of the generator's bundle (scripts/bundle-cli.mjs)
 * comes from, read from the comment esbuild writes above each module; undefined for the bundle's own helpers,
 * or when the file cannot be read.
 */
function bundledModuleAt(url: string, line: number): string | undefined {
  let starts = bundleModules.get(url);
  if (starts === undefined) {
    let lines: string[] = [];
    try {
      lines = readFileSync(new URL(url), "utf8").split("\n");
    } catch {
      // A profile of another machine's run: the bundle counts as one component.
    }
    starts = lines.flatMap((text, at) => {
      const module = /^\/\/ dist\/generator\/(.+)\.js$/.exec(text)?.[1];
      return module === undefined ? [] : [{ line: at, module }];
    });
    bundleModules.set(url, starts);
  }
  let found: string | undefined;
  for (const start of starts) {
    if (start.line > line) break;
    found = start.module;
  }
  return found;
}

/** Where one frame's code lives, or undefined when it is native or Node's own. */
function componentOf(url: string, line = 0): string | undefined {
  if (url.startsWith("node:internal/modules/")) return MODULE_LOADER;
  const inBundle = url.endsWith(GENERATOR_BUNDLE);
  const bundled = inBundle ? bundledModuleAt(url, line) : undefined;
  if (inBundle && bundled === undefined) return "codebook, the generator bundle";
  const own = bundled ?? /\/dist\/generator\/(.+)\.c?js$/.exec(url)?.[1];
  if (own !== undefined) {
    const folders = own.split("/");
    if (folders.length === 1) return `codebook ${folders[0]}.ts`;
    if (folders[0] === "bundle") return folders[1] === "compile-cache" ? "codebook compile-cache.ts" : "codebook, the no-op bundle";
    return `codebook ${folders[0] === "emit" && folders.length > 2 ? `emit/${folders[1]}` : folders[0]}/`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg !== undefined) {
    if (TS_MORPH_PACKAGES.has(pkg)) return "ts-morph (with TypeScript)";
    if (pkg.startsWith("@formatjs/")) return "@formatjs";
    return pkg;
  }
  if (/\/bin\/codebook\.js$/.test(url)) return "codebook bin";
  return undefined;
}

/** A frame's place for the "top functions" table: relative to its package or to codebook's sources, never a machine path. */
function shortLocation(url: string, line: number): string {
  if (url === "") return "";
  const inPackage = /node_modules\/(.+)$/.exec(url)?.[1];
  const own = /\/dist\/(generator\/.+)$/.exec(url)?.[1];
  const place = inPackage ?? own ?? (url.startsWith("node:") ? url : path.basename(url));
  const bundled = url.endsWith(GENERATOR_BUNDLE) ? bundledModuleAt(url, line) : undefined;
  return `${place}:${line + 1}${bundled === undefined ? "" : ` (${bundled}.js)`}`;
}

/**
 * The component a sample is charged to: its own frame's, or else the nearest caller's that is in a package or in
 * codebook (a regular expression or a `readFileSync` is charged to whoever ran it); Node's module loader keeps
 * what it compiles.
 */
function chargeTo(node: ProfileNode, parents: ReadonlyMap<number, ProfileNode>): string {
  const pseudo = PSEUDO_FRAMES[node.callFrame.functionName];
  if (pseudo !== undefined && node.callFrame.url === "") return pseudo;
  for (let frame: ProfileNode | undefined = node; frame !== undefined; frame = parents.get(frame.id)) {
    const component = componentOf(frame.callFrame.url, frame.callFrame.lineNumber);
    if (component !== undefined) return component;
  }
  return "Node's internals";
}

/** What a profile's samples add up to: self time (µs) by component and by function, waiting left out. */
export interface ProfileSummary {
  readonly cpuMicroseconds: number;
  readonly waitingMicroseconds: number;
  readonly byComponent: ReadonlyMap<string, number>;
  /** By function and the component its samples are charged to (a native function may serve several). */
  readonly byFunction: ReadonlyMap<string, { readonly name: string; readonly component: string; readonly microseconds: number }>;
}

/** Adds one profile's samples to `into`, each charged to its component and to its function. */
function addProfile(into: MutableSummary, profile: CpuProfile): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const selfTime = new Map<number, number>();
  for (const [index, id] of profile.samples.entries()) selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  for (const [id, microseconds] of selfTime) {
    const node = nodes.get(id)!;
    const component = chargeTo(node, parents);
    if (component === PSEUDO_FRAMES["(idle)"]) {
      into.waitingMicroseconds += microseconds;
      continue;
    }
    into.cpuMicroseconds += microseconds;
    into.byComponent.set(component, (into.byComponent.get(component) ?? 0) + microseconds);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${shortLocation(url, lineNumber)}`.trim();
    const key = `${component}\u0000${name}`;
    const entry = into.byFunction.get(key) ?? { name, component, microseconds: 0 };
    entry.microseconds += microseconds;
    into.byFunction.set(key, entry);
  }
}

interface MutableSummary {
  cpuMicroseconds: number;
  waitingMicroseconds: number;
  readonly byComponent: Map<string, number>;
  readonly byFunction: Map<string, { readonly name: string; readonly component: string; microseconds: number }>;
}

/** The mean of several profiles: each sample charged to its component and its function, waiting apart. */
export function summariseProfiles(profiles: readonly CpuProfile[]): ProfileSummary {
  const total: MutableSummary = { cpuMicroseconds: 0, waitingMicroseconds: 0, byComponent: new Map(), byFunction: new Map() };
  for (const profile of profiles) addProfile(total, profile);
  const mean = (microseconds: number) => microseconds / profiles.length;
  return {
    cpuMicroseconds: mean(total.cpuMicroseconds),
    waitingMicroseconds: mean(total.waitingMicroseconds),
    byComponent: new Map([...total.byComponent].map(([component, microseconds]) => [component, mean(microseconds)])),
    byFunction: new Map([...total.byFunction].map(([key, entry]) => [key, { ...entry, microseconds: mean(entry.microseconds) }])),
  };
}

/** Several profiled runs of `command`, summarised, so that one slow spell of the machine weighs less. */
function profileRuns(command: TimedCommand, runs: number): ProfileSummary {
  return summariseProfiles(Array.from({ length: runs }, () => profileRun(command)));
}

/**
 * Runs `command` once under `node --cpu-prof` and returns the profile of its main thread; with the CLI's compile
 * cache off, since the profiler makes restoring cached code look slow.
 */
function profileRun(command: TimedCommand): CpuProfile {
  command.prepare?.();
  const folder = mkdtempSync(path.join(tmpdir(), "codebook-profile-"));
  try {
    const result = spawnSync(
      process.execPath,
      ["--cpu-prof", "--cpu-prof-dir", folder, "--cpu-prof-interval", String(INTERVAL_MICROSECONDS), ...command.args],
      {
        cwd: command.cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1", ...command.env },
      },
    );
    if (result.status !== 0)
      throw new Error(`${command.label}: node ${command.args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stderr}`);
    const [file] = readdirSync(folder).filter((name) => name.endsWith(".cpuprofile"));
    if (file === undefined) throw new Error(`${command.label}: node --cpu-prof wrote no profile`);
    return JSON.parse(readFileSync(path.join(folder, file), "utf8")) as CpuProfile;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `text` as Markdown inline code, fenced with two backticks when it holds one (a regular expression may). */
function inlineCode(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Components under this share of the CPU time, on both sides, are folded into one line. */
const SMALL_SHARE = 0.005;

/** The table's lines: each component that matters, then one line for the rest. */
function foldSmall(
  components: readonly string[],
  summary: ProfileSummary,
  base: ProfileSummary | undefined,
): { component: string; microseconds: number; floorMicroseconds: number }[] {
  const line = (component: string) => ({
    component,
    microseconds: summary.byComponent.get(component) ?? 0,
    floorMicroseconds: base?.byComponent.get(component) ?? 0,
  });
  const small = (entry: ReturnType<typeof line>) =>
    entry.microseconds < SMALL_SHARE * summary.cpuMicroseconds &&
    (base === undefined || entry.floorMicroseconds < SMALL_SHARE * base.cpuMicroseconds);
  const lines = components.map(line);
  const rest = lines.filter(small);
  const kept = lines.filter((entry) => !small(entry));
  if (rest.length === 0) return kept;
  return [
    ...kept,
    {
      component: `${rest.length} more, each under ${SMALL_SHARE * 100} %`,
      microseconds: rest.reduce((sum, entry) => sum + entry.microseconds, 0),
      floorMicroseconds: rest.reduce((sum, entry) => sum + entry.floorMicroseconds, 0),
    },
  ];
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** How many components the one-sentence gist of a profile names. */
const GIST_COMPONENTS = 4;

/**
 * One sentence for a row that misses its target: the components with the most sampled CPU time, or with the most
 * above the floor's when there is one.
 */
function gistOf(summary: ProfileSummary, base: ProfileSummary | undefined, floorLabel: string | undefined): string {
  const ms = (microseconds: number) => milliseconds(microseconds / 1000);
  const above = (component: string) => (summary.byComponent.get(component) ?? 0) - (base?.byComponent.get(component) ?? 0);
  const top = [...summary.byComponent.keys()]
    .filter((component) => above(component) > 0)
    .sort((a, b) => above(b) - above(a))
    .slice(0, GIST_COMPONENTS);
  if (base === undefined)
    return `Its profile below puts the most CPU time in ${top.map((component) => `${component} (${ms(above(component))}, ${percent(above(component), summary.cpuMicroseconds)})`).join(", ")}.`;
  const named = top.map((component) => `${component} (+${ms(above(component))})`).join(", ");
  const total = summary.cpuMicroseconds - base.cpuMicroseconds;
  if (total <= 0) return `Its profile below has no more sampled CPU time than ${floorLabel}; the most above it: ${named}.`;
  return `Its profile below puts ${ms(total)} of sampled CPU time above ${floorLabel}, the most in ${named}.`;
}

/** A row's profile: its two detail tables and the one-sentence gist its explanation can quote. */
export interface RowProfile {
  readonly tables: readonly DetailTable[];
  readonly gist: string;
}

/**
 * A row's profile from profiled runs of `command` (the mean of a few): a table of its sampled CPU time by component
 * (codebook's folders, each package, Node's module loader, garbage collection), beside the same for `floor` when
 * given, a table of its costliest functions by self time, and a sentence that sums them up.
 */
export function profileRow(
  context: BenchContext,
  title: string,
  command: TimedCommand,
  floor?: { readonly label: string; readonly command: TimedCommand },
): RowProfile {
  const runs = context.quick ? 1 : 3;
  context.log(`    profile: ${title}, ${runs} run(s)${floor === undefined ? "" : ` and as many of ${floor.label}`}`);
  const summary = profileRuns(command, runs);
  const base = floor === undefined ? undefined : profileRuns(floor.command, runs);
  const ms = (microseconds: number) => milliseconds(microseconds / 1000);
  const components = [...new Set([...summary.byComponent.keys(), ...(base?.byComponent.keys() ?? [])])].sort(
    (a, b) => (summary.byComponent.get(b) ?? 0) - (summary.byComponent.get(a) ?? 0),
  );
  const functions = [...summary.byFunction.values()].sort((a, b) => b.microseconds - a.microseconds).slice(0, TOP_FUNCTIONS);
  const waiting = `${ms(summary.cpuMicroseconds)} of samples on the CPU and ${ms(summary.waitingMicroseconds)} waiting${
    base === undefined ? "" : `; ${floor!.label}: ${ms(base.cpuMicroseconds)} on the CPU`
  }`;
  const tables = [
    {
      title: `Profile: ${title}`,
      note: `The mean of ${runs} run(s) under \`node --cpu-prof\` (sampled every ${INTERVAL_MICROSECONDS} µs; the profiler adds its own overhead, so read shares and differences, not totals): ${waiting}. Each sample is charged to the component of its own frame, or of the nearest caller in a package or in codebook (a regular expression or a file read is charged to the code that ran it); Node's module loader keeps the time it spends reading and compiling modules. The runs have the CLI's compile cache off, as the floor has it: under the profiler V8 logs every function the cache restores, which makes a warm run look slower than it is (see "The compile cache" for what it saves).`,
      header: ["Component", "CPU (sampled)", "Share", ...(floor === undefined ? [] : [floor.label])],
      rows: foldSmall(components, summary, base).map(({ component, microseconds, floorMicroseconds }) => {
        const row = [component, ms(microseconds), percent(microseconds, summary.cpuMicroseconds)];
        return base === undefined ? row : [...row, ms(floorMicroseconds)];
      }),
    },
    {
      title: `Profile: ${title}, costliest functions`,
      note: "Self time of single functions (V8 lists a regular expression's matching as its own frame), from the same runs.",
      header: ["Function", "Component", "Self time", "Share"],
      rows: functions.map(({ name, component, microseconds }) => [
        inlineCode(name),
        component,
        ms(microseconds),
        percent(microseconds, summary.cpuMicroseconds),
      ]),
    },
  ];
  return { tables, gist: gistOf(summary, base, floor?.label) };
}
