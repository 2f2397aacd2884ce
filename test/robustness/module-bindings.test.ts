import path from "node:path";
import { Node, Project, SyntaxKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { GLOBALS_READ, moduleBindings, moduleNames } from "../../generator/emit/ts/names.js";
import { loadRegistry } from "../../generator/load/load-registry.js";
import { RESERVED_WORDS } from "../../generator/model/identifiers.js";
import { renderRegistry } from "../../generator/pipeline.js";
import { defaultRegistry, repoRoot } from "../helpers/paths.js";

/**
 * The clash check (generator/validate/module-bindings.ts) knows which names the generated module declares and
 * which globals it reads. These tests read the generated module itself, so that an emitter that adds a
 * declaration or starts using a global fails here until the check knows about it.
 */
const registries = [defaultRegistry, path.join(repoRoot, "test", "fixtures", "hostile", "hostile.yaml")];

async function generatedModule(file: string) {
  const registry = await loadRegistry(file);
  const [ts] = (await renderRegistry(registry, { outDir: repoRoot, targets: ["ts"] })).filter((generated) => generated.path.endsWith(".ts"));
  const project = new Project({ compilerOptions: { lib: ["lib.es2022.d.ts"], strict: true, types: [] } });
  return { registry, source: project.createSourceFile(path.join(repoRoot, "__module-bindings__.ts"), ts!.contents, { overwrite: true }) };
}

describe.each(registries)("the generated module of %s", (file) => {
  it("declares no top-level name that the clash check does not know", async () => {
    const { registry, source } = await generatedModule(file);
    const names = moduleNames(registry);
    const known = new Set([
      ...moduleBindings(registry).keys(),
      ...registry.sets.map((set) => names.setGuard(set)),
      ...[...registry.codes, ...registry.ranges].flatMap((entry) => entry.aliases.map((alias) => alias.name)),
    ]);
    const declared = source.getStatements().flatMap((statement) => {
      if (Node.isVariableStatement(statement)) return statement.getDeclarations().map((declaration) => declaration.getName());
      return Node.hasName(statement) ? [statement.getName()] : [];
    });
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((name) => !known.has(name))).toEqual([]);
  });

  it("reads no global that the clash check does not know", async () => {
    const { source } = await generatedModule(file);
    const globals = new Set<string>();
    for (const identifier of source.getDescendantsOfKind(SyntaxKind.Identifier)) {
      // A member name (`Number.isInteger`, `tag.replace`) is looked up on its object, not in scope.
      const parent = identifier.getParent();
      if ((Node.isPropertyAccessExpression(parent) || Node.isQualifiedName(parent)) && identifier !== parent.getFirstChild()) continue;
      const declarations = identifier.getSymbol()?.getDeclarations() ?? [];
      if (declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile() !== source)) globals.add(identifier.getText());
    }
    expect([...globals].filter((name) => !GLOBALS_READ.includes(name) && !RESERVED_WORDS.has(name))).toEqual([]);
    expect([...globals].filter((name) => GLOBALS_READ.includes(name)).length).toBeGreaterThan(0);
  });
});
