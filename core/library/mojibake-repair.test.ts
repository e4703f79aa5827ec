import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "./mojibake-repair";

/** How the damage happens: UTF-8 bytes read as Windows-1252. */
function damage(text: string): string {
  const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  return [...new TextEncoder().encode(text)].map((byte) => (byte >= 0x80 && byte < 0xa0 ? high[byte - 0x80] : String.fromCharCode(byte))).join("");
}

describe("repairMojibake", () => {
  it("repairs the dash and umlaut damage and reports what it changed", () => {
    const result = repairMojibake("One platform â€“ standardized. GrÃ¼ÃŸe â€“ bye");
    expect(result.text).toBe("One platform – standardized. Grüße – bye");
    expect(result.repairs).toEqual([
      { found: "â€“", repaired: "–", count: 2 },
      { found: "Ã¼", repaired: "ü", count: 1 },
      { found: "ÃŸ", repaired: "ß", count: 1 },
    ]);
  });

  it("leaves genuine non-ASCII text alone", () => {
    const text = "Café, Müller, naïve – “quotes” — 🚀 日本語 Â alone, Ã at the end Ã";
    expect(repairMojibake(text)).toEqual({ text, repairs: [] });
  });

  it("repairs the two damaged fixture decks", () => {
    for (const name of ["002_45bbba8915e66bc5.md", "004_db386aaa8acb8bfb.md"]) {
      const raw = readFileSync(new URL(`../../../shared/fixtures/decks/${name}`, import.meta.url), "utf8");
      const { text, repairs } = repairMojibake(raw);
      expect(repairs).toEqual([{ found: "â€“", repaired: "–", count: 1 }]);
      expect(text).not.toContain("â€");
      expect(text).toContain("–");
    }
  });

  it("undoes the damage of any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (original) => {
        expect(repairMojibake(damage(original)).text).toBe(original);
      }),
      { numRuns: 500 },
    );
  });
});
