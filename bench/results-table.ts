import { cpus, freemem, loadavg, platform, release, totalmem } from "node:os";

/** One line of the summary table: a measure, codebook's figure, what it is compared with, and the target. */
export interface SummaryRow {
  readonly measure: string;
  readonly codebook: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean;
  /** Why the target may be missed, and where to look: printed only when it is. */
  readonly whenMissed?: string;
}

/** A detail table: a title, a short explanation, a header and rows of already-formatted cells. */
export interface DetailTable {
  readonly title: string;
  readonly note?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function milliseconds(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** Bytes as whole MiB. */
export function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The machine the figures were measured on. */
export function describeMachine(loadBefore: readonly number[]): string[] {
  const cores = cpus();
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(" / ");
  return [
    `- CPU: ${cores[0]?.model.trim() ?? "unknown"}, ${cores.length} logical cores`,
    `- Memory: ${gib(totalmem())} (${gib(freemem())} free at the end)`,
    `- OS: ${platform()} ${release()}`,
    `- Node.js: ${process.version} (V8 ${process.versions.v8})`,
    `- Load average (1/5/15 min) before: ${load(loadBefore)}; after: ${load(loadavg())}`,
  ];
}

/** The whole RESULTS.md. */
export function renderResults(options: {
  readonly mode: string;
  readonly machine: readonly string[];
  readonly summary: readonly SummaryRow[];
  readonly details: readonly DetailTable[];
  readonly method: readonly string[];
}): string {
  const summary = table(
    ["Measure", "codebook", "Floor / baseline", "Ratio", "Target", "Met?"],
    options.summary.map((row) => [row.measure, row.codebook, row.baseline, row.ratio, row.target, row.met ? "yes" : "**no**"]),
  );
  const details = options.details.flatMap((detail) => [
    `### ${detail.title}`,
    ...(detail.note === undefined ? [] : [detail.note]),
    table(detail.header, detail.rows),
  ]);
  const missed = options.summary.filter((row) => !row.met && row.whenMissed !== undefined);
  const notes = missed.length === 0 ? [] : ["## Targets not met", missed.map((row) => `- ${row.measure}: ${row.whenMissed}`).join("\n")];
  return [
    "# codebook benchmark results",
    `Written by \`npm run bench\` (${options.mode}). Re-run it to refresh this file; figures vary with the machine and its load.`,
    "## Machine",
    options.machine.join("\n"),
    "## Summary",
    summary,
    ...notes,
    "## Details",
    ...details,
    "## Method",
    options.method.map((line) => `- ${line}`).join("\n"),
    "",
  ].join("\n\n");
}
