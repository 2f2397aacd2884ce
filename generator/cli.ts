import { writeSync } from "node:fs";
import path from "node:path";
import { findConfigFile } from "./config/find-config.js";
import { type Diagnostic, DiagnosticError, escapeControls, formatDiagnostic } from "./diagnostics/index.js";
import { TARGET_NAMES } from "./emit/targets.js";
import { defaultRegistryPath, packageVersion } from "./load/package-root.js";
import { type CheckResult, check, checkIfCurrent } from "./run/check.js";
import {
  COMMANDS,
  type Command,
  type CommandLine,
  choice,
  commandOf,
  listChoice,
  type OptionName,
  type OptionValues,
  parseCommandLine,
  UsageError,
} from "./run/cli-args.js";
import { type GenerateResult, generate, generateIfCurrent } from "./run/generate.js";
import type { RunOptions } from "./run/options.js";
import type { WritingSection } from "./write/staged-writes.js";
import { WriteError } from "./write/write-error.js";

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
  /**
   * Ends the run when aborted, with the signal's name as the reason: `generate` stops before it changes a file,
   * or once its renames are done; a watch stops watching; a read-only command at once.
   */
  readonly signal?: AbortSignal;
  /**
   * Makes SIGINT and SIGTERM abort `signal` instead of ending the process, until the returned function is called.
   * The run calls it only where stopping the process could leave a file half-changed (a `generate` staging and
   * renaming its files, an `i18n --stamp` writing) and for the whole of a watch; everywhere else a signal ends
   * the process at once, before anything on disk has changed. Only the process entry point passes it.
   */
  readonly catchSignals?: () => () => void;
}

/** Runs `work` with the signals caught (see {@link CliIo.catchSignals}); as it is when the CLI has no process. */
function whileWriting(io: CliIo): WritingSection {
  return async (work) => {
    const release = io.catchSignals?.();
    try {
      return await work();
    } finally {
      release?.();
    }
  };
}

/** The options each command takes; any other is a usage error naming the commands it belongs to. */
const COMMAND_OPTIONS: Readonly<Record<Command, readonly OptionName[]>> = {
  init: ["out", "targets"],
  generate: ["out", "targets", "no-enums", "no-code-map", "emit", "module", "templates", "inject", "config", "no-config", "watch", "force"],
  check: ["out", "targets", "no-enums", "no-code-map", "emit", "module", "templates", "inject", "config", "no-config", "force"],
  validate: ["config", "no-config"],
  inputs: ["out", "targets", "no-enums", "no-code-map", "emit", "module", "templates", "inject", "config", "no-config", "json"],
  i18n: ["config", "no-config", "strict", "stamp"],
  diff: ["config", "no-config", "against", "json", "fail-on"],
  next: ["config", "no-config", "count"],
};

/** Options every command takes. */
const COMMON_OPTIONS: readonly OptionName[] = ["quiet", "help", "version"];

function checkOptionsApply(command: Command, values: OptionValues): void {
  for (const name of Object.keys(values) as OptionName[]) {
    if (COMMON_OPTIONS.includes(name) || COMMAND_OPTIONS[command].includes(name)) continue;
    const owners = COMMANDS.filter((other) => COMMAND_OPTIONS[other].includes(name));
    const list = owners.length > 1 ? `${owners.slice(0, -1).join(", ")} and ${owners.at(-1)}` : owners.join("");
    throw new UsageError(`--${name} does not apply to ${command}; it belongs to ${list}`);
  }
}

/** A path as the CLI prints it: relative to the working folder, its control characters escaped. */
function shown(io: CliIo, file: string): string {
  return escapeControls(path.relative(io.cwd, file).split(path.sep).join("/") || ".");
}

/** The flags that shape the output, which a config file sets per entry instead. */
const SHAPING_FLAGS = ["out", "targets", "no-enums", "no-code-map", "emit", "module", "templates"] as const;

/** The config file a command uses: `false` when registries are named, with --no-config, or when none is found. */
async function chooseConfig(values: OptionValues, registries: readonly string[], io: CliIo): Promise<string | false> {
  if (values.config !== undefined && values["no-config"]) throw new UsageError("--config and --no-config exclude each other");
  if (values.config !== undefined && registries.length > 0) {
    throw new UsageError("--config cannot be combined with registry arguments: the config names its registries");
  }
  if (registries.length > 0 || values["no-config"]) return false;
  return values.config ?? (await findConfigFile(io.cwd)) ?? false;
}

/** The run options for the command line; a config file's entries replace the per-run flags, so those conflict with it. */
async function runOptions(values: OptionValues, registries: readonly string[], io: CliIo): Promise<RunOptions> {
  const config = await chooseConfig(values, registries, io);
  const given = SHAPING_FLAGS.filter((flag) => values[flag] !== undefined).map((flag) => `--${flag}`);
  if (config !== false && given.length > 0) {
    throw new UsageError(
      `${given.join(", ")} cannot be combined with the config file ${shown(io, path.resolve(io.cwd, config))}: set it there, name registries, or pass --no-config`,
    );
  }
  if (values.module !== undefined && values.emit !== "js") {
    throw new UsageError(
      `--module ${values.module} applies to emitted JavaScript: add --emit js (generated TypeScript uses ES module syntax, and your compiler picks its output format)`,
    );
  }
  return {
    registries,
    cwd: io.cwd,
    config,
    ...(values.force === undefined ? {} : { force: values.force }),
    ...(values["no-enums"] === undefined ? {} : { enums: !values["no-enums"] }),
    ...(values["no-code-map"] === undefined ? {} : { codeMap: !values["no-code-map"] }),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(values.targets === undefined ? {} : { targets: listChoice("targets", values.targets, TARGET_NAMES) }),
    ...(values.emit === undefined ? {} : { emit: choice("emit", values.emit, ["ts", "js"] as const)! }),
    ...(values.module === undefined ? {} : { module: choice("module", values.module, ["esm", "cjs"] as const)! }),
    ...(values.templates === undefined ? {} : { templates: values.templates }),
    ...(values.inject === undefined ? {} : { inject: values.inject }),
  };
}

/** One line when a run falls back to the embedded registry, so that a project without a config notices. */
function announceBuiltIn(io: CliIo, registries: readonly string[], config: string | false | boolean | undefined, quiet: boolean): void {
  if (quiet || registries.length > 0 || (config !== false && config !== undefined)) return;
  io.stdout(
    "codebook: no registry named and no config file found, so this uses the built-in WebSocket close-code registry (`codebook init` starts your own)",
  );
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], outcome: string | undefined): void {
  for (const diagnostic of diagnostics) io.stderr(formatDiagnostic(diagnostic));
  io.stderr(`codebook: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}${outcome === undefined ? "" : `; ${outcome}`}`);
}

function reportGenerate(io: CliIo, result: GenerateResult, quiet: boolean): void {
  for (const file of result.overwritten) {
    io.stderr(
      `overwrote ${shown(io, file)}, which was edited since codebook wrote it: generated files are rewritten on every run, so change the registry (or a template) instead`,
    );
  }
  for (const file of result.kept) {
    io.stderr(`kept ${shown(io, file)}: no longer generated, but edited since codebook wrote it; delete it if you don't need it`);
  }
  if (quiet) return;
  for (const file of result.written) io.stdout(`wrote ${shown(io, file)}`);
  for (const file of result.removed) io.stdout(`removed ${shown(io, file)}`);
  const folders = result.outDirs.map((folder) => shown(io, folder)).join(", ");
  if (result.upToDate.length === result.outDirs.length) {
    io.stdout(`codebook: ${folders} up to date`);
    return;
  }
  const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : "";
  io.stdout(`codebook: ${result.written.length} written, ${result.unchanged.length} unchanged${removed} in ${folders}`);
}

async function runWatch(options: RunOptions, quiet: boolean, io: CliIo): Promise<number> {
  const { watch } = await import("./run/watch.js");
  let announced = "";
  // A watch stops cleanly on a signal, whatever it is doing: the signals are caught for the whole of it.
  const release = io.catchSignals?.();
  try {
    await watch(
      { ...options, ...(io.signal === undefined ? {} : { signal: io.signal }) },
      {
        onGenerate: (result) => reportGenerate(io, result, quiet),
        onInvalid: (diagnostics) => printDiagnostics(io, diagnostics, "kept the last good output; waiting for the next save"),
        onChange: (files) => {
          if (!quiet) io.stdout(`changed ${files.map((file) => shown(io, file)).join(", ")}`);
        },
        onWatching: (files) => {
          const line = `codebook: watching ${files.length} input file${files.length === 1 ? "" : "s"}; press Ctrl+C to stop`;
          if (!quiet && line !== announced) io.stdout(line);
          announced = line;
        },
      },
    );
  } finally {
    release?.();
  }
  if (!quiet) io.stdout("codebook: stopped watching");
  return 0;
}

const CHECK_MESSAGES = {
  stale: "stale (differs from what generate would write)",
  missing: "missing",
  "hand-edited": "hand-edited (differs from what codebook wrote and from what generate would write)",
  orphaned: "orphaned (codebook generated it, and no registry produces it any more)",
} as const;

/** `codebook generate` with the arguments that made `check` fail (but `--quiet`): the command that repairs it. */
function repairCommand(argv: readonly string[]): string {
  const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
  const words = argv.filter((word) => word !== "-q" && word !== "--quiet").map((word) => (word === "check" ? "generate" : word));
  return ["codebook", ...words.map(quote)].join(" ");
}

/** Prints what `check` found: each file out of date and the command that repairs them, or one line; the exit code. */
function reportCheck(io: CliIo, result: CheckResult, options: RunOptions, argv: readonly string[], quiet: boolean): number {
  const problems = result.files.filter((file) => file.state !== "current");
  for (const file of problems) {
    if (file.state !== "current") io.stderr(`${shown(io, file.path)}: ${CHECK_MESSAGES[file.state]}`);
  }
  if (!result.ok) {
    const count = `${problems.length} generated file${problems.length === 1 ? " is" : "s are"} out of date`;
    const config =
      typeof options.config === "string" && (options.inject ?? []).length > 0
        ? ` (or list ${options.inject!.join(", ")} under "inject" in ${shown(io, path.resolve(io.cwd, options.config))}, and \`codebook generate\` keeps ${options.inject!.length === 1 ? "it" : "them"} current)`
        : "";
    io.stderr(`codebook: ${count}; run \`${repairCommand(argv)}\`${config}`);
    return 1;
  }
  if (!quiet) io.stdout(`codebook: ${result.files.length} generated files are current`);
  return 0;
}

async function runCheck(options: RunOptions, argv: readonly string[], quiet: boolean, io: CliIo): Promise<number> {
  return reportCheck(io, await check(options), options, argv, quiet);
}

async function runI18n(values: OptionValues, registries: readonly string[], quiet: boolean, io: CliIo): Promise<number> {
  const config = await chooseConfig(values, registries, io);
  const [{ translationRegistries, translationReports }, { stampTranslations }, { formatTranslationReport }] = await Promise.all([
    import("./run/i18n-report/report.js"),
    import("./run/i18n-report/stamp.js"),
    import("./run/i18n-report/format.js"),
  ]);
  if (values.stamp !== undefined && registries.length === 0 && config === false) {
    // The built-in registry's files belong to the installed codebook: stamping them would edit node_modules.
    throw new UsageError(
      "--stamp needs a registry of yours: name it, or run in a project with a config file (the built-in registry's files belong to codebook)",
    );
  }
  announceBuiltIn(io, registries, config, quiet);
  const target = { cwd: io.cwd, registries, config };
  const locale = values.stamp;
  if (locale !== undefined) {
    io.signal?.throwIfAborted();
    const files = await translationRegistries(target);
    const results = [];
    // Stamping reads one registry and rewrites one locale file: the signals wait until its write is done.
    for (const registry of files) results.push(await whileWriting(io)(() => stampTranslations(locale, { cwd: io.cwd, registry })));
    io.signal?.throwIfAborted();
    const stamped = results.flatMap((result) => (result.ok ? [result] : []));
    if (stamped.length === 0) throw new UsageError(`--stamp: ${results.map((result) => (result.ok ? "" : result.reason)).join("; ")}`);
    for (const result of stamped) {
      if (!quiet)
        io.stdout(
          `codebook: ${result.stamped} translation${result.stamped === 1 ? "" : "s"} stamped, ${result.unchanged} already current in ${result.file}`,
        );
    }
    return 0;
  }
  const reports = await translationReports(target);
  const complete = reports.every((report) => report.complete);
  if (!quiet || !complete) for (const line of reports.flatMap(formatTranslationReport)) io.stdout(line);
  return values.strict && !complete ? 1 : 0;
}

async function runInit(values: OptionValues, args: readonly string[], quiet: boolean, io: CliIo): Promise<number> {
  if (args.length > 1) throw new UsageError("init takes at most one REGISTRY.yaml: the starter registry's file name");
  const { initProject } = await import("./run/init-project.js");
  const result = await initProject({
    cwd: io.cwd,
    ...(args[0] === undefined ? {} : { registry: args[0] }),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(values.targets === undefined ? {} : { targets: listChoice("targets", values.targets, TARGET_NAMES) }),
  });
  if (!result.ok) {
    io.stderr(
      `codebook: ${result.existing.map((file) => shown(io, file)).join(", ")} already exist${result.existing.length === 1 ? "s" : ""}; init never overwrites a file, so nothing was written`,
    );
    return 1;
  }
  if (quiet) return 0;
  for (const file of result.files) io.stdout(`wrote ${shown(io, file)}`);
  io.stdout("Next:");
  io.stdout(`  npx codebook generate   # writes the generated files into ${shown(io, result.outDir)}/`);
  io.stdout("  npx codebook check      # in CI: exit 1 when a generated file is out of date");
  return 0;
}

/** The registries a command reads: those named, else the config's, else the embedded default. */
async function registriesOf(values: OptionValues, registries: readonly string[], io: CliIo): Promise<string[]> {
  if (registries.length > 0) return [...registries];
  const options = await runOptions(values, registries, io);
  const config = typeof options.config === "string" ? path.resolve(io.cwd, options.config) : undefined;
  const { namedInputs } = await import("./run/watch.js");
  const named = (await namedInputs(options)).filter((file) => file !== config);
  return named.length > 0 ? named : [defaultRegistryPath];
}

/** `codebook diff --against REF`: the report (or JSON), exit 1 when the verdict reaches --fail-on or a version is not raised enough. */
async function runDiff(values: OptionValues, registries: readonly string[], io: CliIo): Promise<number> {
  if (values.against === undefined)
    throw new UsageError("diff needs --against REF (a git commit, branch or tag) or --against FILE.json (a previous <id>.json)");
  const { CHANGE_LEVELS } = await import("./model/diff/rules.js");
  const failOn = choice("fail-on", values["fail-on"], CHANGE_LEVELS);
  const { diffRegistries } = await import("./run/diff-registries.js");
  const { diffFails, formatDiffJson, formatDiffReport } = await import("./run/diff-report.js");
  const outcome = await diffRegistries({ cwd: io.cwd, registries, against: values.against });
  if (!outcome.ok && "problem" in outcome) {
    io.stderr(`codebook: ${escapeControls(outcome.problem)}`);
    return 1;
  }
  if (!outcome.ok) throw new DiagnosticError(outcome.diagnostics);
  if (values.json) io.stdout(formatDiffJson(outcome.result));
  else if (!(values.quiet ?? false) || diffFails(outcome.result, failOn))
    for (const line of formatDiffReport(outcome.result)) io.stdout(line);
  return diffFails(outcome.result, failOn) ? 1 : 0;
}

/** `codebook next RANGE [REGISTRY…] [--count N]`: the next free numbers of a range, one a line. */
async function runNext(values: OptionValues, args: readonly string[], io: CliIo): Promise<number> {
  const [rangeName, ...named] = args;
  if (rangeName === undefined) throw new UsageError("next needs the name of a range: codebook next RANGE [REGISTRY.yaml ...] [--count N]");
  const count = values.count === undefined ? 1 : Number(values.count);
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`--count must be a positive whole number, not "${values.count}"`);
  const { nextCodes } = await import("./run/next-codes.js");
  const outcome = await nextCodes(await registriesOf(values, named, io), rangeName, count, io.cwd);
  if (!outcome.ok && "diagnostics" in outcome) throw new DiagnosticError(outcome.diagnostics);
  if (!outcome.ok) throw new UsageError(outcome.problem);
  for (const number of outcome.numbers) io.stdout(String(number));
  if (outcome.numbers.length < count) {
    io.stderr(
      `codebook: range ${outcome.range} of ${outcome.registry} has ${outcome.numbers.length === 0 ? "no" : `only ${outcome.numbers.length}`} free number${outcome.numbers.length === 1 ? "" : "s"}`,
    );
    return 1;
  }
  return 0;
}

/**
 * `codebook inputs`: every input and output file of the run, relative to the working folder with `/` (a folder
 * input ends with `/`): as two lists under headings, or with `--json` as `{ "inputs": [...], "outputs": [...] }`
 * to paste into a build cache's configuration.
 */
async function runInputs(options: RunOptions, json: boolean, io: CliIo): Promise<number> {
  const { listInputs } = await import("./run/list-inputs.js");
  const files = await listInputs(options);
  const relative = (file: string) => `${path.relative(io.cwd, file).split(path.sep).join("/")}${file.endsWith(path.sep) ? "/" : ""}`;
  const inputs = files.inputs.map(relative).sort();
  const outputs = files.outputs.map(relative).sort();
  if (json) {
    io.stdout(JSON.stringify({ inputs, outputs }, null, 2));
    return 0;
  }
  for (const [heading, list] of [
    ["inputs", inputs],
    ["outputs", outputs],
  ] as const) {
    io.stdout(`${heading}:`);
    for (const file of list) io.stdout(`  ${escapeControls(file)}`);
  }
  return 0;
}

/** What the summary line after a command's diagnostics says happened. */
const OUTCOMES: Readonly<Record<Command, string | undefined>> = {
  init: "nothing was written",
  generate: "nothing was written",
  check: "nothing was compared",
  validate: undefined,
  inputs: "nothing was listed",
  i18n: undefined,
  diff: "nothing was compared",
  next: undefined,
};

async function runCommand(
  command: Command,
  values: OptionValues,
  registries: readonly string[],
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const quiet = values.quiet ?? false;
  checkOptionsApply(command, values);
  if (command === "init") return runInit(values, registries, quiet, io);
  if (command === "i18n") return runI18n(values, registries, quiet, io);
  if (command === "diff") return runDiff(values, await registriesOf(values, registries, io), io);
  if (command === "next") return runNext(values, registries, io);
  const options = await runOptions(values, registries, io);
  switch (command) {
    case "generate": {
      announceBuiltIn(io, registries, options.config, quiet);
      if (values.watch) return runWatch(options, quiet, io);
      reportGenerate(
        io,
        await generate({ ...options, ...(io.signal === undefined ? {} : { signal: io.signal }), whileWriting: whileWriting(io) }),
        quiet,
      );
      return 0;
    }
    case "check":
      announceBuiltIn(io, registries, options.config, quiet);
      return runCheck(options, argv, quiet, io);
    case "inputs":
      announceBuiltIn(io, registries, options.config, quiet || values.json === true);
      return runInputs(options, values.json === true, io);
    case "validate": {
      if (registries.length === 0 && options.config === false) throw new UsageError("validate needs a REGISTRY.yaml or a config file");
      const { validate } = await import("./run/validate.js");
      const diagnostics = await validate(options);
      if (diagnostics.length > 0) {
        printDiagnostics(io, diagnostics, OUTCOMES.validate);
        return 1;
      }
      if (!quiet) {
        io.stdout(
          registries.length === 0
            ? "codebook: the config and its registries are valid"
            : `codebook: ${registries.length} ${registries.length === 1 ? "registry is" : "registries are"} valid`,
        );
      }
      return 0;
    }
  }
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command | undefined;
  try {
    const { command: word, args, values } = parseCommandLine(argv);
    if (values.help || (word === "help" && args.length === 0)) {
      io.stdout((await import("./run/cli-help.js")).HELP);
      return 0;
    }
    if (values.version) {
      io.stdout(packageVersion());
      return 0;
    }
    command = commandOf(word);
    const writes = (command === "generate" && values.watch !== true) || (command === "i18n" && values.stamp !== undefined);
    return await untilSignal(runCommand(command, values, args, argv, io), io, writes || values.watch === true);
  } catch (error) {
    if (error instanceof DiagnosticError) {
      const stamping = command === "i18n" && argv.some((word) => word === "--stamp" || word.startsWith("--stamp="));
      printDiagnostics(io, error.diagnostics, stamping ? "nothing was written" : OUTCOMES[command ?? "generate"]);
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`codebook: ${error.message}\nRun \`codebook --help\` for usage.`);
      return 2;
    }
    if (error instanceof WriteError) {
      io.stderr(`codebook: cannot write ${shown(io, error.path)}: ${error.reason}`);
      return 1;
    }
    if (io.signal?.aborted === true && error === io.signal.reason) return interrupted(io, String(io.signal.reason));
    throw error;
  }
}

/** The switches and the options with a value that {@link quickCommandLine} reads, by how they are written. */
const QUICK_SWITCHES: Readonly<Record<string, "quiet" | "no-config">> = { "--quiet": "quiet", "-q": "quiet", "--no-config": "no-config" };
const QUICK_VALUES: Readonly<Record<string, "out" | "config">> = { "--out": "out", "-o": "out", "--config": "config", "-c": "config" };

/**
 * The command lines a no-op is commonly run with, read without the argument parser (whose first use costs the no-op
 * more than its whole reading of the config): `generate` or `check` first, then registries, `--quiet`, `--no-config`,
 * `--out DIR` and `--config FILE` (`--out=DIR`, `-o DIR`...). `undefined` for any other shape, which
 * {@link parseCommandLine} then reads; for a shape read here, it gives what that would.
 */
export function quickCommandLine(argv: readonly string[]): CommandLine | undefined {
  const [command, ...words] = argv;
  if (command !== "generate" && command !== "check") return undefined;
  const values: OptionValues = {};
  const args: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (!word.startsWith("-")) {
      args.push(word);
      continue;
    }
    const switched = Object.hasOwn(QUICK_SWITCHES, word) ? QUICK_SWITCHES[word] : undefined;
    if (switched !== undefined) {
      values[switched] = true;
      continue;
    }
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    const written = equals < 0 ? word : word.slice(0, equals);
    const name = Object.hasOwn(QUICK_VALUES, written) ? QUICK_VALUES[written] : undefined;
    if (name === undefined) return undefined;
    const value = equals < 0 ? words[index + 1] : word.slice(equals + 1);
    // A missing value, or one that reads as an option, is the parser's to word as a usage error.
    if (value === undefined || (equals < 0 && value.startsWith("-"))) return undefined;
    if (equals < 0) index += 1;
    values[name] = value;
  }
  return { command, args, values };
}

/**
 * `main` for the one case that must cost about what starting Node costs: a `generate` or `check` (without
 * `--watch` or `--force`) whose output every manifest proves current. Prints what `main` would and returns the exit
 * code; returns `undefined`, having printed nothing, for any other command line, when the proof fails, or when
 * anything goes wrong: then `main` runs the command and reports whatever there is to report.
 */
export async function mainIfCurrent(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  try {
    const { command: word, args, values } = quickCommandLine(argv) ?? parseCommandLine(argv);
    if (values.help || values.version || values.watch || values.force || (word !== "generate" && word !== "check")) return undefined;
    const command = commandOf(word);
    checkOptionsApply(command, values);
    const options = await runOptions(values, args, io);
    const quiet = values.quiet ?? false;
    const result = command === "generate" ? await generateIfCurrent(options) : await checkIfCurrent(options);
    if (result === undefined) return undefined;
    announceBuiltIn(io, args, options.config, quiet);
    if ("ok" in result) return reportCheck(io, result, options, argv, quiet);
    reportGenerate(io, result, quiet);
    return 0;
  } catch {
    return undefined;
  }
}

/** The exit code of a run ended by a signal, as shells report it: 128 + the signal's number. */
const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

function interrupted(io: CliIo, signal: string): number {
  io.stderr(`codebook: stopped by ${signal}; every file is as it was or completely written`);
  return SIGNAL_EXIT_CODES[signal] ?? 1;
}

/** A run that writes nothing may end as soon as a signal comes; one that writes ends at its next safe point. */
async function untilSignal(run: Promise<number>, io: CliIo, writes: boolean): Promise<number> {
  const { signal } = io;
  if (signal === undefined || writes) return run;
  if (signal.aborted) return interrupted(io, String(signal.reason));
  const stopped = new Promise<number>((resolve) =>
    signal.addEventListener("abort", () => resolve(interrupted(io, String(signal.reason))), { once: true }),
  );
  return Promise.race([run, stopped]);
}

/** The process's own streams and working folder. */
function processIo(): CliIo {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}

/**
 * The process's streams for the no-op entry, written with `writeSync` on their descriptors: the process may end as
 * soon as the run is done, and it never builds the stream objects (for a pipe, a socket whose setup costs more
 * than the no-op's own work). A line the descriptor does not take at once (a full non-blocking pipe, a closed
 * reader) goes, with every line after it, through the process's stream instead; `direct()` then turns false, and
 * the process must wait for the stream.
 */
function directIo(): CliIo & { readonly direct: () => boolean } {
  let direct = true;
  const writer =
    (descriptor: number, stream: () => NodeJS.WriteStream) =>
    (line: string): void => {
      let rest = Buffer.from(`${line}\n`);
      while (direct && rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(descriptor, rest));
        } catch {
          direct = false;
        }
      }
      if (rest.length > 0) stream().write(rest);
    };
  return {
    stdout: writer(1, () => process.stdout),
    stderr: writer(2, () => process.stderr),
    cwd: process.cwd(),
    direct: () => direct,
  };
}

/**
 * The process entry point's first step (see {@link mainIfCurrent}): runs a no-op `generate` or `check`, prints what
 * it found and ends the process with its exit code; `false`, having done nothing, when the command line is
 * anything else or the proof fails. bin/codebook.js loads it from a bundle of its own (dist/generator/bundle/), one
 * small file instead of codebook's modules, and {@link runCli} after it from the bundle of the whole generator. Signals keep their default action throughout:
 * it reads and changes no file.
 */
export async function runCliIfCurrent(): Promise<boolean> {
  const io = directIo();
  const code = await mainIfCurrent(process.argv.slice(2), io);
  if (code === undefined) return false;
  // Nothing is pending once every line is written: ending here skips the environment's teardown (freeing the
  // heap, running cleanup hooks), a few milliseconds that a process which loaded so little notices.
  if (io.direct()) process.exit(code);
  process.exitCode = code;
  return true;
}

/**
 * The process entry point: real streams, real exit code. SIGINT and SIGTERM end any run promptly. Outside the
 * writes they keep their default action (the process ends at once, by the signal, before anything on disk has
 * changed): JavaScript could not see them during the long synchronous stretches of loading and rendering. While
 * a `generate` stages and renames its files they are caught and honoured once the renames are done (or before
 * them, with the temporary files removed); a watch catches them throughout and stops cleanly.
 */
export async function runCli(): Promise<void> {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => stop.abort(signal);
  const release = (): void => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  const catchSignals = (): (() => void) => {
    // `on`, not `once`: a second Ctrl+C during the renames must not end the process half way through them.
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    return release;
  };
  try {
    process.exitCode = await main(process.argv.slice(2), { ...processIo(), signal: stop.signal, catchSignals });
  } finally {
    release();
  }
  // Work a signal cut short (a watch's pending reads) must not keep the process alive.
  if (stop.signal.aborted) process.exit();
}
