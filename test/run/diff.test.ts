import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHANGE_RULES, type ChangeRuleId } from "../../generator/model/diff/rules.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const REGISTRY = `id: demo
type: Demo
version: 1.0.0
locales: [en, de]
missingTranslations: source
ranges:
  - { from: 1, to: 99, name: App, description: App codes. }
  - { from: 50, to: 59, name: Auth, description: Auth codes. }
codes:
  - code: 1
    name: Ok
    description: Fine.
    aliases: [OK]
  - code: 2
    name: Gone
    description: Gone.
  - code: 51
    name: Denied
    description: Denied.
sets:
  - name: Good
    include: [1, 2]
`;

const GERMAN = `locale: de
ranges:
  App: App-Codes.
  Auth: Auth-Codes.
codes:
  Ok: Gut.
  Gone: Weg.
`;

const FILES = { "registry.yaml": REGISTRY, "registry.de.yaml": GERMAN };

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
}

/** A repository with `files` committed, then `edits` applied to the working tree (a file's text → a function of it, or null to delete it). */
async function history(
  files: Readonly<Record<string, string>>,
  edits: Readonly<Record<string, ((text: string) => string) | null>>,
): Promise<string> {
  const dir = await tempDir("codebook-diff-");
  await writeTree(dir, files);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    if (edit === null) await rm(target);
    else await writeFile(target, edit(files[file] ?? ""));
  }
  return dir;
}

/** `text` with `from` replaced by `to`, failing loudly when `from` is not there (so a case cannot silently test nothing). */
function swap(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the file`);
    return text.replace(from, to);
  };
}

interface JsonLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
interface JsonChange {
  readonly level: string;
  readonly rule: string;
  readonly message: string;
  readonly new: JsonLocation | null;
  readonly old: JsonLocation | null;
}
interface JsonReport {
  readonly against: string;
  readonly verdict: string;
  readonly registries: readonly {
    registry: string;
    verdict: string;
    version?: { ok: boolean; wanted?: string };
    changes: readonly JsonChange[];
  }[];
}

async function diffJson(dir: string, args: readonly string[]): Promise<{ code: number; report: JsonReport }> {
  const run = await runCli(["diff", "--json", ...args], dir);
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

const at = (file: string, line: number, column: number): JsonLocation => ({ file, line, column });

/** One case per rule: the edit, and where the change is in the new files and the old (HEAD:…) ones. */
const CASES: readonly {
  rule: ChangeRuleId;
  edits: Readonly<Record<string, ((text: string) => string) | null>>;
  newAt: JsonLocation | null;
  oldAt: JsonLocation | null;
}[] = [
  {
    rule: "code-removed",
    edits: {
      "registry.yaml": swap("  - code: 2\n    name: Gone\n    description: Gone.\n", ""),
      "registry.de.yaml": swap("  Gone: Weg.\n", ""),
    },
    newAt: at("registry.yaml", 10, 3),
    oldAt: at("HEAD:registry.yaml", 14, 5),
  },
  {
    rule: "code-renumbered",
    edits: { "registry.yaml": swap("code: 2\n", "code: 3\n") },
    newAt: at("registry.yaml", 14, 11),
    oldAt: at("HEAD:registry.yaml", 14, 11),
  },
  {
    rule: "code-renamed",
    edits: { "registry.yaml": swap("name: Gone", "name: Went"), "registry.de.yaml": swap("Gone:", "Went:") },
    newAt: at("registry.yaml", 15, 11),
    oldAt: at("HEAD:registry.yaml", 15, 11),
  },
  {
    rule: "alias-removed",
    edits: { "registry.yaml": swap("    aliases: [OK]\n", "") },
    newAt: at("registry.yaml", 10, 5),
    oldAt: at("HEAD:registry.yaml", 13, 15),
  },
  {
    rule: "code-retired",
    edits: { "registry.yaml": swap("description: Gone.\n", "description: Gone.\n    status: retired\n    note: Nobody sent it.\n") },
    newAt: at("registry.yaml", 17, 13),
    oldAt: at("HEAD:registry.yaml", 14, 5),
  },
  {
    rule: "set-removed",
    edits: { "registry.yaml": swap("sets:\n  - name: Good\n    include: [1, 2]\n", "") },
    newAt: null,
    oldAt: at("HEAD:registry.yaml", 21, 5),
  },
  {
    rule: "set-member-removed",
    edits: { "registry.yaml": swap("include: [1, 2]", "include: [1]") },
    newAt: at("registry.yaml", 22, 14),
    oldAt: at("HEAD:registry.yaml", 22, 14),
  },
  {
    rule: "guard-renamed",
    edits: { "registry.yaml": swap("  - name: Good\n", "  - name: Good\n    guard: isFine\n") },
    newAt: at("registry.yaml", 22, 12),
    oldAt: at("HEAD:registry.yaml", 21, 5),
  },
  {
    rule: "range-removed",
    edits: {
      "registry.yaml": swap("  - { from: 50, to: 59, name: Auth, description: Auth codes. }\n", ""),
      "registry.de.yaml": swap("  Auth: Auth-Codes.\n", ""),
    },
    newAt: at("registry.yaml", 7, 3),
    oldAt: at("HEAD:registry.yaml", 8, 5),
  },
  {
    rule: "range-changed",
    edits: { "registry.yaml": swap("from: 50, to: 59", "from: 52, to: 59") },
    newAt: at("registry.yaml", 8, 5),
    oldAt: at("HEAD:registry.yaml", 8, 5),
  },
  {
    rule: "locale-removed",
    edits: { "registry.yaml": swap("locales: [en, de]", "locales: [en]"), "registry.de.yaml": null },
    newAt: at("registry.yaml", 4, 10),
    oldAt: at("HEAD:registry.yaml", 4, 15),
  },
  {
    rule: "type-renamed",
    edits: { "registry.yaml": swap("type: Demo", "type: Sample") },
    newAt: at("registry.yaml", 2, 7),
    oldAt: at("HEAD:registry.yaml", 2, 7),
  },
  {
    rule: "id-changed",
    edits: { "registry.yaml": swap("id: demo", "id: sample") },
    newAt: at("registry.yaml", 1, 5),
    oldAt: at("HEAD:registry.yaml", 1, 5),
  },
  {
    rule: "code-added",
    edits: { "registry.yaml": swap("sets:\n", "  - { code: 3, name: Third, description: Third. }\nsets:\n") },
    newAt: at("registry.yaml", 20, 5),
    oldAt: null,
  },
  {
    rule: "code-deprecated",
    edits: {
      "registry.yaml": swap("description: Gone.\n", "description: Gone.\n    status: deprecated\n    note: Use Ok.\n    replacement: Ok\n"),
    },
    newAt: at("registry.yaml", 17, 13),
    oldAt: at("HEAD:registry.yaml", 14, 5),
  },
  {
    rule: "alias-added",
    edits: { "registry.yaml": swap("aliases: [OK]", "aliases: [OK, FINE]") },
    newAt: at("registry.yaml", 13, 19),
    oldAt: at("HEAD:registry.yaml", 13, 14),
  },
  {
    rule: "set-added",
    edits: { "registry.yaml": swap("    include: [1, 2]\n", "    include: [1, 2]\n  - name: Bad\n    include: [Denied]\n") },
    newAt: at("registry.yaml", 23, 5),
    oldAt: null,
  },
  {
    rule: "set-member-added",
    edits: { "registry.yaml": swap("include: [1, 2]", "include: [1, 2, 51]") },
    newAt: at("registry.yaml", 22, 14),
    oldAt: at("HEAD:registry.yaml", 22, 14),
  },
  {
    rule: "range-added",
    edits: { "registry.yaml": swap("codes:\n", "  - { from: 60, to: 69, name: Billing, description: Billing codes. }\ncodes:\n") },
    newAt: at("registry.yaml", 9, 5),
    oldAt: null,
  },
  {
    rule: "range-resized",
    edits: { "registry.yaml": swap("from: 50, to: 59", "from: 50, to: 58") },
    newAt: at("registry.yaml", 8, 5),
    oldAt: at("HEAD:registry.yaml", 8, 5),
  },
  {
    rule: "locale-added",
    edits: { "registry.yaml": swap("locales: [en, de]", "locales: [en, de, fr]") },
    newAt: at("registry.yaml", 4, 19),
    oldAt: at("HEAD:registry.yaml", 4, 10),
  },
  {
    rule: "retired-added",
    edits: {
      "registry.yaml": swap("sets:\n", "  - { code: 9, name: Never, description: Never used., status: retired, note: Reserved. }\nsets:\n"),
    },
    newAt: at("registry.yaml", 20, 5),
    oldAt: null,
  },
  {
    rule: "text-changed",
    edits: { "registry.yaml": swap("description: Fine.", "description: All fine.") },
    newAt: at("registry.yaml", 12, 18),
    oldAt: at("HEAD:registry.yaml", 12, 18),
  },
  {
    rule: "reference-changed",
    edits: { "registry.yaml": swap("description: Denied.\n", "description: Denied.\n    reference: RFC 1 §2\n") },
    newAt: at("registry.yaml", 20, 16),
    oldAt: at("HEAD:registry.yaml", 17, 5),
  },
  {
    rule: "translation-added",
    edits: { "registry.de.yaml": swap("  Gone: Weg.\n", "  Gone: Weg.\n  Denied: Verweigert.\n") },
    newAt: at("registry.de.yaml", 8, 11),
    oldAt: at("HEAD:registry.yaml", 19, 18),
  },
  {
    rule: "translation-changed",
    edits: { "registry.de.yaml": swap("Ok: Gut.", "Ok: Sehr gut.") },
    newAt: at("registry.de.yaml", 6, 7),
    oldAt: at("HEAD:registry.de.yaml", 6, 7),
  },
];

describe("codebook diff --against a git ref", () => {
  it("has a case for every rule", () => {
    // The two rules about a code that is deprecated already, and the field rules, have their own tests below.
    const own = [
      "code-undeprecated",
      "status-history-changed",
      "field-removed",
      "field-type-changed",
      "field-value-changed",
      "field-added",
      "field-values-added",
    ];
    expect(CASES.map((each) => each.rule).sort()).toEqual(
      Object.keys(CHANGE_RULES)
        .filter((rule) => !own.includes(rule))
        .sort(),
    );
  });

  it("README lists every rule with its level", async () => {
    const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (major|minor|patch) \| /gm)].map((match) => [match[1], match[2]]);
    expect(rows).toEqual(Object.entries(CHANGE_RULES).map(([rule, { level }]) => [rule, level]));
  });

  it.each(CASES)("$rule: its level, with where it is now and where it was", async ({ rule, edits, newAt, oldAt }) => {
    const dir = await history(FILES, edits);
    const { report } = await diffJson(dir, ["--against", "HEAD", "registry.yaml"]);
    const change = report.registries[0]!.changes.find((each) => each.rule === rule);
    expect(change, JSON.stringify(report.registries[0]!.changes)).toBeDefined();
    expect(change!.level).toBe(CHANGE_RULES[rule].level);
    if (newAt !== null) expect(change!.new).toEqual(newAt);
    expect(change!.old).toEqual(oldAt);
    expect(report.verdict).toBe(CHANGE_RULES[rule].level);
  });

  it("code-undeprecated and status-history-changed: a deprecated code made active, and a changed note", async () => {
    const deprecated = swap("description: Gone.\n", "description: Gone.\n    status: deprecated\n    note: Use Ok.\n")(REGISTRY);
    const files = { ...FILES, "registry.yaml": deprecated, "other.yaml": swap("id: demo", "id: other")(deprecated) };
    const dir = await history(files, {
      "registry.yaml": swap("    status: deprecated\n    note: Use Ok.\n", ""),
      "other.yaml": swap("note: Use Ok.", "note: Use Ok instead."),
    });
    const { report } = await diffJson(dir, ["--against", "HEAD", "registry.yaml", "other.yaml"]);
    expect(report.registries.map((each) => each.changes.map((change) => [change.rule, change.level, change.new, change.old]))).toEqual([
      [["code-undeprecated", "minor", at("registry.yaml", 14, 5), at("HEAD:registry.yaml", 17, 13)]],
      [["status-history-changed", "patch", at("other.yaml", 18, 11), at("HEAD:other.yaml", 18, 11)]],
    ]);
  });

  it("prints the changes grouped by level, highest first, and the verdict", async () => {
    const dir = await history(FILES, {
      "registry.yaml": (text) => swap("name: Gone", "name: Went")(swap("description: Fine.", "description: All fine.")(text)),
      "registry.de.yaml": swap("Gone:", "Went:"),
    });
    const run = await runCli(["diff", "--against", "HEAD", "registry.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      "registry.yaml (demo) against HEAD: major",
      "major (1):",
      "  registry.yaml:15:11: code-renamed: code 2 renamed from Gone to Went (was HEAD:registry.yaml:15:11)",
      "patch (1):",
      "  registry.yaml:12:18: text-changed: code 1 (Ok): the en text changed (was HEAD:registry.yaml:12:18)",
      "  error: version 1.0.0 → 1.0.0 does not raise it, but the changes are major: raise it to at least 2.0.0",
      "codebook: verdict major (1 major, 0 minor, 1 patch)",
    ]);
  });

  it.each([
    ["major", "--fail-on major", 1],
    ["major", "--fail-on patch", 1],
    ["minor", "--fail-on major", 0],
    ["minor", "--fail-on minor", 1],
    ["patch", "--fail-on minor", 0],
    ["patch", "--fail-on patch", 1],
    ["none", "--fail-on patch", 0],
  ] as const)("exits by the verdict: %s with %s exits %i", async (level, flag, code) => {
    const edit = {
      major: swap("name: Gone", "name: Went"),
      minor: swap("aliases: [OK]", "aliases: [OK, FINE]"),
      patch: swap("description: Fine.", "description: All fine."),
      none: (text: string) => text,
    }[level];
    const bump = { major: "2.0.0", minor: "1.1.0", patch: "1.0.1", none: "1.0.0" }[level];
    const dir = await history(FILES, {
      "registry.yaml": (text) => edit(text).replace("version: 1.0.0", `version: ${bump}`),
      ...(level === "major" ? { "registry.de.yaml": swap("Gone:", "Went:") } : {}),
    });
    const run = await runCli(["diff", "--against", "HEAD", "registry.yaml", ...flag.split(" ")], dir);
    expect(run.stdout.split("\n").at(-1)).toMatch(new RegExp(`^codebook: verdict ${level} `));
    expect(run.code).toBe(code);
  });

  it("fails when the declared version is not raised as far as the verdict, and says to what", async () => {
    const dir = await history(FILES, {
      "registry.yaml": (text) => swap("aliases: [OK]", "aliases: [OK, FINE]")(text).replace("version: 1.0.0", "version: 1.0.1"),
    });
    const { code, report } = await diffJson(dir, ["--against", "HEAD", "registry.yaml"]);
    expect(report.registries[0]!.version).toMatchObject({ ok: false, wanted: "1.1.0" });
    expect(code).toBe(1);
  });

  it("finds a change inside an extended registry, located in that file", async () => {
    const app = "extends: ./registry.yaml\nid: app\ncodes:\n  - { code: 60, name: Extra, description: Extra. }\n";
    const dir = await history({ ...FILES, "app.yaml": app }, { "registry.yaml": swap("include: [1, 2]", "include: [1]") });
    const { report } = await diffJson(dir, ["--against", "HEAD", "app.yaml"]);
    expect(report.registries[0]!.changes).toEqual([
      {
        level: "major",
        rule: "set-member-removed",
        message: "set Good no longer holds 2",
        new: at("registry.yaml", 22, 14),
        old: at("HEAD:registry.yaml", 22, 14),
      },
    ]);
  });

  it("reads the registries of the config file when none is named, from a subfolder of the repository", async () => {
    const config = JSON.stringify({ registries: [{ registry: "codes/registry.yaml", outDir: "out" }] });
    const files = { "codebook.config.json": config, "codes/registry.yaml": REGISTRY, "codes/registry.de.yaml": GERMAN };
    const dir = await history(files, { "codes/registry.de.yaml": swap("Ok: Gut.", "Ok: Sehr gut.") });
    const { report } = await diffJson(dir, ["--against", "HEAD"]);
    expect(report.registries.map((each) => [each.registry, each.verdict])).toEqual([["codes/registry.yaml", "patch"]]);
    expect(report.registries[0]!.changes[0]!.old).toEqual(at("HEAD:codes/registry.de.yaml", 6, 7));
  });

  it("compares with an older commit, and a registry the ref does not have is new", async () => {
    const dir = await history(FILES, {});
    git(dir, "tag", "v1");
    await writeFile(path.join(dir, "registry.yaml"), swap("name: Gone", "name: Went")(REGISTRY));
    await writeFile(path.join(dir, "registry.de.yaml"), swap("Gone:", "Went:")(GERMAN));
    await writeTree(dir, {
      "other.yaml": "id: other\ntype: Other\nlocales: [en]\ncodes:\n  - { code: 1, name: One, description: One. }\n",
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "rename");
    expect((await diffJson(dir, ["--against", "HEAD", "registry.yaml"])).report.verdict).toBe("none");
    const { report } = await diffJson(dir, ["--against", "v1", "registry.yaml", "other.yaml"]);
    expect(report.registries.map((each) => [each.registry, each.verdict])).toEqual([
      ["registry.yaml", "major"],
      ["other.yaml", "minor"],
    ]);
  });

  it("reports a ref that names no commit, and a folder outside git, in one line with exit 1", async () => {
    const dir = await history(FILES, {});
    const run = await runCli(["diff", "--against", "no-such-branch", "registry.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^codebook: --against no-such-branch: not a commit, branch or tag of the repository at .+$/);
    const outside = await tempDir();
    await writeTree(outside, FILES);
    const away = await runCli(["diff", "--against", "HEAD", "registry.yaml"], outside);
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(/is not inside a git repository$/);
  });

  it("asks for --against and refuses an unknown --fail-on level as usage errors", async () => {
    const dir = await tempDir();
    expect((await runCli(["diff", "registry.yaml"], dir)).code).toBe(2);
    expect((await runCli(["diff", "--against", "HEAD", "--fail-on", "huge"], dir)).stderr).toContain(
      "--fail-on must be one of major, minor, patch",
    );
  });
});

describe("the diff API", () => {
  it("compares two loaded registries model to model, and diffs a git ref like the CLI", async () => {
    const dir = await history(FILES, { "registry.yaml": swap("name: Gone", "name: Went"), "registry.de.yaml": swap("Gone:", "Went:") });
    const { compareRegistries, diffRegistries, loadRegistry } = await import("../../generator/index.js");
    const before = await loadRegistry("registry.yaml", { cwd: dir });
    const after = await loadRegistry("registry.yaml", { cwd: dir });
    expect(compareRegistries(before, after)).toEqual({ changes: [], verdict: "none" });
    const outcome = await diffRegistries({ cwd: dir, registries: ["registry.yaml"], against: "HEAD" });
    expect(outcome.ok && outcome.result.registries[0]!.changes.map((change) => [change.rule, change.level])).toEqual([
      ["code-renamed", "major"],
    ]);
  });
});

/** A registry with fields, for the field rules: each edit below makes one change of its own. */
const FIELDS_REGISTRY = `id: tasks
type: Task
locales: [en]
fields:
  - { name: retryable, type: boolean, default: false }
  - { name: severity, type: one-of, values: [info, error], default: error }
  - { name: owner, type: string, default: core }
  - { name: weight, type: integer, default: 1 }
codes:
  - code: 1
    name: Busy
    description: Busy.
    fields: { retryable: true }
  - code: 2
    name: Broken
    description: Broken.
`;

const FIELD_EDITS = [
  swap("  - { name: owner, type: string, default: core }\n", ""),
  swap("{ name: weight, type: integer, default: 1 }", "{ name: weight, type: number, default: 1 }"),
  swap("fields: { retryable: true }", "fields: { retryable: false }"),
  swap("values: [info, error]", "values: [info, warning, error]"),
  swap("    description: Broken.\n", "    description: Broken.\n    fields: { severity: warning }\n"),
  swap("codes:\n", "  - { name: team, type: string, default: core }\ncodes:\n"),
];

describe("codebook diff of fields", () => {
  it("finds a field removed, retyped or added, a one-of's new values and codes' changed values, each located", async () => {
    const dir = await history(
      { "registry.yaml": FIELDS_REGISTRY },
      { "registry.yaml": (text) => FIELD_EDITS.reduce((edited, edit) => edit(edited), text) },
    );
    const { code, report } = await diffJson(dir, ["--against", "HEAD", "registry.yaml", "--fail-on", "major"]);
    expect(code).toBe(1);
    expect(report.registries[0]!.changes.map((each) => [each.rule, each.level, each.message, each.new, each.old])).toEqual([
      [
        "field-value-changed",
        "major",
        "code 1 (Busy): field retryable changed from true to false",
        at("registry.yaml", 13, 26),
        at("HEAD:registry.yaml", 13, 26),
      ],
      [
        "field-value-changed",
        "major",
        'code 2 (Broken): field severity changed from "error" to "warning"',
        at("registry.yaml", 17, 25),
        at("HEAD:registry.yaml", 14, 5),
      ],
      [
        "field-removed",
        "major",
        "field owner removed (its lookup and its property of the record go)",
        at("registry.yaml", 5, 3),
        at("HEAD:registry.yaml", 7, 5),
      ],
      [
        "field-type-changed",
        "major",
        "field weight changed from integer to number",
        at("registry.yaml", 7, 27),
        at("HEAD:registry.yaml", 8, 27),
      ],
      ["field-values-added", "minor", "field severity now allows warning", at("registry.yaml", 6, 45), at("HEAD:registry.yaml", 6, 45)],
      ["field-added", "minor", "field team (string) added", at("registry.yaml", 8, 5), null],
    ]);
  });

  it("reads the fields back from a previous <id>.json", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "registry.yaml": FIELDS_REGISTRY });
    expect((await runCli(["generate", "registry.yaml", "--targets", "json", "--out", "data"], dir)).code).toBe(0);
    const unchanged = await diffJson(dir, ["--against", "data/tasks.json", "registry.yaml"]);
    expect(unchanged.report.verdict).toBe("none");
    await writeFile(
      path.join(dir, "registry.yaml"),
      FIELD_EDITS.reduce((edited, edit) => edit(edited), FIELDS_REGISTRY),
    );
    const { report } = await diffJson(dir, ["--against", "data/tasks.json", "registry.yaml"]);
    expect(report.registries[0]!.changes.map((each) => each.rule)).toEqual([
      "field-value-changed",
      "field-value-changed",
      "field-removed",
      "field-type-changed",
      "field-values-added",
      "field-added",
    ]);
  });
});

describe("codebook diff --against a previous <id>.json", () => {
  it("compares with the data file a package ships, located in it", async () => {
    const dir = await tempDir();
    await writeTree(dir, FILES);
    expect((await runCli(["generate", "registry.yaml", "--targets", "json", "--out", "node_modules/demo-codes"], dir)).code).toBe(0);
    await writeFile(path.join(dir, "registry.yaml"), swap("code: 2\n", "code: 3\n")(swap("include: [1, 2]", "include: [1, 51]")(REGISTRY)));
    const { code, report } = await diffJson(dir, ["--against", "node_modules/demo-codes/demo.json", "registry.yaml", "--fail-on", "major"]);
    expect(code).toBe(1);
    const json = "node_modules/demo-codes/demo.json";
    const text = await readFile(path.join(dir, json), "utf8");
    const lineOf = (needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    // A set's members are a list of [from, to] pairs: the change is placed at the list.
    expect(report.registries[0]!.changes.map((each) => [each.rule, each.new?.line, each.old?.file, each.old?.line])).toEqual([
      ["code-renumbered", 14, json, lineOf('"code": 2')],
      ["set-member-removed", 22, json, lineOf('"members"')],
      ["set-member-added", 22, json, lineOf('"members"')],
    ]);
  });

  it("refuses a JSON file that is not a registry's data", async () => {
    const dir = await tempDir();
    await writeTree(dir, { ...FILES, "package.json": "{}\n" });
    const run = await runCli(["diff", "--against", "package.json", "registry.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("package.json:1:1: error: not a registry's JSON data");
  });

  it("of the default registry finds no change against the committed data", async () => {
    const { report } = await diffJson(repoRoot, ["--against", "generated/close-codes.json", "schema/close-codes.yaml"]);
    expect(report.verdict).toBe("none");
  });
});
