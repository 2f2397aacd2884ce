import path from "node:path";
import fc from "fast-check";
import type { StatementStructures } from "ts-morph";
import { printStructure, StructureKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { syntheticRegistryYaml } from "../../../bench/synthetic-registry.js";
import { moduleStatements } from "../../../generator/emit/ts/module.js";
import { printStatementText } from "../../../generator/emit/ts/structure-printer.js";
import type { EmitContext } from "../../../generator/emit/types.js";
import { loadRegistry } from "../../../generator/index.js";
import { defaultRegistry, repoRoot } from "../../helpers/paths.js";
import { tempDir, writeTree } from "../../helpers/temp.js";

// codebook prints a generated module's statements with its own port of ts-morph's printer; each is held equal here
// to what ts-morph's printStructure writes for the same structure.

/** Seeded, so that a failure reproduces; `FC_SEED=7 FC_RUNS=5000` hunts further. */
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

function byTsMorph(statement: StatementStructures): string {
  return printStructure(
    { kind: StructureKind.SourceFile, statements: [statement] },
    { indentNumberOfSpaces: 4, newLine: "\n", useSingleQuote: false },
  );
}

const REGISTRIES = [
  defaultRegistry,
  "test/fixtures/basic/registry.yaml",
  "test/fixtures/fields/registry.yaml",
  "test/fixtures/fields/http.yaml",
  "test/fixtures/icu/registry.yaml",
  "test/fixtures/extends/app.yaml",
  "test/fixtures/set-unions/registry.yaml",
  "test/fixtures/no-enums/registry.yaml",
  "test/fixtures/hostile/hostile.yaml",
  "examples/http-status/http-status.yaml",
  "examples/grpc-status/grpc-status.yaml",
];

function context(enums: boolean): EmitContext {
  return { outDir: path.join(repoRoot, "out"), enums, module: "esm", emit: "ts", codeMap: false, templates: undefined as never };
}

describe("codebook's statement printer writes what ts-morph's printStructure writes", () => {
  it("for every statement of the modules of the fixtures, the examples and the default registry, with enums and without", async () => {
    const folder = await tempDir();
    await writeTree(folder, { "synthetic.yaml": syntheticRegistryYaml(300, 3, { locales: ["en", "de", "ja"] }) });
    let printed = 0;
    for (const file of [...REGISTRIES.map((name) => path.resolve(repoRoot, name)), path.join(folder, "synthetic.yaml")]) {
      const model = await loadRegistry(file);
      const registry = model.locateOrigins === undefined ? model : { ...model, origins: model.locateOrigins() };
      for (const enums of [true, false]) {
        for (const statement of moduleStatements(registry, context(enums))) {
          if (typeof statement === "string") continue;
          const own = printStatementText(statement);
          // Every statement codebook builds is in what its printer writes: none falls back to ts-morph.
          expect(own, `${path.basename(file)}: ${JSON.stringify(statement).slice(0, 200)}`).toBe(byTsMorph(statement));
          printed += 1;
        }
      }
    }
    expect(printed).toBeGreaterThan(300);
  });

  /** Texts made of the characters the writer's scan treats apart (quotes, template literals, comments, regular expressions, escapes). */
  const text = fc.string({
    unit: fc.constantFrom(..."ab1 _$;{}()[]<>=:.,|?!\"'`\\/*\n\r\t@#-", "${", "*/", "/*", "//", "\r\n", "\u00a0", "\u2028"),
    maxLength: 24,
  });
  const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
  const name = fc.oneof(fc.constantFrom("code", "value", "isX", "a$b", "_"), text);
  const docs = fc.array(
    fc.oneof(
      text,
      fc.record(
        {
          description: maybe(text),
          tags: maybe(
            fc.array(fc.record({ tagName: fc.constantFrom("example", "returns", "see", "deprecated"), text: maybe(text) }), {
              maxLength: 3,
            }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    { maxLength: 2 },
  );
  const parameter = fc.record(
    {
      name,
      type: maybe(fc.oneof(fc.constantFrom("number", "string | readonly string[]", "unknown"), text)),
      hasQuestionToken: maybe(fc.boolean()),
      isRestParameter: maybe(fc.boolean()),
      initializer: maybe(text),
    },
    { requiredKeys: ["name"] },
  );
  const signature = {
    docs: maybe(docs),
    parameters: maybe(fc.array(parameter, { maxLength: 3 })),
    returnType: maybe(fc.oneof(fc.constantFrom("boolean", "string | undefined"), text)),
  };
  const statements = fc.oneof(
    text,
    fc.array(
      fc.oneof(
        text,
        fc.constantFrom(
          "return x;",
          "switch (code) {\n    case 1: return `a\u0024{b}`;\n}",
          'const re = /a"b/g;',
          "const re = /`/;\nreturn re;",
          "const quote = x / `;\nreturn quote;",
          "return `a\n\u0024{b ? `c\n` : '}'}\nd`;",
          "// a `\nreturn 1;",
          "/* `\n*/ return 2;",
          "const s = 'a\\\nb';\nreturn s;",
        ),
      ),
      {
        maxLength: 4,
      },
    ),
  );
  const statement: fc.Arbitrary<StatementStructures> = fc.oneof(
    fc.record(
      {
        kind: fc.constant(StructureKind.Function),
        isExported: maybe(fc.boolean()),
        name: maybe(name),
        ...signature,
        statements: maybe(statements),
        overloads: maybe(fc.array(fc.record(signature, { requiredKeys: [] }), { maxLength: 2 })),
      },
      { requiredKeys: ["kind"] },
    ),
    fc.record(
      { kind: fc.constant(StructureKind.TypeAlias), isExported: maybe(fc.boolean()), name, docs: maybe(docs), type: maybe(text) },
      { requiredKeys: ["kind", "name"] },
    ),
    fc.record(
      {
        kind: fc.constant(StructureKind.VariableStatement),
        isExported: maybe(fc.boolean()),
        declarationKind: maybe(fc.constantFrom("const", "let", "var")),
        docs: maybe(docs),
        declarations: fc.array(
          fc.record(
            { name, type: maybe(text), initializer: maybe(text), hasExclamationToken: maybe(fc.boolean()) },
            { requiredKeys: ["name"] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
      },
      { requiredKeys: ["kind", "declarations"] },
    ),
    fc.record(
      {
        kind: fc.constant(StructureKind.Interface),
        isExported: maybe(fc.boolean()),
        name,
        docs: maybe(docs),
        properties: maybe(
          fc.array(
            fc.record(
              {
                name,
                isReadonly: maybe(fc.boolean()),
                hasQuestionToken: maybe(fc.boolean()),
                type: maybe(text),
                docs: maybe(docs),
                initializer: maybe(text),
              },
              { requiredKeys: ["name"] },
            ),
            { maxLength: 3 },
          ),
        ),
      },
      { requiredKeys: ["kind", "name"] },
    ),
  ) as fc.Arbitrary<StatementStructures>;

  it("for random structures of the kinds it prints, with texts full of quotes, template literals, comments and line breaks", () => {
    let own = 0;
    fc.assert(
      fc.property(statement, (structure) => {
        const printed = printStatementText(structure);
        if (printed === undefined) return;
        own += 1;
        expect(printed).toBe(byTsMorph(structure));
      }),
      { seed: SEED, numRuns: runs(3000) },
    );
    // Most random structures are printed by codebook's printer, not handed back to ts-morph.
    expect(own).toBeGreaterThan(runs(3000) / 3);
  });

  it("hands back to ts-morph what it does not print: a writer function, another kind, a property it does not know", () => {
    expect(printStatementText({ kind: StructureKind.Function, name: "f", statements: (writer) => writer.write("x;") })).toBeUndefined();
    expect(printStatementText({ kind: StructureKind.Enum, name: "E", members: [] })).toBeUndefined();
    expect(printStatementText({ kind: StructureKind.Function, name: "f", isAsync: true })).toBeUndefined();
    expect(printStatementText({ kind: StructureKind.TypeAlias, name: "T", type: "A", typeParameters: ["X"] })).toBeUndefined();
  });
});
