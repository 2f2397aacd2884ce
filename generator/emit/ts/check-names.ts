import type { Diagnostic } from "../../diagnostics/index.js";
import type { DataPath } from "../../load/yaml-document.js";
import type { CheckContext } from "../../model/build-model.js";
import type { Alias, Registry } from "../../model/registry.js";
import { fieldNames, globalsRead, moduleBindings, moduleNames, privateDeclarations, setNames, typeBindings } from "./names.js";

/**
 * Reports the names a registry chooses that would break the generated TypeScript module: a set guard or an
 * alias that takes a name the module already declares (a second declaration does not compile), a type whose
 * exported names take a private one (`describeIn`, a guard's `…Spans` table), and a type, guard or alias named
 * after a global the module's code reads (`Number`, and `String` in an ICU module), which it would hide. Aliases that
 * repeat each other are reported by the model. The model keeps the registry's order, so indexes locate names.
 */
export function checkModuleBindings(registry: Registry, context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reporter = { error: (...problem: Parameters<CheckContext["diagnostic"]>) => diagnostics.push(context.diagnostic(...problem)) };
  const names = moduleNames(registry);
  const globals = globalsRead(registry);
  const hidesGlobal = (name: string) => `would hide the global ${name} that the generated code uses; choose another name`;
  if (globals.includes(names.type)) reporter.error(["type"], "name-clash", `type "${names.type}" ${hidesGlobal(names.type)}`);
  const privates = privateDeclarations(registry);
  for (const name of typeBindings(registry)) {
    const holder = privates.get(name);
    if (holder !== undefined)
      reporter.error(
        ["type"],
        "name-clash",
        `type "${names.type}" makes the generated ${name}, which clashes with ${holder}; choose another name`,
      );
  }
  const taken = moduleBindings(registry);
  /** Reports `name` if it is taken or a global the code reads; `true` when it is free. */
  const claim = (name: string, path: DataPath, subject: string): boolean => {
    const holder = taken.get(name);
    if (holder !== undefined) reporter.error(path, "name-clash", `${subject} clashes with ${holder}; choose another name`);
    else if (globals.includes(name)) reporter.error(path, "name-clash", `${subject} ${hidesGlobal(name)}`);
    return holder === undefined && !globals.includes(name);
  };
  for (const [index, set] of registry.sets.entries()) {
    const path: DataPath = set.guard === undefined ? ["sets", index, "name"] : ["sets", index, "guard"];
    // The union is named after the guard: once the guard clashes, the one name to change is reported.
    const [guard, type] = setNames(registry, set);
    if (!claim(guard!, path, `the guard ${guard} of set ${set.name}`)) continue;
    taken.set(guard!, `the guard of set ${set.name}`);
    if (type === undefined) continue;
    const subject = `the type ${type} of set ${set.name}${set.guard === undefined ? "" : ", named after its guard,"}`;
    if (claim(type, path, subject)) taken.set(type, `the type of set ${set.name}`);
  }
  for (const [index, field] of registry.fields.entries()) {
    for (const name of fieldNames(registry, field)) {
      claim(name, ["fields", index, "name"], `the generated ${name} of field ${field.name}`);
      if (!taken.has(name)) taken.set(name, `the generated ${name} of field ${field.name}`);
    }
  }
  const claimAliases = (aliases: readonly Alias[], owner: DataPath): void => {
    for (const [index, alias] of aliases.entries()) claim(alias.name, [...owner, "aliases", index, "name"], `the alias "${alias.name}"`);
  };
  for (const [index, entry] of registry.codes.entries()) claimAliases(entry.aliases, ["codes", index]);
  for (const [index, range] of registry.ranges.entries()) claimAliases(range.aliases, ["ranges", index]);
  return diagnostics;
}
