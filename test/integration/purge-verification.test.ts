// Purge through the real admin routes: it trusts only what is stored. A zip whose checksums agree
// with itself but whose text differs from the stored deck purges nothing; nor does a genuine export
// of a deck that is not archived. A genuine export of archived decks purges them.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "../../app/api/admin/archive/export/route";
import * as purgeRoute from "../../app/api/admin/archive/purge/route";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let admin: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  admin = await createTestUser(podium, { admin: true });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

async function exportArchive(ids: string[]): Promise<Uint8Array> {
  const response = await exportRoute.GET(new Request(`${ORIGIN}/api/admin/archive/export?ids=${ids.join(",")}`, { headers: admin.headers }));
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function purge(zip: Uint8Array): Promise<{ purged: string[]; kept: { deckId: string; reason: string }[] }> {
  const response = await purgeRoute.POST(new Request(`${ORIGIN}/api/admin/archive/purge`, { method: "POST", body: Buffer.from(zip), headers: admin.headers }));
  expect(response.status).toBe(200);
  return (await response.json()) as { purged: string[]; kept: { deckId: string; reason: string }[] };
}

async function archivedDeck(markdown: string): Promise<string> {
  const { id } = await podium.services.decks.create(markdown, admin.user.id);
  await podium.services.library.archive(id);
  return id;
}

const exists = async (id: string) => (await podium.services.prisma.deck.count({ where: { id } })) === 1;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("purge", () => {
  it("keeps a deck whose export was altered, even with its checksums rewritten to agree", async () => {
    const id = await archivedDeck("# Minutes\nthe real text\n");
    const files = unzipSync(await exportArchive([id]));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { decks: Array<{ path: string; sha256: string }> };
    const entry = manifest.decks[0]!;
    files[entry.path] = strToU8("# Minutes\nsomething else entirely\n");
    entry.sha256 = sha256(files[entry.path]!);
    files["manifest.json"] = strToU8(JSON.stringify(manifest));
    const result = await purge(zipSync(files));
    expect(result.purged).toEqual([]);
    expect(result.kept).toEqual([{ deckId: id, reason: expect.stringMatching(/does not hold this deck's stored text/) }]);
    expect(await exists(id)).toBe(true);
  });

  it("keeps a deck that is not archived, even with a genuine export", async () => {
    const { id } = await podium.services.decks.create("# Still in use\n", admin.user.id);
    const result = await purge(await exportArchive([id]));
    expect(result.purged).toEqual([]);
    expect(result.kept).toEqual([{ deckId: id, reason: expect.stringMatching(/not archived/) }]);
    expect(await exists(id)).toBe(true);
  });

  it("purges archived decks whose genuine export holds their stored text", async () => {
    const first = await archivedDeck("# Old call\n");
    const second = await archivedDeck("# Older call\n");
    const result = await purge(await exportArchive([first, second]));
    expect(result.purged.sort()).toEqual([first, second].sort());
    expect(await exists(first)).toBe(false);
    expect(await exists(second)).toBe(false);
  });
});
