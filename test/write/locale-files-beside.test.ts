import path from "node:path";
import { describe, expect, it } from "vitest";
import { localeFileStem, localeFilesBeside } from "../../generator/write/input-hashes.js";

describe("The locale files beside a registry", () => {
  const folder = path.join(path.sep, "project", "codes");
  const listing = [
    "a+b.yaml",
    "a+b.de.yaml",
    "aab.de.yaml",
    "app.errors.yaml",
    "app.errors.pt-BR.yml",
    "app.errors.zh-Hant-TW.yaml",
    "app.yaml",
    "app.fr.yaml",
    "app.fr.de.yaml",
    "app.english.yaml",
    "line\nbreak.yaml",
    "line\nbreak.es-419.yaml",
  ];
  const beside = (name: string) => localeFilesBeside(path.join(folder, name), listing).map((file) => path.basename(file));

  it("are `<stem>.<locale>.yaml` for that very stem, its characters taken literally", () => {
    expect(beside("a+b.yaml")).toEqual(["a+b.de.yaml"]);
    expect(beside("app.errors.yaml")).toEqual(["app.errors.pt-BR.yml", "app.errors.zh-Hant-TW.yaml"]);
    expect(beside("app.yaml")).toEqual(["app.fr.yaml"]);
    expect(beside("app.fr.yaml")).toEqual(["app.fr.de.yaml"]);
    expect(beside("line\nbreak.yaml")).toEqual(["line\nbreak.es-419.yaml"]);
  });

  it("name their registry's stem, whatever folder they are in", () => {
    expect(localeFileStem(path.join(folder, "app.errors.pt-BR.yml"))).toBe(path.join(folder, "app.errors"));
    expect(localeFileStem("app.fr.de.yaml")).toBe("app.fr");
    expect(localeFileStem("app.english.yaml")).toBeUndefined();
    expect(localeFileStem("app.yaml")).toBeUndefined();
  });
});
