import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLDR_CODES_FILE, computeCldrCodes, renderCldrCodesModule } from "../../../scripts/cldr-codes.js";
import { repoRoot } from "../../helpers/paths.js";

describe("the CLDR codes asked of ICU ahead of time", () => {
  it("are what the ICU data of this Node.js reports (else run `npm run build:cldr-codes`)", async () => {
    const committed = await readFile(path.join(repoRoot, CLDR_CODES_FILE), "utf8").catch(() => "(missing)");
    expect(committed).toBe(renderCldrCodesModule(computeCldrCodes()));
  });

  it("hold the codes and the scripts that differ by region", () => {
    const codes = computeCldrCodes();
    expect(codes.languages).toEqual(expect.arrayContaining(["de", "en", "sr", "zh"]));
    expect(codes.regions).toEqual(expect.arrayContaining(["DE", "TW", "US"]));
    expect(codes.regionScripts.zh).toMatchObject({ TW: "Hant", HK: "Hant" });
    expect(codes.regionScripts.de).toBeUndefined();
  });
});
