import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const section = /^## What codebook writes, removes and follows\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
/** Each promise: its bold sentence, and the test file the README says holds it. */
const promises = [...section.matchAll(/^- \*\*(.+?)\.\*\*[\s\S]*?\(tested in `([^`]+)`\)/gm)].map((match) => ({
  promise: match[1]!,
  file: match[2]!,
}));

describe("The README's promises section", () => {
  it("states what codebook writes, removes and follows, promise by promise", () => {
    expect(promises.map((entry) => entry.promise)).toEqual([
      "It writes only regular files it is about to own",
      "It removes only files its manifest proves it wrote, inside the real output folder",
      "A run removes only what its own registries stopped producing",
      "An output never lands on an input",
      "Two output folders never produce the same file",
      "Files you own keep their links, modes, line ends and byte-order mark",
      "It sweeps only its own temporary files",
      "A failing run changes nothing it can avoid, and says why in one line",
      "A signal ends a run promptly, with every file old or new",
      "A run that finds nothing changed has looked everywhere an input could appear",
    ]);
    expect(section).toMatch(/^What codebook follows: /m);
  });

  it.each(promises)("names a test that holds it: $promise", ({ promise, file }) => {
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    // A describe whose title starts with the promise: `describe("PROMISE…"` (or a template literal).
    const titled = text
      .split("\n")
      .some((line) => /\bdescribe\b/.test(line) && (line.includes(`"${promise}`) || line.includes(`\`${promise}`)));
    expect(titled, `${file} has no describe titled "${promise}"`).toBe(true);
  });
});
