// Revisions through the REST routes and the live document: a restored revision equals the snapshot
// and connected editors see it; the replaced text is kept; the last editor leaving takes one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as revisionRoute from "../../app/api/decks/[id]/revisions/[revisionId]/route";
import * as restoreRoute from "../../app/api/decks/[id]/revisions/[revisionId]/restore/route";
import * as revisionsRoute from "../../app/api/decks/[id]/revisions/route";
import * as decksRoute from "../../app/api/decks/route";
import type { LibraryPage } from "../../core/library/library-types";
import type { DiffLine } from "../../core/library/line-diff";
import type { PodiumServer } from "../../server/podium";
import type { RevisionSummary } from "../../server/library/revision-service";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  alice = await createTestUser(podium, { name: "Alice" });
  bob = await createTestUser(podium, { name: "Bob" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const as = (user: TestUser, path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, { ...init, headers: user.headers });

async function revisionsOf(id: string): Promise<RevisionSummary[]> {
  const response = await revisionsRoute.GET(as(alice, `/api/decks/${id}/revisions`), { params: Promise.resolve({ id }) });
  return ((await response.json()) as { revisions: RevisionSummary[] }).revisions;
}

describe("revisions", () => {
  it("restores a named revision through the live document: it equals the snapshot, a connected editor sees it, nothing is lost", async () => {
    const { id } = await podium.services.decks.create("# Call\n\nTeam IaaS: nothing yet\n", alice.user.id);
    const editor = connectClient(podium.url, id, { headers: bob.headers });
    await waitForSync(editor);
    const saved = await revisionsRoute.POST(as(alice, `/api/decks/${id}/revisions`, { method: "POST", body: JSON.stringify({ name: "before the call" }) }), {
      params: Promise.resolve({ id }),
    });
    expect(saved.status).toBe(201);
    const named = (await saved.json()) as RevisionSummary;
    expect(named).toMatchObject({ name: "before the call", authorName: "Alice" });

    editor.text.insert(editor.text.length, "Team Ops: a long report\n");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toContain("Team Ops"));

    const shown = await revisionRoute.GET(as(alice, `/api/decks/${id}/revisions/${named.id}`), { params: Promise.resolve({ id, revisionId: named.id }) });
    const { diff } = (await shown.json()) as { diff: DiffLine[] };
    expect(diff.filter((line) => line.kind !== "same")).toEqual([{ kind: "added", text: "Team Ops: a long report" }]);

    const restored = await restoreRoute.POST(as(alice, `/api/decks/${id}/revisions/${named.id}/restore`, { method: "POST" }), {
      params: Promise.resolve({ id, revisionId: named.id }),
    });
    expect(restored.status).toBe(204);
    await eventually(() => expect(editor.text.toString()).toBe("# Call\n\nTeam IaaS: nothing yet\n"));
    expect(await podium.services.decks.markdown(id)).toBe((await podium.services.revisions.get(id, named.id)).markdown);
    // The text the restore replaced was kept as an automatic revision.
    const kept = await Promise.all((await revisionsOf(id)).map((entry) => podium.services.revisions.get(id, entry.id)));
    expect(kept.some((entry) => entry.name === null && entry.markdown.includes("Team Ops"))).toBe(true);
    editor.destroy();
  });

  it("refuses restores by readers and unknown revisions", async () => {
    const { id } = await podium.services.decks.create("x", alice.user.id);
    await podium.services.access.updateSettings(id, { memberAccess: "read" });
    const named = await podium.services.revisions.takeNamed(id, "x", null);
    const byReader = await restoreRoute.POST(as(bob, `/api/decks/${id}/revisions/${named!.id}/restore`, { method: "POST" }), {
      params: Promise.resolve({ id, revisionId: named!.id }),
    });
    expect(byReader.status).toBe(403);
    const unknown = await revisionRoute.GET(as(alice, `/api/decks/${id}/revisions/nope`), { params: Promise.resolve({ id, revisionId: "nope" }) });
    expect(unknown.status).toBe(404);
  });

  it("takes an automatic revision when the last editor leaves, and records who edited last", async () => {
    const { id } = await podium.services.decks.create("# Start\n", alice.user.id);
    const editor = connectClient(podium.url, id, { headers: bob.headers });
    await waitForSync(editor);
    editor.text.insert(editor.text.length, "Bob was here\n");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toContain("Bob was here"));
    editor.destroy();
    // ROOM_IDLE_MS is 200 in tests: the room unloads, and the revision is taken.
    await eventually(async () => {
      const list = await revisionsOf(id);
      expect(list.length).toBeGreaterThan(0);
      expect((await podium.services.revisions.get(id, list[0]!.id)).markdown).toBe("# Start\nBob was here\n");
    });
    // The full-text index catches up with the last edits of a burst within a few seconds (search-indexer.ts).
    await eventually(async () => {
      const page = (await (await decksRoute.GET(as(alice, "/api/decks?q=bob"))).json()) as LibraryPage;
      expect(page.decks.find((deck) => deck.id === id)?.lastEditor).toEqual({ id: bob.user.id, name: "Bob" });
    });
  });
});
