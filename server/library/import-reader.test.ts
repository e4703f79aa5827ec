import { readdirSync, readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readImport } from "./import-reader";

const limits = { maxFileBytes: 1024 * 1024, maxZipTotalBytes: 4 * 1024 * 1024, maxZipEntries: 100 };
const FIXTURES = new URL("../../../shared/fixtures/decks/", import.meta.url);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("readImport", () => {
  it("reads a zip of the fixture decks as one deck each, repairing the two damaged ones", () => {
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith(".md"));
    const zip = zipSync(Object.fromEntries(names.map((name) => [`community-call/${name}`, readFileSync(new URL(name, FIXTURES))])));
    const contents = readImport([{ name: "minutes.zip", bytes: zip }], limits);
    expect(contents.problems).toEqual([]);
    expect(contents.decks.map((deck) => deck.path)).toEqual(names.sort().map((name) => `community-call/${name}`));
    expect(contents.decks.filter((deck) => deck.repairs.length > 0).map((deck) => deck.path)).toEqual([
      "community-call/002_45bbba8915e66bc5.md",
      "community-call/004_db386aaa8acb8bfb.md",
    ]);
    expect(contents.decks.every((deck) => !deck.markdown.includes("â€"))).toBe(true);
  });

  it("keeps images, skips junk, and reports each bad file without aborting the rest", () => {
    const zip = zipSync({
      "call/20240808.md": strToU8("# Call\n![](20240808/slide.png)\n"),
      "call/20240808/slide.png": PNG,
      "call/fake.png": strToU8("<html><script>alert(1)</script></html>"),
      "call/latin1.md": new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]),
      "call/binary.md": new Uint8Array([1, 0, 2]),
      "__MACOSX/call/._20240808.md": strToU8("junk"),
      "call/.DS_Store": strToU8("junk"),
    });
    const contents = readImport([{ name: "call.zip", bytes: zip }, { name: "loose.md", bytes: strToU8("# Loose") }], limits);
    expect(contents.decks.map((deck) => deck.path)).toEqual(["call/20240808.md", "loose.md"]);
    expect(contents.media).toEqual([{ path: "call/20240808/slide.png", bytes: PNG, type: "image/png" }]);
    expect(contents.problems.map((problem) => problem.path)).toEqual(["call/binary.md", "call/fake.png", "call/latin1.md"]);
    expect(contents.problems.find((problem) => problem.path === "call/latin1.md")!.message).toMatch(/not UTF-8/);
  });

  it("refuses zip bombs and broken archives with a message", () => {
    const bomb = zipSync({ "a.md": new Uint8Array(3 * 1024 * 1024), "b.md": new Uint8Array(3 * 1024 * 1024) });
    const contents = readImport(
      [
        { name: "bomb.zip", bytes: bomb },
        { name: "broken.zip", bytes: strToU8("PK not really") },
      ],
      { ...limits, maxFileBytes: 4 * 1024 * 1024 },
    );
    expect(contents.decks).toEqual([]);
    expect(contents.problems).toEqual([
      { path: "bomb.zip", message: expect.stringMatching(/more than 100 files or 4194304 bytes unpacked; nothing was imported/) },
      { path: "broken.zip", message: expect.stringMatching(/not a readable zip archive/) },
    ]);
  });

  it("keeps each zip entry's time for the deck's date, and reads none from a loose file", () => {
    // fflate writes DOS times in local time; noon keeps the day the same in every time zone.
    const mtime = new Date(2024, 6, 18, 12, 0, 0);
    const zip = zipSync({ "call/a.md": [strToU8("# A"), { mtime }], "call/ünï.md": [strToU8("# B"), { mtime: new Date(2023, 0, 5, 12) }] });
    const contents = readImport([{ name: "call.zip", bytes: zip }, { name: "loose.md", bytes: strToU8("# Loose") }], limits);
    expect(contents.decks.map((deck) => [deck.path, deck.entryTime?.toISOString().slice(0, 10)])).toEqual([
      ["call/a.md", "2024-07-18"],
      ["call/ünï.md", "2023-01-05"],
      ["loose.md", undefined],
    ]);
  });
});
