// Import and export through the real routes: the fixture decks as a zip, and export → import
// round trips (markdown and media identical).
import { readdirSync, readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "../../app/api/decks/[id]/export/route";
import * as importRoute from "../../app/api/import/route";
import * as mediaFileRoute from "../../app/media/[file]/route";
import type { ImportReport } from "../../server/library/import-service";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
const FIXTURES = new URL("../../../shared/fixtures/decks/", import.meta.url);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 500 }, (_, i) => (i * 7) % 256)]);
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  alice = await createTestUser(podium, { name: "Alice" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

async function importFiles(files: Record<string, Uint8Array>): Promise<ImportReport> {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append("file", new Blob([Buffer.from(bytes)]), name);
  const response = await importRoute.POST(new Request(`${ORIGIN}/api/import`, { method: "POST", body: form, headers: alice.headers }));
  expect(response.status).toBe(200);
  return (await response.json()) as ImportReport;
}

async function exportDeck(id: string, format: string): Promise<Response> {
  return exportRoute.GET(new Request(`${ORIGIN}/api/decks/${id}/export?format=${format}`, { headers: alice.headers }), {
    params: Promise.resolve({ id }),
  });
}

describe("import", () => {
  it("imports the fixture decks as a zip: one deck each, mojibake repaired, titles right", async () => {
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith(".md")).sort();
    const zip = zipSync(Object.fromEntries(names.map((name) => [`community-call/${name}`, readFileSync(new URL(name, FIXTURES))])));
    const report = await importFiles({ "minutes.zip": zip });
    expect(report.problems).toEqual([]);
    expect(report.decks).toHaveLength(names.length);
    expect(report.decks.map((deck) => deck.title)).toEqual(names.map(() => "SCS Community Call"));
    expect(report.decks.filter((deck) => deck.repairs.length > 0).map((deck) => deck.path)).toEqual([
      "community-call/002_45bbba8915e66bc5.md",
      "community-call/004_db386aaa8acb8bfb.md",
    ]);
    for (const deck of report.decks) {
      const markdown = await podium.services.decks.markdown(deck.id);
      expect(markdown).not.toMatch(/â€|Ã[¼¶¤Ÿ]/);
      const row = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id: deck.id }, select: { ownerId: true, title: true } });
      expect(row).toEqual({ ownerId: alice.user.id, title: "SCS Community Call" });
    }
  });

  it("stores images of a zip as media, rewrites their links, and reports each bad file by name without stopping", async () => {
    const report = await importFiles({
      "call.zip": zipSync({
        "community-call/20240808.md": strToU8("# Call 2024-08-08\n\n![architecture](20240808/arch.png)\n"),
        "community-call/20240808/arch.png": PNG,
        "community-call/evil.png": strToU8("<html><script>alert(1)</script></html>"),
      }),
      "latin1.md": new Uint8Array([0x23, 0x20, 0x47, 0x72, 0xfc, 0xdf, 0x65]),
      "loose.md": strToU8("# Loose deck\n"),
    });
    expect(report.decks.map((deck) => [deck.path, deck.title, deck.linkedMedia])).toEqual([
      ["community-call/20240808.md", "Call 2024-08-08", 1],
      ["loose.md", "Loose deck", 0],
    ]);
    expect(report.media).toBe(1);
    expect(report.problems.map((problem) => problem.path)).toEqual(["community-call/evil.png", "latin1.md"]);
    expect(report.problems[1]!.message).toMatch(/not UTF-8/);
    const markdown = (await podium.services.decks.markdown(report.decks[0]!.id))!;
    const url = /!\[architecture\]\((\/media\/[0-9a-f]{64}\.png)\)/.exec(markdown)![1]!;
    const image = await mediaFileRoute.GET(new Request(`${ORIGIN}${url}`), { params: Promise.resolve({ file: url.slice(7) }) });
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
  });
});

describe("export", () => {
  it("export → import round trip gives identical markdown and media (bundle .zip)", async () => {
    const stored = await podium.services.media.put(PNG, alice.user.id);
    const markdown = `---\ntitle: Round trip\ntags: [call]\n---\n# Round trip ✓ – Grüße\n\n![](${stored.url} =400x)\n<img src="${stored.url}">\n`;
    const { id } = await podium.services.decks.create(markdown, alice.user.id);
    const response = await exportDeck(id, "zip");
    expect(response.headers.get("content-type")).toBe("application/zip");
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(["deck.md", "media/" + stored.id + ".png", "meta.json"]);
    const report = await importFiles({ "Round-trip.zip": zip });
    expect(report.problems).toEqual([]);
    expect(report.decks).toHaveLength(1);
    expect(await podium.services.decks.markdown(report.decks[0]!.id)).toBe(markdown);
    expect(Buffer.from((await podium.services.media.read(stored.id))!).equals(Buffer.from(PNG))).toBe(true);
  });

  it("exports .md as the deck's text, byte for byte, and a round trip through it is identical", async () => {
    const markdown = "# Plain ✓\n\n- one\n- two\n";
    const { id } = await podium.services.decks.create(markdown, alice.user.id);
    const response = await exportDeck(id, "md");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="Plain.md"/);
    const text = await response.text();
    expect(text).toBe(markdown);
    const report = await importFiles({ "plain.md": strToU8(text) });
    expect(await podium.services.decks.markdown(report.decks[0]!.id)).toBe(markdown);
  });

  it("exports self-contained HTML: slides rendered, reveal.js, theme and media inlined, nothing remote", async () => {
    const stored = await podium.services.media.put(PNG, alice.user.id);
    const { id } = await podium.services.decks.create(
      `---\ntitle: Offline\ntype: slide\nslideOptions:\n  theme: league\n---\n# First\n\n![](${stored.url})\n\n---\n\n## Second $e^{i\\pi}$\n\nNote: say hi\n`,
      alice.user.id,
    );
    const response = await exportDeck(id, "html");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html.match(/<section/g)).toHaveLength(2);
    expect(html).toContain('<aside class="notes">');
    expect(html).toContain(`data:image/png;base64,${Buffer.from(PNG).toString("base64")}`);
    expect(html).toContain("Reveal.initialize");
    expect(html).toContain("data:font/woff2;base64,");
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']https?:/i);
    expect(html).not.toMatch(/@import\s+(?:url\()?["']?https?:/i);
    expect(html).not.toContain("fonts.googleapis.com");
  });

  it("refuses unknown formats and unknown decks with the contract's errors", async () => {
    const { id } = await podium.services.decks.create("# x", alice.user.id);
    expect((await exportDeck(id, "pdf")).status).toBe(400);
    expect((await exportDeck("nosuchdeck", "md")).status).toBe(404);
  });
});
