import { type Verdict, verdictRank } from "./rules.js";

/** A declared version against a comparison's verdict: whether the bump from the old version is enough. */
export interface VersionCheck {
  readonly before: string;
  readonly after: string;
  /** The level of the bump: `none` when the version did not change (or went down). */
  readonly bump: Verdict;
  readonly ok: boolean;
  /** The smallest version that would be enough, when `ok` is false. */
  readonly wanted: string | undefined;
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

function parts(version: string): [number, number, number] | undefined {
  const match = SEMVER.exec(version.trim());
  return match === null ? undefined : [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * The level of a version bump. Below 1.0.0 the levels shift down, as npm's caret ranges read them: 0.3.0 → 0.4.0
 * is major, 0.3.0 → 0.3.1 minor (and patch for a pre-release or build suffix alone).
 */
function bumpLevel(before: [number, number, number], after: [number, number, number]): Verdict {
  const [major, minor, patch] = before;
  const [nextMajor, nextMinor, nextPatch] = after;
  if (nextMajor !== major) return nextMajor > major ? "major" : "none";
  if (nextMinor !== minor) return nextMinor > minor ? (major === 0 ? "major" : "minor") : "none";
  if (nextPatch !== patch) return nextPatch > patch ? (major === 0 ? "minor" : "patch") : "none";
  return "none";
}

/** The smallest version after `before` whose bump reaches `verdict`. */
function wantedVersion([major, minor, patch]: [number, number, number], verdict: Verdict): string {
  if (major === 0) return verdict === "major" ? `0.${minor + 1}.0` : `0.${minor}.${patch + 1}`;
  if (verdict === "major") return `${major + 1}.0.0`;
  return verdict === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/**
 * Checks a version bump against a verdict; `undefined` when either version is not declared or is not
 * `MAJOR.MINOR.PATCH` (nothing to check).
 */
export function checkVersionBump(before: string | undefined, after: string | undefined, verdict: Verdict): VersionCheck | undefined {
  if (before === undefined || after === undefined) return undefined;
  const old = parts(before);
  const next = parts(after);
  if (old === undefined || next === undefined) return undefined;
  const bump = bumpLevel(old, next);
  const ok = verdictRank(bump) >= verdictRank(verdict);
  return { before, after, bump, ok, wanted: ok ? undefined : wantedVersion(old, verdict) };
}
