// Archiving and the trash through the real routes and sockets: an archived deck is read-only for
// everyone (REST and WebSocket), out of the default list, searchable, restorable; bulk archive by
// age takes exactly the old decks; an archive export is verified before its decks are purged.
import { unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as archiveRoute from "../../app/api/decks/[id]/archive/route";
import * as deckRoute from "../../app/api/decks/[id]/route";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import * as restoreRoute from "../../app/api/decks/[id]/restore/route";
import * as decksRoute from "../../app/api/decks/route";
import * as bulkRoute from "../../app/api/admin/archive/route";
import * as archiveExportRoute from "../../app/api/admin/archive/export/route";
import * as purgeRoute from "../../app/api/admin/archive/purge/route";
import { ACCESS_MESSAGES } from "../../core/access";
import type { LibraryPage } from "../../core/library/library-types";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let admin: TestUser;
let owner: TestUser;
let member: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  admin = await createTestUser(podium, { admin: true });
  owner = await createTestUser(podium);
  member = await createTestUser(podium);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const as = (user: TestUser | null, path: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(user?.headers ?? {}) } });

async function list(user: TestUser, query: string): Promise<LibraryPage> {
  const response = await decksRoute.GET(as(user, `/api/decks?${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as LibraryPage;
}

function watched(deckId: string, headers: Record<string, string>) {
  const client = connectClient(podium.url, deckId, { headers });
  clients.push(client);
  const denied: string[] = [];
  const closes: number[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoder.pos++;
    const length = decoder.arr[decoder.pos++]!;
    denied.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
  };
  client.provider.on("connection-close", (event) => {
    if (event) closes.push(event.code);
  });
  return { client, denied, closes };
}

async function stored(id: string): Promise<string> {
  await podium.updateLog.flush();
  return (await podium.services.prisma.deck.findUniqueOrThrow({ where: { id }, select: { markdown: true } })).markdown;
}

describe("archive", () => {
  it("makes a deck read-only for everyone — open editors downgraded, REST and WebSocket writes refused — and restores it", async () => {
    const { id } = await podium.services.decks.create("---\ntitle: Zebra minutes\n---\nkeep\n", owner.user.id);
    const editor = watched(id, owner.headers);
    await waitForSync(editor.client);

    expect((await archiveRoute.POST(as(owner, `/api/decks/${id}/archive`, { method: "POST" }), params(id))).status).toBe(403);
    expect((await archiveRoute.POST(as(admin, `/api/decks/${id}/archive`, { method: "POST" }), params(id))).status).toBe(204);
    await eventually(() => expect(editor.denied).toEqual([ACCESS_MESSAGES.downgraded]));
    editor.client.text.insert(0, "refused ");

    for (const user of [owner, admin, member]) {
      const put = await markdownRoute.PUT(as(user, `/api/decks/${id}/markdown`, { method: "PUT", body: "changed" }), params(id));
      expect(put.status).toBe(403);
    }
    // A new connection of the admin is read-only from the start.
    const late = watched(id, admin.headers);
    await waitForSync(late.client);
    late.client.text.insert(0, "also refused ");
    await eventually(() => expect(late.denied).toEqual([ACCESS_MESSAGES.readOnly]));
    expect(await stored(id)).toBe("---\ntitle: Zebra minutes\n---\nkeep\n");
    expect((await deckRoute.DELETE(as(owner, `/api/decks/${id}`, { method: "DELETE" }), params(id))).status).toBe(403);

    // Out of the default list, in the Archived view, and found by search there.
    expect((await list(member, "")).decks.map((deck) => deck.id)).not.toContain(id);
    expect((await list(member, "view=archived")).decks.map((deck) => deck.id)).toContain(id);
    const found = await list(member, "view=archived&q=zebra");
    expect(found.decks.map((deck) => deck.id)).toEqual([id]);
    expect(found.decks[0]!.archivedAt).not.toBeNull();
    expect((await list(member, "q=zebra")).decks).toEqual([]);

    expect((await archiveRoute.DELETE(as(admin, `/api/decks/${id}/archive`, { method: "DELETE" }), params(id))).status).toBe(204);
    // Writers reconnect (4001) and may edit again.
    await eventually(() => expect(editor.closes).toContain(WsCloseCode.accessChanged));
    await eventually(() => expect(editor.client.provider.synced).toBe(true));
    expect((await markdownRoute.PUT(as(owner, `/api/decks/${id}/markdown`, { method: "PUT", body: "editable again" }), params(id))).status).toBe(204);
    expect((await list(member, "")).decks.map((deck) => deck.id)).toContain(id);
  });

  it("bulk archive by age previews and archives exactly the decks not edited for N days", async () => {
    const ids = await Promise.all([1, 2, 3, 4].map((n) => podium.services.decks.create(`# Deck ${n}`, owner.user.id).then((deck) => deck.id)));
    const day = 24 * 60 * 60 * 1000;
    const ages = [200, 91, 89, 0];
    for (const [index, id] of ids.entries()) {
      await podium.services.prisma.deck.update({ where: { id }, data: { updatedAt: new Date(Date.now() - ages[index]! * day) } });
    }
    const preview = await bulkRoute.GET(as(admin, "/api/admin/archive?olderThanDays=90"));
    const previewed = ((await preview.json()) as { decks: { id: string }[] }).decks.map((deck) => deck.id);
    expect(previewed).toEqual([ids[0], ids[1]]);
    expect((await bulkRoute.GET(as(member, "/api/admin/archive?olderThanDays=90"))).status).toBe(403);
    expect((await bulkRoute.GET(as(admin, "/api/admin/archive?olderThanDays=ninety"))).status).toBe(400);

    const run = await bulkRoute.POST(as(admin, "/api/admin/archive", { method: "POST", body: JSON.stringify({ olderThanDays: 90 }) }));
    expect(((await run.json()) as { archived: string[] }).archived).toEqual([ids[0], ids[1]]);
    const rows = await podium.services.prisma.deck.findMany({ where: { id: { in: ids } }, select: { id: true, archivedAt: true } });
    expect(rows.filter((row) => row.archivedAt !== null).map((row) => row.id).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it("exports archived decks as a checksummed zip, and purges only after that export is verified", async () => {
    const { id } = await podium.services.decks.create("---\ntitle: Call 2023-05-04\n---\n# Old call\n", owner.user.id);
    await podium.services.library.archive(id);
    const response = await archiveExportRoute.GET(as(admin, `/api/admin/archive/export?ids=${id}`));
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(["2023/20230504-call.md", "manifest.json"]);

    const tampered = unzipSync(zip);
    tampered["2023/20230504-call.md"] = new TextEncoder().encode("# something else\n");
    const { zipSync } = await import("fflate");
    const refused = await purgeRoute.POST(as(admin, "/api/admin/archive/purge", { method: "POST", body: Buffer.from(zipSync(tampered)) }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/2023\/20230504-call.md does not match its checksum/);
    expect(await podium.services.decks.get(id)).not.toBeNull();

    expect((await purgeRoute.POST(as(member, "/api/admin/archive/purge", { method: "POST", body: Buffer.from(zip) }))).status).toBe(403);
    const purged = await purgeRoute.POST(as(admin, "/api/admin/archive/purge", { method: "POST", body: Buffer.from(zip) }));
    expect(await purged.json()).toEqual({ purged: [id], kept: [] });
    expect(await podium.services.decks.get(id)).toBeNull();
  });
});

describe("trash", () => {
  it("a deleted deck is gone for everyone but admins, who can restore it", async () => {
    const { id } = await podium.services.decks.create("# Binned", owner.user.id);
    const editor = watched(id, member.headers);
    await waitForSync(editor.client);
    expect((await deckRoute.DELETE(as(owner, `/api/decks/${id}`, { method: "DELETE" }), params(id))).status).toBe(204);
    await eventually(() => expect(editor.closes).toContain(WsCloseCode.deckDeleted));
    expect((await deckRoute.GET(as(owner, `/api/decks/${id}`), params(id))).status).toBe(404);
    expect((await list(owner, "")).decks.map((deck) => deck.id)).not.toContain(id);
    expect((await decksRoute.GET(as(owner, "/api/decks?view=trash"))).status).toBe(403);
    expect((await list(admin, "view=trash")).decks.map((deck) => deck.id)).toContain(id);

    expect((await restoreRoute.POST(as(owner, `/api/decks/${id}/restore`, { method: "POST" }), params(id))).status).toBe(403);
    expect((await restoreRoute.POST(as(admin, `/api/decks/${id}/restore`, { method: "POST" }), params(id))).status).toBe(204);
    expect((await deckRoute.GET(as(owner, `/api/decks/${id}`), params(id))).status).toBe(200);
  });

  it("purges decks deleted more than 30 days ago, and keeps younger ones restorable", async () => {
    const old = await podium.services.decks.create("# old", owner.user.id);
    const young = await podium.services.decks.create("# young", owner.user.id);
    await podium.services.prisma.deck.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) } });
    await podium.services.prisma.deck.update({ where: { id: young.id }, data: { deletedAt: new Date(Date.now() - 29 * 24 * 3600 * 1000) } });
    expect(await podium.services.library.purgeExpiredTrash()).toBe(1);
    expect(await podium.services.decks.get(old.id)).toBeNull();
    await podium.services.library.restoreFromTrash(young.id);
    expect((await podium.services.prisma.deck.findUniqueOrThrow({ where: { id: young.id } })).deletedAt).toBeNull();
  });
});
