import { escapeControls, type SourceLocation } from "../diagnostics/index.js";
import { CHANGE_LEVELS, type ChangeLevel, type Verdict, verdictRank } from "../model/diff/rules.js";
import type { DiffResult, LocatedChange, RegistryDiff } from "./diff-registries.js";

function where(location: SourceLocation | undefined): string {
  return location === undefined ? "" : `${escapeControls(location.file)}:${location.line}:${location.column}`;
}

function changeLine(change: LocatedChange): string {
  const at = where(change.new) || where(change.old);
  const was = change.new !== undefined && change.old !== undefined ? ` (was ${where(change.old)})` : "";
  return `  ${at}: ${change.rule}: ${escapeControls(change.message)}${was}`;
}

function versionLine(diff: RegistryDiff): string[] {
  const { version } = diff;
  if (version === undefined) return [];
  if (version.ok) return [`  version ${version.before} → ${version.after} (${version.bump}) is enough for a ${diff.verdict} change`];
  const bump = version.bump === "none" ? "does not raise it" : `is a ${version.bump} bump`;
  return [
    `  error: version ${version.before} → ${version.after} ${bump}, but the changes are ${diff.verdict}: raise it to at least ${version.wanted}`,
  ];
}

/** One registry's part of the report: its changes grouped by level, highest first, each with its rule and places. */
function registryReport(diff: RegistryDiff, against: string): string[] {
  const heading = `${escapeControls(diff.registry)} (${escapeControls(diff.id)}) against ${escapeControls(against)}: ${diff.verdict}`;
  if (diff.added) return [`${heading} (a new registry)`];
  const lines = [heading];
  for (const level of CHANGE_LEVELS) {
    const changes = diff.changes.filter((change) => change.level === level);
    if (changes.length > 0) lines.push(`${level} (${changes.length}):`, ...changes.map(changeLine));
  }
  return [...lines, ...versionLine(diff)];
}

/** The human report: each registry's changes by level, then the verdict. */
export function formatDiffReport(result: DiffResult): string[] {
  const counts = CHANGE_LEVELS.map(
    (level) =>
      `${result.registries.reduce((sum, diff) => sum + diff.changes.filter((change) => change.level === level).length, 0)} ${level}`,
  );
  return [
    ...result.registries.flatMap((diff) => registryReport(diff, result.against)),
    `codebook: verdict ${result.verdict} (${counts.join(", ")})`,
  ];
}

/** The report as JSON for tools: the verdict, and per registry its changes with rule, level and locations. */
export function formatDiffJson(result: DiffResult): string {
  const location = (at: SourceLocation | undefined) => (at === undefined ? null : { file: at.file, line: at.line, column: at.column });
  const data = {
    against: result.against,
    verdict: result.verdict,
    registries: result.registries.map((diff) => ({
      registry: diff.registry,
      id: diff.id,
      added: diff.added,
      verdict: diff.verdict,
      ...(diff.version === undefined ? {} : { version: diff.version }),
      changes: diff.changes.map((change) => ({
        level: change.level,
        rule: change.rule,
        message: change.message,
        new: location(change.new),
        old: location(change.old),
      })),
    })),
  };
  return JSON.stringify(data, null, 2);
}

/** Whether the run fails: the verdict reaches `failOn`, or a declared version is not raised enough. */
export function diffFails(result: DiffResult, failOn: ChangeLevel | undefined): boolean {
  const reached = failOn !== undefined && verdictRank(result.verdict) >= verdictRank(failOn as Verdict);
  return reached || result.registries.some((diff) => diff.version?.ok === false);
}
