import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "../header.js";
import type { ModuleFormat } from "../targets.js";

const MODULE_KINDS: Readonly<Record<ModuleFormat, ts.ModuleKind>> = {
  esm: ts.ModuleKind.ES2022,
  cjs: ts.ModuleKind.CommonJS,
};

/**
 * Compiles a generated TypeScript module to JavaScript in the given module format and its declaration file, in
 * memory, with the TypeScript bundled in ts-morph: `<id>.ts` becomes `<id>.js` and `<id>.d.ts`. The output is
 * deterministic (fixed compiler options, LF, no source maps) and keeps the generated-file notice at the top of both.
 */
export function transpileModule(file: GeneratedFile, format: ModuleFormat): GeneratedFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: MODULE_KINDS[format],
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
  const result = project.emitToMemory();
  const problems = result.getDiagnostics();
  if (problems.length > 0) {
    throw new Error(`codebook: cannot compile ${file.path}: ${project.formatDiagnosticsWithColorAndContext(problems)}`);
  }
  const notice = /^\/\/ .*\n/.exec(file.contents)?.[0] ?? "";
  const stem = file.path.replace(/\.ts$/, "");
  const outputs = new Map<string, string>(result.getFiles().map((output) => [output.filePath, output.text]));
  const withNotice = (text: string): string => (notice === "" || text.includes(notice) ? text : `${notice}${text}`);
  const read = (suffix: string): string => {
    const text = outputs.get(`/${stem}${suffix}`);
    if (text === undefined) throw new Error(`codebook: compiling ${file.path} produced no ${stem}${suffix}`);
    return withNotice(text.endsWith("\n") ? text : `${text}\n`);
  };
  return [
    { path: `${stem}.js`, contents: read(".js") },
    { path: `${stem}.d.ts`, contents: read(".d.ts") },
  ];
}
