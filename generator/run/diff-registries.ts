import { existsSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, Result, SourceLocation } from "../diagnostics/index.js";
import { GitReadError } from "../load/git-read-error.js";
import { copyRegistryAtRef, openTreeAtRef, type TreeAtRef } from "../load/git-tree.js";
import { packageVersionOf } from "../load/package-version.js";
import { locateSubjects, type SubjectLocator } from "../load/subject-locator.js";
import type { RegistryChange } from "../model/diff/changes.js";
import { compareRegistries } from "../model/diff/compare-registries.js";
import { type ChangeLevel, type ChangeRuleId, type Verdict, verdictOf } from "../model/diff/rules.js";
import { checkVersionBump, type VersionCheck } from "../model/diff/version-bump.js";
import { loadJsonBaseline } from "../model/json-baseline.js";
import { tryLoadRegistry } from "../model/load-model.js";
import type { Registry } from "../model/registry.js";

/** A change with its places: in the new files, and where it was in the old ones (`HEAD:schema/codes.yaml`). */
export interface LocatedChange {
  readonly rule: ChangeRuleId;
  readonly level: ChangeLevel;
  readonly message: string;
  readonly new: SourceLocation | undefined;
  readonly old: SourceLocation | undefined;
}

/** The comparison of one registry with its baseline. */
export interface RegistryDiff {
  /** The registry file, relative to the working folder. */
  readonly registry: string;
  readonly id: string;
  /** True when the baseline has no such registry: everything in it is new. */
  readonly added: boolean;
  readonly verdict: Verdict;
  readonly changes: readonly LocatedChange[];
  /** The declared version's bump against the verdict, when both states declare one. */
  readonly version: VersionCheck | undefined;
}

/** Every registry's comparison and the verdict over all of them. */
export interface DiffResult {
  readonly against: string;
  readonly verdict: Verdict;
  readonly registries: readonly RegistryDiff[];
}

/** The comparison, the inputs' diagnostics, or a baseline that cannot be read (no repository, no such ref, no git). */
export type DiffOutcome = Result<{ readonly result: DiffResult }> | { readonly ok: false; readonly problem: string };

/** What to compare: the registries (absolute paths or relative to `cwd`) and the baseline, a git ref or a `<id>.json`. */
export interface DiffOptions {
  readonly cwd: string;
  readonly registries: readonly string[];
  readonly against: string;
}

/** One side of a comparison: the model and where its subjects are written. */
interface Side {
  readonly registry: Registry;
  readonly locate: SubjectLocator;
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join("/") || ".";
}

async function loadSide(file: string, cwd: string, rename?: (file: string) => string): Promise<Result<{ readonly side: Side }>> {
  const loaded = await tryLoadRegistry(file, { cwd });
  if (!loaded.ok)
    return {
      ok: false,
      diagnostics: rename === undefined ? loaded.diagnostics : loaded.diagnostics.map((each) => ({ ...each, file: rename(each.file) })),
    };
  return { ok: true, side: { registry: loaded.registry, locate: await locateSubjects(loaded.files, cwd, rename) } };
}

/** Places each change: a subject gone from the new registry is shown at its list there (`codes`), and so on. */
function locateChange(change: RegistryChange, newSide: Side, oldSide: Side | undefined): LocatedChange {
  const parent = (key: string | undefined): string | undefined => key?.split(".")[0];
  return {
    rule: change.rule,
    level: change.level,
    message: change.message,
    new: newSide.locate(change.newKey ?? parent(change.oldKey) ?? ""),
    // An addition was nowhere in the old files; a removal is shown at its list in the new ones.
    old: change.oldKey === undefined ? undefined : oldSide?.locate(change.oldKey),
  };
}

/** The highest verdict of the registries. */
function overallVerdict(results: readonly RegistryDiff[]): Verdict {
  return verdictOf(results.map((each) => each.verdict).filter((each): each is ChangeLevel => each !== "none"));
}

/** The comparison of one loaded registry with its old state (`undefined`: it is new). */
function diffOne(
  cwd: string,
  newSide: Side,
  oldSide: Side | undefined,
  guardsKnown: boolean,
  versions: readonly [string | undefined, string | undefined] = [oldSide?.registry.version, newSide.registry.version],
): RegistryDiff {
  const registry = relative(cwd, newSide.registry.sourcePath);
  if (oldSide === undefined) {
    return { registry, id: newSide.registry.id, added: true, verdict: "minor", changes: [], version: undefined };
  }
  const comparison = compareRegistries(oldSide.registry, newSide.registry, { guardsKnown });
  return {
    registry,
    id: newSide.registry.id,
    added: false,
    verdict: comparison.verdict,
    changes: comparison.changes.map((change) => locateChange(change, newSide, oldSide)),
    version: checkVersionBump(versions[0], versions[1], comparison.verdict),
  };
}

/** Loads each registry now and at the git ref, through a mirror of the ref's files. */
async function diffAgainstRef(options: DiffOptions, files: readonly string[], news: readonly Side[]): Promise<DiffOutcome> {
  let tree: TreeAtRef;
  try {
    tree = await openTreeAtRef(options.cwd, options.against);
  } catch (error) {
    if (error instanceof GitReadError) return { ok: false, problem: error.message };
    throw error;
  }
  try {
    const cwdAtRef = tree.mirror(options.cwd);
    const rename = (file: string): string =>
      `${options.against}:${path.relative(tree.root, path.resolve(cwdAtRef, file)).split(path.sep).join("/")}`;
    const results: RegistryDiff[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const [index, file] of files.entries()) {
      const existed = await copyRegistryAtRef(tree, file);
      if (!existed) {
        results.push(diffOne(options.cwd, news[index]!, undefined, true));
        continue;
      }
      const old = await loadSide(tree.mirror(file), cwdAtRef, rename);
      if (!old.ok) {
        diagnostics.push(...old.diagnostics);
        continue;
      }
      // A registry without a version of its own is versioned by the package that holds it.
      const before = old.side.registry.version ?? (await packageVersionOf(tree.mirror(file), tree.root));
      const after = news[index]!.registry.version ?? (await packageVersionOf(file, tree.repository));
      results.push(diffOne(options.cwd, news[index]!, old.side, true, [before, after]));
    }
    if (diagnostics.length > 0) return { ok: false, diagnostics };
    return { ok: true, result: { against: options.against, verdict: overallVerdict(results), registries: results } };
  } finally {
    await tree.dispose();
  }
}

/** Compares with a `<id>.json`: the registry of the same id (or the only one). */
async function diffAgainstJson(options: DiffOptions, news: readonly Side[]): Promise<DiffOutcome> {
  const file = path.resolve(options.cwd, options.against);
  const baseline = await loadJsonBaseline(file, options.cwd);
  if (!baseline.ok) return baseline;
  const old: Side = { registry: baseline.registry, locate: await locateSubjects([file], options.cwd) };
  const matching = news.filter((side) => side.registry.id === old.registry.id);
  const compared = matching.length > 0 ? matching : news.length === 1 ? news : [];
  if (compared.length === 0) {
    const ids = news.map((side) => side.registry.id).join(", ");
    const message = `no registry has the id "${old.registry.id}" of this JSON data (the registries are ${ids}); name the registry to compare it with`;
    return { ok: false, diagnostics: [{ file: relative(options.cwd, file), line: 1, column: 1, code: "diff-baseline", message }] };
  }
  // Without a version of its own, the data is versioned by the package it ships in, and the registry by its own.
  const before = old.registry.version ?? (await packageVersionOf(file, path.parse(file).root));
  const results: RegistryDiff[] = [];
  for (const side of compared) {
    const after = side.registry.version ?? (await packageVersionOf(side.registry.sourcePath, path.parse(side.registry.sourcePath).root));
    results.push(diffOne(options.cwd, side, old, false, [before, after]));
  }
  return { ok: true, result: { against: relative(options.cwd, file), verdict: overallVerdict(results), registries: results } };
}

/**
 * Compares registries with a baseline: their state at a git ref (read through git, with the registries they
 * extend and their locale files), or a `<id>.json` that codebook generated (a `.json` file that exists).
 * Every change is classified by its rule and located in the new files and the old.
 */
export async function diffRegistries(options: DiffOptions): Promise<DiffOutcome> {
  const files = options.registries.map((file) => path.resolve(options.cwd, file));
  const news: Side[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const loaded = await loadSide(file, options.cwd);
    if (loaded.ok) news.push(loaded.side);
    else diagnostics.push(...loaded.diagnostics);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const json = options.against.toLowerCase().endsWith(".json") && existsSync(path.resolve(options.cwd, options.against));
  return json ? diffAgainstJson(options, news) : diffAgainstRef(options, files, news);
}
