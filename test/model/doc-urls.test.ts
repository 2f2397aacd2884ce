import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry, renderRegistry } from "../../generator/index.js";
import { fileAt } from "../helpers/generated-module.js";
import { tempDir, writeTree } from "../helpers/temp.js";

const BASE = `id: base
type: Base
locales: [en]
docs: { url: "https://example.com/{id}/{name}" }
codes:
  - { code: 1, name: One, description: One. }
  - { code: 2, name: Two, description: Two., docs: { url: "https://example.com/two-{code}" } }
`;

describe("doc URLs", () => {
  it("expand the template per code, take a code's own URL in its place, and reach the JSON data", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "base.yaml": BASE });
    const registry = await loadRegistry(path.join(dir, "base.yaml"));
    expect(registry.codes.map((entry) => entry.docUrl)).toEqual(["https://example.com/base/One", "https://example.com/two-2"]);
    expect(registry.docs?.template).toBe("https://example.com/{id}/{name}");
    const data = JSON.parse(fileAt(await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["json"] }), "base.json"));
    expect(data.codes.map((entry: { docUrl?: string }) => entry.docUrl)).toEqual([
      "https://example.com/base/One",
      "https://example.com/two-2",
    ]);
  });

  it("are inherited by a registry that extends another: the template expands with the new id, and may be replaced", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "base.yaml": BASE,
      "app.yaml": "extends: ./base.yaml\nid: app\ncodes:\n  - { code: 3, name: Three, description: Three. }\n",
      "other.yaml": 'extends: ./base.yaml\nid: other\ndocs: { url: "https://other.example.com/{code}" }\n',
    });
    const app = await loadRegistry(path.join(dir, "app.yaml"));
    expect(app.codes.map((entry) => entry.docUrl)).toEqual([
      "https://example.com/app/One",
      "https://example.com/two-2",
      "https://example.com/app/Three",
    ]);
    const other = await loadRegistry(path.join(dir, "other.yaml"));
    expect(other.codes.map((entry) => entry.docUrl)).toEqual(["https://other.example.com/1", "https://example.com/two-2"]);
  });

  it("are absent without a template or a URL of the code's own", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      "plain.yaml": "id: plain\ntype: Plain\nlocales: [en]\ncodes:\n  - { code: 1, name: One, description: One. }\n",
    });
    const registry = await loadRegistry(path.join(dir, "plain.yaml"));
    expect(registry.codes[0]!.docUrl).toBeUndefined();
    expect(registry.docs).toBeUndefined();
    const data = JSON.parse(fileAt(await renderRegistry(registry, { outDir: path.join(dir, "out"), targets: ["json"] }), "plain.json"));
    expect(data.codes[0]).not.toHaveProperty("docUrl");
  });
});
