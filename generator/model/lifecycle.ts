import type { DiagnosticCode } from "../diagnostics/index.js";
import type { RawCode } from "../load/raw-registry.js";
import type { DataPath } from "../load/yaml-document.js";
import type { PartReporter } from "./part-reporter.js";
import type { CodeEntry, CodeLifecycle } from "./registry.js";

/**
 * Reports a use of a retired code's number or name at `at`, pointing back at the retirement: a related location,
 * cited as `12:5` in the same file and `base.yaml:12:5` from another.
 */
export function reportRetiredReuse(reporter: PartReporter, at: DataPath, retiredAt: DataPath, code: DiagnosticCode, message: string): void {
  const retirement = [{ path: retiredAt, message: "retired here" }];
  reporter.errorWithRelated(
    at,
    code,
    retirement,
    (cited) => `${message} (retired at ${cited}); a retired code is reserved forever, choose another`,
  );
}

/** The code's status and history; reports a note missing where the status needs one and `…Since` keys that do not fit it. */
export function resolveLifecycle(reporter: PartReporter, entry: RawCode, path: DataPath): CodeLifecycle {
  const status = entry.status ?? "active";
  if (status !== "active" && entry.note === undefined) {
    reporter.error([...path, "status"], "lifecycle-note", `a ${status} code needs a \`note\`: why it is ${status} and what to use instead`);
  }
  if (status === "active") {
    for (const key of ["note", "replacement"] as const) {
      if (entry[key] !== undefined)
        reporter.error(
          [...path, key],
          "lifecycle-status",
          `\`${key}\` is only for a deprecated or retired code; set \`status\` or remove it`,
          "key",
        );
    }
  }
  if (entry.deprecatedSince !== undefined && status === "active") {
    reporter.error(
      [...path, "deprecatedSince"],
      "lifecycle-status",
      "`deprecatedSince` is only for a deprecated or retired code; set `status` or remove it",
      "key",
    );
  }
  if (entry.retiredSince !== undefined && status !== "retired") {
    reporter.error(
      [...path, "retiredSince"],
      "lifecycle-status",
      "`retiredSince` is only for a retired code; set `status: retired` or remove it",
      "key",
    );
  }
  return {
    status,
    note: entry.note,
    replacement: entry.replacement,
    since: entry.since,
    deprecatedSince: entry.deprecatedSince,
    retiredSince: entry.retiredSince,
  };
}

/** Checks that each replacement names another code that is not retired. */
export function checkReplacements(reporter: PartReporter, codes: readonly CodeEntry[]): void {
  // Made on the first replacement: most registries name none.
  let byName: Map<string, CodeEntry> | undefined;
  for (const [index, entry] of codes.entries()) {
    const { replacement } = entry.lifecycle;
    if (replacement === undefined) continue;
    byName ??= new Map(codes.map((each) => [each.name, each]));
    const target = byName.get(replacement);
    const at: DataPath = ["codes", index, "replacement"];
    if (target === undefined) reporter.error(at, "unknown-replacement", `replacement "${replacement}" names no code of this registry`);
    else if (target === entry) reporter.error(at, "unknown-replacement", `code ${entry.name} cannot replace itself`);
    else if (target.lifecycle.status === "retired")
      reporter.error(at, "unknown-replacement", `replacement "${replacement}" is retired; name a code in use`);
  }
}

/** The codes in use and the retired ones, each list in declaration order. */
export function splitRetired(codes: readonly CodeEntry[]): { readonly live: CodeEntry[]; readonly retired: CodeEntry[] } {
  return {
    live: codes.filter((entry) => entry.lifecycle.status !== "retired"),
    retired: codes.filter((entry) => entry.lifecycle.status === "retired"),
  };
}
