// Sections with owners and the end of a call, on the real server: claims made through the shared
// text reach everyone live and the derived Deck.sections; "End call" takes writing away from open
// connections and REST alike; the series' time lock locks exactly the decks whose slot is over.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as lockRoute from "../../app/api/decks/[id]/lock/route";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import * as revisionsRoute from "../../app/api/decks/[id]/revisions/route";
import * as mineRoute from "../../app/api/sections/mine/route";
import * as peopleRoute from "../../app/api/sections/people/route";
import { changeSection } from "../../components/sections/section-actions";
import { ACCESS_MESSAGES } from "../../core/access";
import type { DeckLockState, MySectionsResponse, SectionPeopleResponse } from "../../core/api/sections";
import { parseSections, sectionSummary } from "../../core/sections/deck-sections";
import { readinessSummary } from "../../core/sections/readiness";
import { WsCloseCode } from "../../core/ws-close-codes";
import { createLogger } from "../../server/log";
import type { PodiumServer } from "../../server/podium";
import { CallLockScheduler } from "../../server/sections/call-lock-scheduler";
import { DeckLocks } from "../../server/sections/deck-locks";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
const DECK = `# Community Call

---

<!-- .slide: data-status="todo" -->
# Team IaaS

Report by @name

---

<!-- .slide: data-status="todo" -->
# Team Container

Report by @name

---

<!-- .slide: data-status="todo" -->
# Team Ops

Report by @name
`;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let owner: TestUser;
let ada: TestUser;
let bob: TestUser;
let carol: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  owner = await createTestUser(podium, { name: "Moderator" });
  ada = await createTestUser(podium, { name: "Ada" });
  bob = await createTestUser(podium, { name: "Bob" });
  carol = await createTestUser(podium, { name: "Carol" });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const as = (user: TestUser, path: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { ...user.headers, ...(init.headers as Record<string, string> | undefined) } });

async function callDeck(): Promise<string> {
  const { id } = await podium.services.decks.create(DECK, owner.user.id);
  await podium.services.access.updateSettings(id, { memberAccess: "none", guestAccess: "none" });
  for (const writer of [ada, bob]) await podium.services.access.grant(id, writer.user.email, "write");
  await podium.services.access.grant(id, carol.user.email, "read");
  return id;
}

function editor(deckId: string, user: TestUser) {
  const client = connectClient(podium.url, deckId, { headers: user.headers });
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

const summaryOf = (client: TestClient) => readinessSummary(parseSections(client.text.toString())).text;

async function stored(id: string) {
  await podium.updateLog.flush();
  return podium.services.prisma.deck.findUniqueOrThrow({ where: { id }, select: { markdown: true, sections: true } });
}

describe("sections with owners", () => {
  it("two people claim sections and the readiness summary changes live for a third", async () => {
    const id = await callDeck();
    const [adaEditor, bobEditor, carolReader] = [editor(id, ada), editor(id, bob), editor(id, carol)];
    await Promise.all([adaEditor, bobEditor, carolReader].map(({ client }) => waitForSync(client)));
    expect(summaryOf(carolReader.client)).toBe("0 of 3 sections ready; Team IaaS, Team Container and Team Ops have no owner");

    // Bob writes in his section while Ada claims hers: both edits survive.
    const bobsSection = parseSections(bobEditor.client.text.toString())[2]!;
    expect(changeSection(adaEditor.client.text, 1, { owner: { id: ada.user.id, name: ada.user.name }, status: "ready" })).toBe(true);
    const lines = bobEditor.client.text.toString().split("\n");
    const offset = lines.slice(0, bobsSection.endLine).join("\n").length;
    bobEditor.client.text.insert(offset, "\n\n- shipped the registry");
    await eventually(() => expect(summaryOf(carolReader.client)).toBe("1 of 3 sections ready; Team Container and Team Ops have no owner"));

    changeSection(bobEditor.client.text, 2, { owner: { id: bob.user.id, name: bob.user.name }, status: "writing" });
    await eventually(() => expect(summaryOf(carolReader.client)).toBe("1 of 3 sections ready; Team Ops has no owner"));
    const text = carolReader.client.text.toString();
    expect(text).toContain("- shipped the registry");
    expect(parseSections(text).map((section) => section.ownerName)).toEqual([null, "Ada", "Bob", null]);

    // The server keeps Deck.sections current; owners are account ids, never addresses.
    await eventually(async () =>
      expect((await stored(id)).sections).toEqual([
        { index: 1, title: "Team IaaS", owner: ada.user.id, ownerName: "Ada", status: "ready", continued: false },
        { index: 2, title: "Team Container", owner: bob.user.id, ownerName: "Bob", status: "writing", continued: false },
        { index: 3, title: "Team Ops", owner: null, ownerName: null, status: "todo", continued: false },
      ]),
    );
    expect((await stored(id)).markdown).not.toContain("@podium.test");

    // "My sections": Ada sees hers; Carol, who owns none, sees none; a reader may not list people to assign.
    const mine = (await (await mineRoute.GET(as(ada, "/api/sections/mine"))).json()) as MySectionsResponse;
    expect([...mine.upcoming, ...mine.undated].map((section) => [section.deckId, section.title, section.status])).toContainEqual([id, "Team IaaS", "ready"]);
    const carols = (await (await mineRoute.GET(as(carol, "/api/sections/mine"))).json()) as MySectionsResponse;
    expect([...carols.upcoming, ...carols.undated]).toEqual([]);
    const people = (await (await peopleRoute.GET(as(ada, `/api/sections/people?deck=${id}`))).json()) as SectionPeopleResponse;
    expect(people.people.map((person) => person.name).sort()).toEqual(["Ada", "Bob", "Carol", "Moderator"]);
    expect(JSON.stringify(people)).not.toContain("@");
    expect((await peopleRoute.GET(as(carol, `/api/sections/people?deck=${id}`))).status).toBe(403);
  });

  it("lists upcoming calls soonest first, leaves out past calls", async () => {
    const series = await podium.services.prisma.series.create({ data: { id: "weekly", name: "Community Call", folder: "community-call" } });
    const dated = async (callDate: string) => {
      const id = await callDeck();
      const client = editor(id, ada).client;
      await waitForSync(client);
      changeSection(client.text, 3, { owner: { id: ada.user.id, name: "Ada" } });
      await eventually(async () => expect((await stored(id)).sections).toContainEqual(expect.objectContaining({ owner: ada.user.id })));
      await podium.services.prisma.deck.update({ where: { id }, data: { seriesId: series.id, callDate: new Date(`${callDate}T00:00:00Z`) } });
      return id;
    };
    const later = await dated("2099-01-15");
    const sooner = await dated("2099-01-08");
    const past = await dated("2020-01-02");
    const mine = (await (await mineRoute.GET(as(ada, "/api/sections/mine"))).json()) as MySectionsResponse;
    expect(mine.upcoming.map((section) => [section.deckId, section.callDate, section.seriesName, section.title])).toEqual([
      [sooner, "2099-01-08", "Community Call", "Team Ops"],
      [later, "2099-01-15", "Community Call", "Team Ops"],
    ]);
    expect([...mine.upcoming, ...mine.undated].map((section) => section.deckId)).not.toContain(past);
  });
});

describe("sections survive the deck's ways out and back", () => {
  it("export as a file and import it again, and a revision restored, keep owners and status", async () => {
    const id = await callDeck();
    const client = editor(id, ada).client;
    await waitForSync(client);
    changeSection(client.text, 1, { owner: { id: ada.user.id, name: "Ada" }, status: "ready", continued: true });
    await eventually(async () => expect((await stored(id)).sections).toContainEqual(expect.objectContaining({ owner: ada.user.id, continued: true })));
    const before = sectionSummary(client.text.toString());

    const exported = await podium.services.exports.exportDeck(id, "md");
    const bytes = typeof exported!.body === "string" ? new TextEncoder().encode(exported!.body) : exported!.body;
    const report = await podium.services.imports.import([{ name: "20990108.md", bytes }], owner.user.id);
    const imported = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id: report.decks[0]!.id }, select: { sections: true } });
    expect(imported.sections).toEqual(before);

    const revision = await podium.services.revisions.takeNamed(id, "before the change", null);
    changeSection(client.text, 1, { owner: null, status: "todo" });
    await eventually(async () => expect((await stored(id)).sections).not.toEqual(before));
    await podium.services.revisions.restore(id, revision!.id);
    await eventually(async () => expect((await stored(id)).sections).toEqual(before));
  });
});

describe("End call", () => {
  it("locks the deck: a writer's live connection becomes read-only, REST writes are refused, the owner still writes; unlock records history", async () => {
    const id = await callDeck();
    const bobEditor = editor(id, bob);
    await waitForSync(bobEditor.client);

    expect((await lockRoute.POST(as(bob, `/api/decks/${id}/lock`, { method: "POST" }), params(id))).status).toBe(403);
    const locked = await lockRoute.POST(as(owner, `/api/decks/${id}/lock`, { method: "POST" }), params(id));
    expect(locked.status).toBe(200);
    expect((await locked.json()) as DeckLockState).toMatchObject({ locked: true, lockedBy: { id: owner.user.id, name: "Moderator" } });

    await eventually(() => expect(bobEditor.denied).toEqual([ACCESS_MESSAGES.locked]));
    bobEditor.client.text.insert(0, "after the call ");
    const put = (user: TestUser, body: string) =>
      markdownRoute.PUT(as(user, `/api/decks/${id}/markdown`, { method: "PUT", body, headers: { "content-type": "text/plain" } }), params(id));
    expect((await put(bob, "rewritten")).status).toBe(403);
    expect((await put(owner, `${DECK}\nFixed by the moderator\n`)).status).toBeLessThan(300);
    await eventually(() => expect(bobEditor.client.text.toString()).toContain("Fixed by the moderator"));
    expect((await stored(id)).markdown).toBe(`${DECK}\nFixed by the moderator\n`);

    const unlocked = await lockRoute.DELETE(as(owner, `/api/decks/${id}/lock`, { method: "DELETE" }), params(id));
    expect(((await unlocked.json()) as DeckLockState).locked).toBe(false);
    // Bob may write again: his connection reconnects as a writer.
    await eventually(() => expect(bobEditor.closes).toContain(WsCloseCode.accessChanged));
    expect((await put(bob, "typo fixed")).status).toBeLessThan(300);

    const history = (await (await revisionsRoute.GET(as(owner, `/api/decks/${id}/revisions`), params(id))).json()) as { revisions: Array<{ name: string | null }> };
    expect(history.revisions.map((revision) => revision.name).filter(Boolean)).toEqual(["Unlocked by Moderator", "Locked after the call by Moderator"]);
  });
});

describe("the series' time lock", () => {
  it("locks a deck whose slot ended and not one whose slot has not, nor one unlocked by hand", async () => {
    const series = await podium.services.prisma.series.create({
      data: { id: "timed", name: "Timed Call", folder: "timed-call", startTime: "15:05", timeZone: "Europe/Berlin", durationMinutes: 55, lockAfterMinutes: 30 },
    });
    const onDay = async (day: string) => {
      const id = await callDeck();
      await podium.services.prisma.deck.update({ where: { id }, data: { seriesId: series.id, callDate: new Date(`${day}T00:00:00Z`) } });
      return id;
    };
    const ended = await onDay("2030-07-18");
    const notYet = await onDay("2030-07-25");
    const fixedByHand = await onDay("2030-07-11");
    const bobEditor = editor(ended, bob);
    await waitForSync(bobEditor.client);

    const locks = new DeckLocks(podium.services.prisma, podium.services.revisions, podium.services.access);
    await locks.lock(fixedByHand, { id: owner.user.id, name: "Moderator" });
    await locks.unlock(fixedByHand, { id: owner.user.id, name: "Moderator" });
    const scheduler = new CallLockScheduler(podium.services.prisma, locks, createLogger("silent"));
    // 15:05 CEST + 55 min + 30 min = 14:30 UTC on the 18th.
    expect(await scheduler.lockDue(new Date("2030-07-18T14:29:00Z"))).toEqual([]);
    expect(await scheduler.lockDue(new Date("2030-07-18T14:31:00Z"))).toEqual([ended]);

    const lockedAt = async (id: string) => (await podium.services.prisma.deck.findUniqueOrThrow({ where: { id }, select: { lockedAt: true } })).lockedAt;
    expect(await lockedAt(ended)).not.toBeNull();
    expect(await lockedAt(notYet)).toBeNull();
    expect(await lockedAt(fixedByHand)).toBeNull();
    await eventually(() => expect(bobEditor.denied).toEqual([ACCESS_MESSAGES.locked]));
    const history = await podium.services.revisions.list(ended);
    expect(history.map((revision) => revision.name)).toContain("Locked after the call (the series' time lock)");
  });
});
