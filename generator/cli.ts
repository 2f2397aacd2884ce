import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticError, formatDiagnostic } from "./diagnostics.js";
import { packageRoot } from "./package-root.js";
import { check, generate, validate, type RunOptions } from "./pipeline.js";
import { formatTranslationReport, stampTranslations, translationReport } from "./translation-report.js";

const HELP = `codebook: generate TypeScript, i18n catalogs and Markdown tables from a YAML registry of numeric codes.

Usage:
  codebook generate [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   write the generated files
  codebook check    [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   exit 1 when a generated file is stale or missing
  codebook validate REGISTRY.yaml ...                                        exit 1 when a registry is invalid
  codebook i18n     [REGISTRY.yaml] [--strict]                               per locale: texts translated, missing and stale
  codebook i18n     [REGISTRY.yaml] --stamp LOCALE                           record the current source fingerprints in LOCALE's file

With no registry, the embedded default (the WebSocket close codes) is used.

Options:
  -o, --out DIR          output folder (default: generated)
      --inject FILE.md   also regenerate (check) the tables between <!-- codebook:start ID TABLE [LOCALE] -->
                         and <!-- codebook:end ID --> in FILE.md; repeatable
      --templates DIR    Markdown templates overriding the built-in ones (page.md, page.<locale>.md,
                         locales/<locale>.yaml)
      --no-enums         emit an as-const object and a type instead of an enum (erasable syntax)
      --strict           i18n: exit 1 when a text is missing or stale in any locale
      --stamp LOCALE     i18n: mark LOCALE's translations as made from the current source texts
  -q, --quiet            print nothing on success
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 success, 1 invalid input or stale output, 2 bad usage.`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
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
        inject: { type: "string", multiple: true },
        templates: { type: "string" },
        "no-enums": { type: "boolean" },
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

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

function shown(io: CliIo, file: string): string {
  return path.relative(io.cwd, file).split(path.sep).join("/") || ".";
}

type CommandOptions = RunOptions & { readonly quiet: boolean; readonly strict: boolean; readonly stamp?: string };

async function runCommand(command: string, registries: string[], options: CommandOptions, io: CliIo): Promise<number> {
  if (command !== "i18n" && (options.strict || options.stamp !== undefined)) throw new UsageError("--strict and --stamp belong to the i18n command");
  switch (command) {
    case "generate": {
      const result = await generate(options);
      if (!options.quiet) {
        for (const file of result.written) io.stdout(`wrote ${shown(io, file)}`);
        io.stdout(`codebook: ${result.written.length} written, ${result.unchanged.length} unchanged in ${shown(io, result.outDir)}`);
      }
      return 0;
    }
    case "check": {
      const result = await check(options);
      for (const file of result.files) {
        if (file.state !== "current") io.stderr(`${shown(io, file.path)}: ${file.state === "missing" ? "missing" : "stale (differs from what generate would write)"}`);
      }
      if (!result.ok) {
        io.stderr("codebook: generated files are out of date; run `codebook generate` with the same arguments to update them");
        return 1;
      }
      if (!options.quiet) io.stdout(`codebook: ${result.files.length} generated files are current`);
      return 0;
    }
    case "validate": {
      if (registries.length === 0) throw new UsageError("validate needs at least one REGISTRY.yaml");
      const diagnostics = await validate(options);
      if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
      if (!options.quiet) io.stdout(`codebook: ${registries.length} ${registries.length === 1 ? "registry is" : "registries are"} valid`);
      return 0;
    }
    case "i18n": {
      if (registries.length > 1) throw new UsageError("i18n takes at most one REGISTRY.yaml");
      const target = { cwd: io.cwd, ...(registries[0] === undefined ? {} : { registry: registries[0] }) };
      if (options.stamp !== undefined) {
        const result = await stampTranslations(options.stamp, target);
        if (!result.ok) throw new UsageError(`--stamp: ${result.reason}`);
        if (!options.quiet) io.stdout(`codebook: ${result.stamped} translation${result.stamped === 1 ? "" : "s"} stamped, ${result.unchanged} already current in ${result.file}`);
        return 0;
      }
      const report = await translationReport(target);
      if (!options.quiet || !report.complete) for (const line of formatTranslationReport(report)) io.stdout(line);
      return options.strict && !report.complete ? 1 : 0;
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
      io.stdout(version());
      return 0;
    }
    const [command, ...registries] = positionals;
    if (command === undefined) throw new UsageError("missing command");
    const options = {
      registries,
      cwd: io.cwd,
      quiet: values.quiet ?? false,
      strict: values.strict ?? false,
      ...(values.stamp === undefined ? {} : { stamp: values.stamp }),
      enums: !(values["no-enums"] ?? false),
      ...(values.out === undefined ? {} : { outDir: values.out }),
      ...(values.inject === undefined ? {} : { inject: values.inject }),
      ...(values.templates === undefined ? {} : { templates: values.templates }),
    };
    return await runCommand(command, registries, options, io);
  } catch (error) {
    if (error instanceof DiagnosticError) {
      for (const diagnostic of error.diagnostics) io.stderr(formatDiagnostic(diagnostic));
      io.stderr(`codebook: ${error.diagnostics.length} error${error.diagnostics.length === 1 ? "" : "s"}; nothing was written`);
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`codebook: ${error.message}\nRun \`codebook --help\` for usage.`);
      return 2;
    }
    throw error;
  }
}

/** The process entry point: real streams, real exit code. */
export async function runCli(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
}
