import path from "node:path";
import { Node, Project, type SourceFile, SyntaxKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../generator/diagnostics/index.js";
import { fieldNames, globalsRead, moduleBindings, moduleNames, setNames } from "../../generator/emit/ts/names.js";
import { loadRegistry } from "../../generator/index.js";
import type { Registry } from "../../generator/model/registry.js";
import { renderRegistry } from "../../generator/run/render.js";
import { RESERVED_WORDS } from "../../generator/validate/identifiers.js";
import { importTypeScript } from "../helpers/module.js";
import { defaultRegistry, repoRoot } from "../helpers/paths.js";
import { loadFixture } from "../helpers/registry.js";
import { tempDir } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";

/**
 * The clash check (generator/emit/ts/check-names.ts) knows which names the generated module declares and
 * which globals it reads. These tests read the generated module itself, so that an emitter that adds a
 * declaration or starts using a global fails here until the check knows about it; and they generate every such
 * name as a registry's type, alias and set guard, which must be refused with a located error or compile and run.
 */
const registries = [
  defaultRegistry,
  path.join(repoRoot, "test", "fixtures", "hostile", "hostile.yaml"),
  path.join(repoRoot, "test", "fixtures", "fields", "registry.yaml"),
];

/** Codes 100, 200, … 5000: too many comparisons and too sparse for a `switch`, so every guard is a binary search. */
const CODES = Array.from({ length: 50 }, (_, index) => (index + 1) * 100);

interface Probe {
  readonly type?: string;
  readonly alias?: string;
  readonly guard?: string;
  readonly icu: boolean;
}

/** A registry whose module declares every kind of private helper (spans tables, with `icu` the formatter). */
function probeRegistry({ type = "Probe", alias = "legacyFirst", guard, icu }: Probe): string {
  const codes = CODES.map((code, index) => {
    const aliases = index === 0 ? `, aliases: [${JSON.stringify(alias)}]` : "";
    return `  - { code: ${code}, name: Code${code}, description: ${JSON.stringify(icu ? "Code {code}" : `Code ${code}`)}${aliases} }`;
  });
  return [
    "id: probe",
    `type: ${JSON.stringify(type)}`,
    "locales: [en, de]",
    ...(icu ? ["messageFormat: icu", 'unknown: "Unknown {code}"'] : ['unknown: "Unknown"']),
    "missingTranslations: source",
    "codes:",
    ...codes,
    "sets:",
    `  - { name: Many${guard === undefined ? "" : `, guard: ${JSON.stringify(guard)}`}, include: [${CODES.join(", ")}] }`,
    "",
  ].join("\n");
}

async function moduleOf(registry: Registry, enums = true): Promise<string> {
  const [ts] = (await renderRegistry(registry, { outDir: repoRoot, targets: ["ts"], enums })).filter((generated) =>
    generated.path.endsWith(".ts"),
  );
  return ts!.contents;
}

function parse(contents: string): SourceFile {
  const project = new Project({ compilerOptions: { lib: ["lib.es2022.d.ts"], strict: true, types: [] } });
  return project.createSourceFile(path.join(repoRoot, "__module-bindings__.ts"), contents, { overwrite: true });
}

async function generatedModule(file: string) {
  const registry = await loadRegistry(file);
  return { registry, source: parse(await moduleOf(registry)) };
}

/** The top-level names `source` declares. */
function declaredNames(source: SourceFile): string[] {
  return source.getStatements().flatMap((statement) => {
    if (Node.isVariableStatement(statement)) return statement.getDeclarations().map((declaration) => declaration.getName());
    return Node.hasName(statement) ? [statement.getName()] : [];
  });
}

/** The globals (and keywords the parser reports as identifiers) that the code of `source` reads. */
function globalsReadBy(source: SourceFile): Set<string> {
  const globals = new Set<string>();
  for (const identifier of source.getDescendantsOfKind(SyntaxKind.Identifier)) {
    // A member name (`Number.isInteger`, `tag.replace`) is looked up on its object, not in scope.
    const parent = identifier.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isQualifiedName(parent)) && identifier !== parent.getFirstChild()) continue;
    const declarations = identifier.getSymbol()?.getDeclarations() ?? [];
    if (declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile() !== source))
      globals.add(identifier.getText());
  }
  return new Set([...globals].filter((name) => !RESERVED_WORDS.has(name)));
}

/** The names the clash check knows for `registry`: what its module declares, its sets' guards and unions, its aliases and its fields' names. */
function knownNames(registry: Registry): Set<string> {
  return new Set([
    ...moduleBindings(registry).keys(),
    ...registry.sets.flatMap((set) => setNames(registry, set)),
    ...[...registry.codes, ...registry.ranges].flatMap((entry) => entry.aliases.map((alias) => alias.name)),
    ...registry.fields.flatMap((field) => fieldNames(registry, field)),
  ]);
}

describe.each(registries)("the generated module of %s", (file) => {
  it("declares no top-level name that the clash check does not know", async () => {
    const { registry, source } = await generatedModule(file);
    const declared = declaredNames(source);
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((name) => !knownNames(registry).has(name))).toEqual([]);
  });

  it("reads no global that the clash check does not know", async () => {
    const { registry, source } = await generatedModule(file);
    const globals = [...globalsReadBy(source)];
    expect(globals.filter((name) => !globalsRead(registry).includes(name))).toEqual([]);
    expect(globals.length).toBeGreaterThan(0);
  });
});

describe("an ICU registry whose names are the module's own", () => {
  it("is refused with a located error or generates modules that compile under strict tsc and run", async () => {
    const icu = true;
    const { registry: base, source } = await loadFixture({ "registry.yaml": probeRegistry({ icu }) }).then(async (fixture) => ({
      registry: fixture.registry,
      source: parse(await moduleOf(fixture.registry)),
    }));
    const declared = declaredNames(source);
    const globals = [...globalsReadBy(source)];
    // The probe's module has every kind of private declaration and reads every global the check knows of.
    expect(declared.filter((name) => !knownNames(base).has(name))).toEqual([]);
    expect(globals.filter((name) => !globalsRead(base).includes(name))).toEqual([]);
    expect(declared).toEqual(expect.arrayContaining(["isProbeSpans", "isManyProbeSpans", ...(icu ? ["formatMessage"] : [])]));
    if (icu) expect(globals).toContain("String");

    // Each name as the type, as an alias and as a set guard; and every type whose derived names are one of them.
    const taken = [...new Set([...declared, ...globals])];
    const templates = Object.values(moduleNames({ ...base, type: "Qq" } as Registry)).filter(
      (value): value is string => typeof value === "string",
    );
    const derivedTypes = taken.flatMap((name) =>
      templates.flatMap((template) => {
        const at = template.search(/Qq|qq/);
        const [before, after] = [template.slice(0, at), template.slice(at + 2)];
        const middle = name.slice(before.length, name.length - after.length);
        const matches = name.startsWith(before) && name.endsWith(after) && /^[A-Za-z][A-Za-z0-9]*$/.test(middle);
        return matches ? [middle.charAt(0).toUpperCase() + middle.slice(1)] : [];
      }),
    );
    const probes: Probe[] = [
      ...taken.flatMap((name): Probe[] => [
        { type: name, icu },
        { alias: name, icu },
        { guard: name, icu },
      ]),
      ...[...new Set(derivedTypes)].map((type): Probe => ({ type, icu })),
    ];

    const files: Record<string, string> = {};
    const generated: { file: string; registry: Registry; enums: boolean }[] = [];
    let refused = 0;
    for (const probe of probes) {
      let registry: Registry;
      try {
        ({ registry } = await loadFixture({ "registry.yaml": probeRegistry(probe) }));
      } catch (error) {
        expect(error, JSON.stringify(probe)).toBeInstanceOf(DiagnosticError);
        const { diagnostics } = error as DiagnosticError;
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const diagnostic of diagnostics) {
          expect(path.basename(diagnostic.file)).toBe("registry.yaml");
          expect(diagnostic.line).toBeGreaterThan(1);
          expect(diagnostic.column).toBeGreaterThan(0);
        }
        refused += 1;
        continue;
      }
      for (const enums of [true, false]) {
        const file = `m${generated.length}.ts`;
        files[file] = await moduleOf(registry, enums);
        generated.push({ file, registry, enums });
      }
    }
    // Both outcomes occur: the check refuses the clashes, and names that do not clash stay usable.
    expect(refused).toBeGreaterThan(taken.length);
    expect(generated.length).toBeGreaterThan(taken.length);

    const dir = await tempDir();
    const compiled = await compileStrict(dir, files);
    const failing = [...new Set([...compiled.output.matchAll(/^(m\d+)\.ts/gm)].map((match) => match[1]))];
    const described = failing.map((name) => {
      const entry = generated.find((candidate) => candidate.file === `${name}.ts`)!;
      return `${name}: type ${entry.registry.type}, guard ${moduleNames(entry.registry).setGuard(entry.registry.sets[0]!)}, alias ${entry.registry.codes[0]!.aliases[0]!.name}, enums ${entry.enums}`;
    });
    expect({ described, output: compiled.output }).toEqual({ described: [], output: "" });

    for (const { file, registry } of generated) {
      const names = moduleNames(registry);
      const module = await importTypeScript(dir, file.replace(/\.ts$/, ""), files[file]!);
      const call = (name: string, ...args: unknown[]) => (module[name] as (...values: unknown[]) => unknown)(...args);
      expect(call(names.describe, 200)).toBe("Code 200");
      expect(call(names.describe, 201)).toBe(icu ? "Unknown 201" : "Unknown");
      expect(call(names.isType, 5000)).toBe(true);
      expect(call(names.isType, 150)).toBe(false);
      expect(call(names.setGuard(registry.sets[0]!), 4900)).toBe(true);
      expect(call(names.setGuard(registry.sets[0]!), 4901)).toBe(false);
      expect(module[registry.codes[0]!.aliases[0]!.name]).toBe(100);
    }
  }, 120_000);
});
