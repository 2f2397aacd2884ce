import path from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
import { findConfigFile } from "./config/find-config.js";
import { TARGET_NAMES } from "./emit/targets.js";
import { packageVersion } from "./package-root.js";
import { check, generate, validate, type GenerateResult, type RunOptions } from "./pipeline.js";

const HELP = `codebook: generate TypeScript, i18n catalogs and Markdown tables from a YAML registry of numeric codes.

Usage:
  codebook generate [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   write the generated files
  codebook check    [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   exit 1 when a generated file is stale, missing, hand-edited or orphaned
  codebook validate [REGISTRY.yaml ...]                                      exit 1 when the config or a registry is invalid
  codebook i18n     [REGISTRY.yaml] [--strict]                               per locale: texts translated, missing and stale
  codebook i18n     [REGISTRY.yaml] --stamp LOCALE                           record the current source fingerprints in LOCALE's file

With no registry, the registries of the config file (codebook.config.json, .yaml or .yml, looked for in the
working folder and the folders above it) are used; without a config, the embedded default (the WebSocket close
codes) into generated/.

Options:
  -o, --out DIR          output folder (default: generated)
      --no-enums         emit an as-const object and a union type instead of an enum (erasable syntax)
      --emit FORM        ts: <id>.ts (default); js: <id>.js and <id>.d.ts
      --module FMT       module format of emitted JavaScript: esm (default) or cjs
      --templates DIR    Markdown templates overriding the built-in ones (page.md, page.<locale>.md,
                         locales/<locale>.yaml)
      --inject FILE.md   also regenerate (check) the tables between <!-- codebook:start ID TABLE [LOCALE] -->
                         and <!-- codebook:end ID --> in FILE.md; repeatable; works with a config file too
  -c, --config FILE      use this config file
      --no-config        ignore any config file
  -w, --watch            generate: keep running, and regenerate when an input changes
      --force            generate: render even when the manifest shows nothing changed
      --strict           i18n: exit 1 when a text is missing or stale in any locale
      --stamp LOCALE     i18n: mark LOCALE's translations as made from the current source texts
  -q, --quiet            print nothing on success
  -h, --help             show this help
  -v, --version          show the version

Targets (a config entry's "targets"): ${TARGET_NAMES.join(", ")}.

Exit codes: 0 success, 1 invalid input or out-of-date output, 2 bad usage.`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
  /** Ends `generate --watch` when aborted (the process entry point aborts it on SIGINT and SIGTERM). */
  readonly signal?: AbortSignal;
}

class UsageError extends Error {}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        "no-enums": { type: "boolean" },
        emit: { type: "string" },
        module: { type: "string" },
        config: { type: "string", short: "c" },
        "no-config": { type: "boolean" },
        watch: { type: "boolean", short: "w" },
        force: { type: "boolean" },
        templates: { type: "string" },
        inject: { type: "string", multiple: true },
        strict: { type: "boolean" },
        stamp: { type: "string" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type ParsedValues = ReturnType<typeof parse>["values"];

function shown(io: CliIo, file: string): string {
  return path.relative(io.cwd, file).split(path.sep).join("/") || ".";
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
}

/** The run options for the command line; a config file's entries replace the per-run flags, so those conflict with it. */
async function runOptions(values: ParsedValues, registries: readonly string[], io: CliIo): Promise<RunOptions> {
  if (values.config !== undefined && values["no-config"]) throw new UsageError("--config and --no-config exclude each other");
  if (values.config !== undefined && registries.length > 0) {
    throw new UsageError("--config cannot be combined with registry arguments: the config names its registries");
  }
  const config = registries.length > 0 || values["no-config"] ? false : (values.config ?? (await findConfigFile(io.cwd)));
  const flags = { out: values.out, "no-enums": values["no-enums"], emit: values.emit, module: values.module, templates: values.templates };
  const given = Object.entries(flags).filter(([, value]) => value !== undefined).map(([flag]) => `--${flag}`);
  if (config !== false && config !== undefined && given.length > 0) {
    throw new UsageError(
      `${given.join(", ")} cannot be combined with the config file ${shown(io, path.resolve(io.cwd, config))}: set it there, name registries, or pass --no-config`,
    );
  }
  return {
    registries,
    cwd: io.cwd,
    config: config ?? false,
    force: values.force ?? false,
    enums: !(values["no-enums"] ?? false),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(values.emit === undefined ? {} : { emit: choice("emit", values.emit, ["ts", "js"] as const)! }),
    ...(values.module === undefined ? {} : { module: choice("module", values.module, ["esm", "cjs"] as const)! }),
    ...(values.templates === undefined ? {} : { templates: values.templates }),
    ...(values.inject === undefined ? {} : { inject: values.inject }),
  };
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], outcome: string): void {
  for (const diagnostic of diagnostics) io.stderr(formatDiagnostic(diagnostic));
  io.stderr(`codebook: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}; ${outcome}`);
}

function reportGenerate(io: CliIo, result: GenerateResult, quiet: boolean): void {
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
  const { watch } = await import("./watch.js");
  let announced = "";
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
  if (!quiet) io.stdout("codebook: stopped watching");
  return 0;
}

const CHECK_MESSAGES = {
  stale: "stale (differs from what generate would write)",
  missing: "missing",
  "hand-edited": "hand-edited (differs from what codebook wrote and from what generate would write)",
  orphaned: "orphaned (codebook generated it, and no registry produces it any more)",
} as const;

async function runCheck(options: RunOptions, quiet: boolean, io: CliIo): Promise<number> {
  const result = await check(options);
  const problems = result.files.filter((file) => file.state !== "current");
  for (const file of problems) {
    if (file.state !== "current") io.stderr(`${shown(io, file.path)}: ${CHECK_MESSAGES[file.state]}`);
  }
  if (!result.ok) {
    io.stderr(`codebook: ${problems.length} generated file${problems.length === 1 ? " is" : "s are"} out of date; run \`codebook generate\``);
    return 1;
  }
  if (!quiet) io.stdout(`codebook: ${result.files.length} generated files are current`);
  return 0;
}

async function runI18n(values: ParsedValues, registries: readonly string[], quiet: boolean, io: CliIo): Promise<number> {
  if (registries.length > 1) throw new UsageError("i18n takes at most one REGISTRY.yaml");
  const [{ stampTranslations, translationReport }, { formatTranslationReport }] = await Promise.all([
    import("./translation-report.js"),
    import("./format-translation-report.js"),
  ]);
  const target = { cwd: io.cwd, ...(registries[0] === undefined ? {} : { registry: registries[0] }) };
  if (values.stamp !== undefined) {
    const result = await stampTranslations(values.stamp, target);
    if (!result.ok) throw new UsageError(`--stamp: ${result.reason}`);
    if (!quiet) io.stdout(`codebook: ${result.stamped} translation${result.stamped === 1 ? "" : "s"} stamped, ${result.unchanged} already current in ${result.file}`);
    return 0;
  }
  const report = await translationReport(target);
  if (!quiet || !report.complete) for (const line of formatTranslationReport(report)) io.stdout(line);
  return values.strict && !report.complete ? 1 : 0;
}

async function runCommand(command: string, values: ParsedValues, registries: string[], io: CliIo): Promise<number> {
  const quiet = values.quiet ?? false;
  if (values.watch && command !== "generate") throw new UsageError("--watch only applies to generate");
  if (values.force && command !== "generate") throw new UsageError("--force only applies to generate");
  if (command !== "i18n" && (values.strict || values.stamp !== undefined)) throw new UsageError("--strict and --stamp belong to the i18n command");
  if (values.inject !== undefined && command !== "generate" && command !== "check") throw new UsageError("--inject applies to generate and check");
  if (command === "i18n") return runI18n(values, registries, quiet, io);
  const options = await runOptions(values, registries, io);
  switch (command) {
    case "generate": {
      if (values.watch) return runWatch(options, quiet, io);
      reportGenerate(io, await generate(options), quiet);
      return 0;
    }
    case "check":
      return runCheck(options, quiet, io);
    case "validate": {
      if (registries.length === 0 && options.config === false) throw new UsageError("validate needs a REGISTRY.yaml or a config file");
      const diagnostics = await validate(options);
      if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
      if (!quiet) {
        io.stdout(registries.length === 0 ? "codebook: the config and its registries are valid" : `codebook: ${registries.length} ${registries.length === 1 ? "registry is" : "registries are"} valid`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout(packageVersion());
      return 0;
    }
    const [command, ...registries] = positionals;
    if (command === undefined) throw new UsageError("missing command");
    return await runCommand(command, values, registries, io);
  } catch (error) {
    if (error instanceof DiagnosticError) {
      printDiagnostics(io, error.diagnostics, "nothing was written");
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`codebook: ${error.message}\nRun \`codebook --help\` for usage.`);
      return 2;
    }
    throw error;
  }
}

/** The process entry point: real streams, real exit code; SIGINT and SIGTERM end a watch cleanly. */
export async function runCli(): Promise<void> {
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    process.exitCode = await main(process.argv.slice(2), {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
      cwd: process.cwd(),
      signal: stop.signal,
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
