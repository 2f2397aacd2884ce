import path from "node:path";
import type { GeneratedFile } from "../emit/types.js";

/**
 * Where a generated file goes, as a path: emitters give plain relative paths (`close-codes.ts`,
 * `locales/de.json`); any other path (absolute, with a drive letter, a backslash, a NUL, or an empty, `.` or `..`
 * segment) is refused, and so is any path that would still resolve outside the output folder. This is the
 * lexical check; `outputTarget` then checks what is on disk, component by component.
 */
export function resolveOutputPath(outDir: string, file: GeneratedFile): string {
  const target = path.resolve(outDir, file.path);
  const inside = path.relative(outDir, target);
  const plain =
    !/[\\\0]|^[A-Za-z]:/.test(file.path) &&
    !path.isAbsolute(file.path) &&
    file.path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (!plain || inside === "" || inside.split(path.sep)[0] === ".." || path.isAbsolute(inside)) {
    throw new Error(`refusing to write ${JSON.stringify(file.path)}: it is not inside the output folder ${outDir}`);
  }
  return target;
}
