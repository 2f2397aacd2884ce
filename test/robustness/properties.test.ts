import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { moduleNames } from "../../generator/emit/ts/names.js";
import { readSourceFile } from "../../generator/load/source-file.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { renderRegistry } from "../../generator/run/render.js";
import { validate } from "../../generator/run/validate.js";
import { importTypeScript } from "../helpers/module.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";
import { drawRegistry, Oracle, type RawRegistry } from "./registry-arbitrary.js";

/**
 * Seeded, so that a failure reproduces (fast-check prints the seed and the shrunk case). To hunt for bugs, run
 * more cases with another seed: `FC_SEED=7 FC_RUNS=2000 npx vitest run test/robustness/properties.test.ts`.
 */
const SEED = Number(process.env.FC_SEED ?? 20_240_611);
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

type Guard = (value: unknown) => boolean;
type Lookup<T> = (code: number) => T;

/** Loads a registry written as YAML to a file, as the CLI would. */
async function load(dir: string, yaml: string) {
  const file = path.join(dir, "registry.yaml");
  await writeFile(file, yaml);
  return tryLoadRegistry(file, { cwd: dir });
}

describe("random valid registries", () => {
  it("generate, compile under the strictest flags, and agree with the registry for any integer", async () => {
    const dir = await tempDir();
    const sources: Record<string, string> = {};
    const yamlOf: Record<string, string> = {};
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.array(fc.integer({ min: -70_000, max: 70_000 }), { maxLength: 40 }), async (g, randomValues) => {
        const raw = drawRegistry(g);
        const yaml = stringify(raw);
        const loaded = await load(dir, yaml);
        if (!loaded.ok)
          throw new Error(
            `a valid registry was refused:\n${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n")}`,
          );
        const files = await renderRegistry(loaded.registry, { outDir: dir });
        const ts = files.find((file) => file.path === `${raw.id}.ts`)!.contents;
        run += 1;
        sources[`r${run}.ts`] = ts;
        yamlOf[`r${run}.ts`] = yaml;
        checkModule(raw, await importTypeScript(dir, `r${run}`, ts), randomValues);
      }),
      { seed: SEED, numRuns: runs(30) },
    );
    // One tsc run for every module: each costs about as much to start as to check them all.
    await writeFile(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const compiled = await compileStrict(dir, sources);
    const failing = [...new Set([...compiled.output.matchAll(/^(r\d+\.ts)\(/gm)].map((match) => match[1]!))];
    expect(failing.map((file) => `${file}:\n${yamlOf[file]}`)).toEqual([]);
    expect(compiled).toEqual({ ok: true, output: "" });
  });
});

/** Asks the generated module about every edge value and some random integers, and compares with the oracle. */
function checkModule(raw: RawRegistry, module: Record<string, unknown>, randomValues: readonly number[]): void {
  const oracle = new Oracle(raw);
  const names = moduleNames({ type: raw.type, locales: raw.locales } as unknown as Parameters<typeof moduleNames>[0]);
  const isCode = module[names.isType] as Guard;
  const getName = module[names.getName] as Lookup<string | undefined>;
  // A registry without ranges has no range API at all.
  const hasRanges = (raw.ranges ?? []).length > 0;
  expect(names.getRange in module, names.getRange).toBe(hasRanges);
  const getRange = hasRanges ? (module[names.getRange] as Lookup<{ name: string; from: number; to: number } | undefined>) : () => undefined;
  const describeCode = module[names.describe] as (code: number, locale?: string) => string;
  const resolveLocale = module[names.resolveLocale] as (requested?: string) => string;
  const values = [...oracle.edgeValues(), ...randomValues];
  for (const value of values) {
    expect(isCode(value), `${names.isType}(${value})`).toBe(oracle.isCode(value));
    expect(getName(value), `${names.getName}(${value})`).toBe(Number.isInteger(value) ? oracle.name(value) : undefined);
    expect(getRange(value)?.name, `${names.getRange}(${value})`).toBe(oracle.range(value)?.name);
    for (const locale of raw.locales)
      expect(describeCode(value, locale), `${names.describe}(${value}, ${locale})`).toBe(oracle.describe(value, locale));
    (raw.sets ?? []).forEach((set, index) => {
      const guard = module[set.guard ?? `is${set.name}${raw.type}`] as Guard;
      expect(guard(value), `${set.guard ?? set.name}(${value})`).toBe(oracle.inSet(index, value));
    });
  }
  for (const value of ["1", null, undefined, {}, [], true, 1n, String(raw.codes[0]!.code)]) expect(isCode(value)).toBe(false);
  for (const requested of [undefined, "xx", "EN-gb", "de_AT", "zh-Hant-TW-x-private", "pt", ...raw.locales]) {
    expect(resolveLocale(requested)).toBe(oracle.resolveLocale(requested));
    expect(describeCode(raw.codes[0]!.code, requested)).toBe(oracle.describe(raw.codes[0]!.code, requested));
  }
}

/** Valid registries to mutate: the committed examples and random ones. */
const seeds = await Promise.all(
  ["schema/close-codes.yaml", "examples/http-status/http-status.yaml", "test/fixtures/hostile/hostile.yaml"].map((file) =>
    readFile(path.join(repoRoot, file), "utf8"),
  ),
);

/** Characters that mean something to YAML, to JSON Schema's patterns, or to a decoder. */
const INJECTED = [
  ":",
  ": ",
  "-",
  "- ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a",
  "*a",
  "!",
  "!!str",
  "|",
  ">",
  "'",
  '"',
  "#",
  "%",
  "@",
  "`",
  "\t",
  "\n",
  "\r\n",
  "\uFEFF",
  "\u0000",
  "\u2028",
  "\\",
  "\\u",
  "0x",
  "1e999",
  "-0",
  ".inf",
  "~",
  "null",
  "__proto__",
  "<<: *a",
  "---",
  "...",
];

const textMutation = fc.gen().map((g) => (yaml: string): string => {
  const lines = yaml.split("\n");
  const line = () => g(fc.integer, { min: 0, max: lines.length - 1 });
  switch (g(fc.integer, { min: 0, max: 4 })) {
    case 0:
      lines.splice(line(), 1);
      return lines.join("\n");
    case 1: {
      const index = line();
      lines.splice(index, 0, lines[index]!);
      return lines.join("\n");
    }
    case 2: {
      const [a, b] = [line(), line()];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case 3: {
      const offset = g(fc.integer, { min: 0, max: yaml.length });
      return `${yaml.slice(0, offset)}${g(fc.constantFrom, ...INJECTED)}${yaml.slice(offset)}`;
    }
    default: {
      const numbers = [...yaml.matchAll(/-?\d+/g)];
      if (numbers.length === 0) return yaml;
      const match = numbers[g(fc.integer, { min: 0, max: numbers.length - 1 })]!;
      const replacement = g(
        fc.constantFrom,
        "0",
        "-1",
        "1.5",
        "9007199254740993",
        "99999999999999999999",
        "1000",
        '"1"',
        "[]",
        "{}",
        "",
        "1e3",
        "0x10",
      );
      return `${yaml.slice(0, match.index)}${replacement}${yaml.slice(match.index + match[0].length)}`;
    }
  }
});

/** Mutations of the data: delete, duplicate or retype a value anywhere, rename a key, swap two numbers. */
const dataMutation = fc.gen().map((g) => (data: unknown): unknown => {
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    const children: [string | number, unknown][] = Array.isArray(node)
      ? [...node.entries()]
      : node !== null && typeof node === "object"
        ? Object.entries(node)
        : [];
    for (const [key, value] of children) {
      containers.push({ parent: node as Record<string, unknown> | unknown[], key });
      walk(value);
    }
  };
  walk(data);
  if (containers.length === 0) return data;
  const { parent, key } = containers[g(fc.integer, { min: 0, max: containers.length - 1 })]!;
  const record = parent as Record<string | number, unknown>;
  switch (g(fc.integer, { min: 0, max: 4 })) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      break;
    case 1:
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else record[`${String(key)}${g(fc.constantFrom, "", "s", "_", "X")}`] = structuredClone(record[key]);
      break;
    case 2:
      record[key] = g(fc.constantFrom, null, [], {}, "", " ", 0, -1, 1.5, true, "x", [1], { a: 1 }, "NaN", "class", "__proto__", "../x");
      break;
    case 3: {
      if (Array.isArray(parent)) break;
      const value = record[key];
      delete record[key];
      record[g(fc.constantFrom, "name", "code", "from", "to", "en", "de", "constructor", "unknownKey", String(key).toUpperCase())] = value;
      break;
    }
    default: {
      const numbers = containers.filter((item) => typeof (item.parent as Record<string | number, unknown>)[item.key] === "number");
      if (numbers.length < 2) break;
      const a = numbers[g(fc.integer, { min: 0, max: numbers.length - 1 })]!;
      const b = numbers[g(fc.integer, { min: 0, max: numbers.length - 1 })]!;
      const left = (a.parent as Record<string | number, unknown>)[a.key];
      (a.parent as Record<string | number, unknown>)[a.key] = (b.parent as Record<string | number, unknown>)[b.key];
      (b.parent as Record<string | number, unknown>)[b.key] = left;
    }
  }
  return data;
});

describe("random mutations of valid registries", () => {
  const seedYaml = fc.oneof(
    fc.constantFrom(...seeds),
    fc.gen().map((g) => stringify(drawRegistry(g))),
  );

  /** Validates a mutated registry: valid, or refused with located diagnostics; and a valid one generates. */
  async function checkMutant(dir: string, yaml: string): Promise<void> {
    const file = path.join(dir, "mutant.yaml");
    await writeFile(file, yaml);
    const diagnostics = await validate({ registries: ["mutant.yaml"], cwd: dir });
    const lineCount = yaml.split(/\r\n|\r|\n|\u2028|\u2029/).length;
    for (const diagnostic of diagnostics) {
      expect(diagnostic.file).toBe("mutant.yaml");
      expect(diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.line).toBeLessThanOrEqual(lineCount + 1);
      expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      expect(diagnostic.message).toMatch(/\S/);
      expect(diagnostic.message).not.toMatch(/must match pattern|must NOT have|must have required property/);
    }
    if (diagnostics.length === 0) {
      const loaded = await tryLoadRegistry(file, { cwd: dir });
      if (!loaded.ok) throw new Error("validate and load disagree");
      expect((await renderRegistry(loaded.registry, { outDir: dir })).length).toBeGreaterThan(0);
    }
  }

  it("of the text: valid, or refused with located errors; never a crash", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(seedYaml, fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (yaml, mutations) => {
        await checkMutant(
          dir,
          mutations.reduce((text, mutate) => mutate(text), yaml),
        );
      }),
      { seed: SEED, numRuns: runs(50) },
    );
  });

  it("of the data: valid, or refused with located errors; never a crash", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(seedYaml, fc.array(dataMutation, { minLength: 1, maxLength: 3 }), async (yaml, mutations) => {
        const data = mutations.reduce((value, mutate) => mutate(value), parse(yaml) as unknown);
        await checkMutant(dir, stringify(data));
      }),
      { seed: SEED, numRuns: runs(50) },
    );
  });
});

describe("random bytes", () => {
  it("are read exactly when they are UTF-8, and refused at a position otherwise", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "bytes.yaml");
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5));
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 12 }), async (values) => {
        const bytes = Buffer.from(values);
        await writeFile(file, bytes);
        const read = await readSourceFile(file, process.cwd());
        let decoded: string | undefined;
        try {
          decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          decoded = undefined;
        }
        if (decoded === undefined) {
          expect(read.ok).toBe(false);
          if (!read.ok)
            expect(read.diagnostics[0]).toMatchObject({ code: "not-utf8", line: expect.any(Number), column: expect.any(Number) });
        } else {
          expect(read.ok && read.source.text).toBe(decoded);
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
