import type { GeneratedFile, ModuleFormat } from "../types.js";
import { commonJsExports } from "./commonjs-exports.js";
import { type DeclarationOrigins, emitDeclarationMap } from "./declaration-map.js";
import { inlineEnums } from "./enum-objects.js";
import { Project, ts } from "./ts-morph-values.js";

/**
 * Compiles a generated TypeScript module to JavaScript in the given module format and its declaration file, in
 * memory, with the TypeScript bundled in ts-morph: `<id>.ts` becomes `<id>.js` and `<id>.d.ts`. The output is
 * deterministic (fixed compiler options, LF, no source maps) and keeps the generated-file notice at the top of both.
 *
 * The JavaScript is tree-shakable: every top-level statement is a declaration without side effects (enums become
 * object literals, see enum-objects.ts), so a bundler keeps only what an app uses; CommonJS is written as plain
 * `exports.x = x` assignments (see commonjs-exports.ts). The declaration file is tsc's, from the unchanged source.
 *
 * With `map`, the declaration file gets a declaration map `<id>.d.ts.map` whose sources are the registry files
 * (see declaration-map.ts), so that an editor goes from a declaration to its line in the YAML.
 */
export function transpileModule(
  file: GeneratedFile,
  format: ModuleFormat,
  map?: { readonly outDir: string; readonly origins: DeclarationOrigins },
): GeneratedFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      lib: ["lib.es2022.d.ts"],
      strict: true,
      declaration: true,
      removeComments: false,
      newLine: ts.NewLineKind.LineFeed,
      skipLibCheck: true,
    },
  });
  const source = `/${file.path}`;
  project.createSourceFile(source, file.contents);
  const checker = project.getTypeChecker().compilerObject;
  const result = project.emitToMemory({
    customTransformers: { before: [inlineEnums(checker)], after: format === "cjs" ? [commonJsExports] : [] },
  });
  const problems = result.getDiagnostics();
  if (problems.length > 0) {
    throw new Error(`codebook: cannot compile ${file.path}: ${project.formatDiagnosticsWithColorAndContext(problems)}`);
  }
  const notice = /^\/\/ .*\n/.exec(file.contents)?.[0] ?? "";
  const stem = file.path.replace(/\.ts$/, "");
  const outputs = new Map<string, string>(result.getFiles().map((output) => [output.filePath, output.text]));
  // The notice stays the first line, above the `"use strict"` of CommonJS, as in every generated file.
  const withNotice = (text: string): string => (text.startsWith(notice) ? text : `${notice}${text.replace(notice, "")}`);
  const read = (suffix: string): string => {
    const text = outputs.get(`/${stem}${suffix}`);
    if (text === undefined) throw new Error(`codebook: compiling ${file.path} produced no ${stem}${suffix}`);
    return withNotice(text.endsWith("\n") ? text : `${text}\n`);
  };
  const declarations = read(".d.ts");
  if (map === undefined)
    return [
      { path: `${stem}.js`, contents: read(".js") },
      { path: `${stem}.d.ts`, contents: declarations },
    ];
  const mapFile = `${stem}.d.ts.map`;
  return [
    { path: `${stem}.js`, contents: read(".js") },
    { path: `${stem}.d.ts`, contents: `${declarations}//# sourceMappingURL=${mapFile.split("/").at(-1)}\n` },
    { path: mapFile, contents: emitDeclarationMap(declarations, `${stem}.d.ts`, map.outDir, map.origins) },
  ];
}
