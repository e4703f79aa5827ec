import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { mediaUrl } from "../../core/library/media-url";
import { exportArchive, exportDeckBundle, sha256 } from "./deck-bundle";
import { linkImportedMedia } from "./import-linker";
import { readImport } from "./import-reader";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PNG_ID = sha256(PNG);
const limits = { maxFileBytes: 1 << 20, maxZipTotalBytes: 1 << 22, maxZipEntries: 100 };
const store = { read: async (id: string) => (id === PNG_ID ? PNG : null) };

const deck = {
  id: "deck1",
  title: "SCS Community Call 2024-07-18",
  tags: ["call"],
  markdown: `# Call\n![](${mediaUrl(PNG_ID, "image/png")} =600x)\n<img src="${mediaUrl(PNG_ID, "image/png")}">\n![](https://example.org/x.png)\n`,
  createdAt: new Date("2024-07-01T00:00:00Z"),
  updatedAt: new Date("2024-07-18T12:00:00Z"),
};

describe("deck bundle export", () => {
  it("writes deck.md with relative media links, the media, and meta.json", async () => {
    const files = unzipSync(await exportDeckBundle(deck, store));
    expect(Object.keys(files).sort()).toEqual(["deck.md", "media/" + PNG_ID + ".png", "meta.json"].sort());
    expect(strFromU8(files["deck.md"]!)).toBe(
      `# Call\n![](media/${PNG_ID}.png =600x)\n<img src="media/${PNG_ID}.png">\n![](https://example.org/x.png)\n`,
    );
    expect(files[`media/${PNG_ID}.png`]).toEqual(PNG);
    expect(JSON.parse(strFromU8(files["meta.json"]!))).toMatchObject({ id: "deck1", title: deck.title, tags: ["call"] });
  });

  it("round-trips through import: identical markdown and media bytes", async () => {
    const contents = readImport([{ name: "bundle.zip", bytes: await exportDeckBundle(deck, store) }], limits);
    expect(contents.problems).toEqual([]);
    const urls = new Map(contents.media.map((item) => [item.path, mediaUrl(sha256(item.bytes), item.type)]));
    expect(contents.media.map((item) => item.bytes)).toEqual([PNG]);
    const [imported] = contents.decks;
    expect(linkImportedMedia(imported!, urls)).toEqual({ markdown: deck.markdown, linked: 2 });
  });
});

describe("archive export", () => {
  it("lays decks out by year and date with their media beside them and a checksummed manifest", async () => {
    const { zip, manifest } = await exportArchive([deck, { ...deck, id: "deck2", title: "Retro", markdown: "# Retro\n" }], store);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      [
        "2024/20240718-scs-community-call.md",
        `2024/20240718-scs-community-call/${PNG_ID}.png`,
        "2024/20240701-retro.md",
        "manifest.json",
      ].sort(),
    );
    expect(strFromU8(files["2024/20240718-scs-community-call.md"]!)).toContain(`![](20240718-scs-community-call/${PNG_ID}.png =600x)`);
    for (const entry of manifest) {
      expect(sha256(files[entry.path]!)).toBe(entry.sha256);
      for (const item of entry.media) expect(sha256(files[item.path]!)).toBe(item.sha256);
    }
    expect(JSON.parse(strFromU8(files["manifest.json"]!)).decks).toEqual(manifest);
  });
});
