import { describe, expect, it } from "vitest";
import { formatjsReader, gettextReader, i18nextReader, keyForCode, probeCodes } from "../../helpers/catalog-readers.js";
import { fileAt, importModule } from "../../helpers/generated-module.js";
import { loadFixture, renderAll } from "../../helpers/registry.js";

const REGISTRY = `id: app-codes
type: AppCode
title: { en: App close codes }
unknown: { en: "Code {code} is unknown." }
locales: [en, de]
messageFormat: icu
bounds: { min: 4000, max: 4999 }
ranges:
  - { from: 4000, to: 4999, name: Private, description: { en: "Private code {code}; it''s app-defined ('{'{code}'}')." } }
codes:
  - { code: 4000, name: Restarting, description: { en: "The server is restarting — reconnecting…" } }
  - { code: 4001, name: Literal, description: { en: "Braces '{'literal'}', '{{'x'}}', $t(y) and 'quotes'" } }
`;

const GERMAN = `locale: de
title: App-Close-Codes
unknown: "Code {code} ist unbekannt."
ranges:
  Private: "Privater Code {code}; ''{code}'' ist von der App festgelegt ('{'{code}'}')."
codes:
  Restarting: Der Server startet neu – Verbindung wird wiederhergestellt…
  Literal: "Klammern '{'literal'}', '{{'x'}}', $t(y) und 'Anführungszeichen'"
`;

describe("an ICU registry", () => {
  it("fills {code} in describe and in every catalog format alike", async () => {
    const { dir, registry } = await loadFixture({ "registry.yaml": REGISTRY, "registry.de.yaml": GERMAN });
    const files = await renderAll(registry, dir);
    const module = await importModule(fileAt(files, "app-codes.ts"));
    const describeAppCode = module.describeAppCode as (code: number, locale?: string) => string;
    expect(describeAppCode(4002)).toBe("Private code 4002; it's app-defined ({4002}).");
    expect(describeAppCode(4002, "de")).toBe("Privater Code 4002; '4002' ist von der App festgelegt ({4002}).");
    expect(describeAppCode(4001, "de-AT")).toBe("Klammern {literal}, {{x}}, $t(y) und 'Anführungszeichen'");
    expect(describeAppCode(5000, "de")).toBe("Code 5000 ist unbekannt.");
    for (const locale of registry.locales) {
      for (const read of [
        await i18nextReader(registry, files, locale),
        formatjsReader(registry, files, locale),
        gettextReader(registry, files, locale),
      ]) {
        for (const code of probeCodes(registry))
          expect(read(keyForCode(module, "AppCode", code), code)).toBe(describeAppCode(code, locale));
      }
    }
  });

  it("writes i18next placeholders as {{code}} and FormatJS ones as {code}", async () => {
    const { dir, registry } = await loadFixture({ "registry.yaml": REGISTRY, "registry.de.yaml": GERMAN });
    const files = await renderAll(registry, dir);
    const i18next = JSON.parse(fileAt(files, "i18next/en/app-codes.json")) as { ranges: { Private: string } };
    expect(i18next.ranges.Private).toBe("Private code {{code}}; it's app-defined ($t(app-codes:_literal.brace){{code}}}).");
    const formatjs = JSON.parse(fileAt(files, "formatjs/en/app-codes.json")) as Record<string, { defaultMessage: string }>;
    expect(formatjs["app-codes:ranges.Private"]!.defaultMessage).toBe("Private code {code}; it''s app-defined ('{'{code}'}').");
    expect(fileAt(files, "gettext/de/app-codes.po")).toContain("# The texts are ICU MessageFormat: fill {code} with the code.");
  });
});
