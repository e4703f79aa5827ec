import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_LEVELS, allows, type AccessLevel } from "../../core/access";
import { createTestUser, type TestUser } from "../../test/support/auth";
import { createTestDatabase } from "../../test/support/database";
import { startTestPodium } from "../../test/support/podium";
import { GUEST, type Actor } from "../access/actor";
import { deckAccess, deckVisible } from "../access/deck-access";
import type { PodiumServer } from "../podium";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let admin: TestUser;
let owner: TestUser;
let grantee: TestUser;
let member: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  admin = await createTestUser(podium, { admin: true });
  owner = await createTestUser(podium, { name: "Olga Owner" });
  grantee = await createTestUser(podium);
  member = await createTestUser(podium, { name: "Mia Member" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const actorOf = (user: TestUser): Actor => ({ kind: "user", via: "token", user: user.user });

describe("the library's SQL access rule", () => {
  it("lists exactly the decks deckAccess lets each actor read, in every view", async () => {
    const { prisma, libraryQuery } = podium.services;
    interface Case {
      id: string;
      ownerId: string | null;
      memberAccess: AccessLevel;
      guestAccess: AccessLevel;
      grant: AccessLevel | null;
      archived: boolean;
      deleted: boolean;
    }
    const cases: Case[] = [];
    for (const memberAccess of ACCESS_LEVELS) {
      for (const guestAccess of ACCESS_LEVELS) {
        for (const grant of [null, ...ACCESS_LEVELS]) {
          for (const ownerId of [owner.user.id, null]) {
            for (const state of ["active", "archived", "deleted"] as const) {
              const { id } = await podium.services.decks.create(`# matrix`, ownerId);
              await prisma.deck.update({
                where: { id },
                data: {
                  memberAccess,
                  guestAccess,
                  archivedAt: state === "archived" ? new Date() : null,
                  deletedAt: state === "deleted" ? new Date() : null,
                },
              });
              if (grant) await prisma.deckGrant.create({ data: { deckId: id, userId: grantee.user.id, level: grant } });
              cases.push({ id, ownerId, memberAccess, guestAccess, grant, archived: state === "archived", deleted: state === "deleted" });
            }
          }
        }
      }
    }
    const actors: [string, Actor, TestUser | null][] = [
      ["admin", actorOf(admin), admin],
      ["owner", actorOf(owner), owner],
      ["grantee", actorOf(grantee), grantee],
      ["member", actorOf(member), member],
      ["guest", GUEST, null],
    ];
    const ids = new Set(cases.map((entry) => entry.id));
    for (const [name, actor, user] of actors) {
      const expected = cases
        .filter((entry) => {
          const policy = { ...entry, grant: user === grantee ? entry.grant : null };
          return deckVisible(actor, policy) && allows(deckAccess(actor, policy), "read");
        })
        .map((entry) => entry.id)
        .sort();
      const listed: string[] = [];
      for (const view of ["active", "archived", "trash"] as const) {
        const page = await libraryQuery.list(actor, { view, pageSize: 100 });
        const all = [...page.decks];
        for (let next = 2; all.length < page.total; next++) all.push(...(await libraryQuery.list(actor, { view, pageSize: 100, page: next })).decks);
        listed.push(...all.map((deck) => deck.id).filter((id) => ids.has(id)));
      }
      expect({ name, listed: listed.sort() }).toEqual({ name, listed: expected });
    }
  });
});

describe("listing and search", () => {
  it("searches title and text, filters by tag and owner, sorts, pages, and puts the caller's pins first", async () => {
    const { libraryQuery, library, decks } = podium.services;
    const make = (markdown: string, who: TestUser) => decks.create(markdown, who.user.id).then((deck) => deck.id);
    const kubernetes = await make("---\ntitle: Kubernetes day\ntags: [k8s, ops]\n---\n# Clusters\n", owner);
    const body = await make("---\ntitle: Weekly call\ntags: [call]\n---\nWe talked about kubernetes upgrades.\n", member);
    const other = await make("---\ntitle: Garden party\ntags: [fun]\n---\nCake.\n", member);
    await podium.updateLog.flush();
    const me = actorOf(member);

    const found = await libraryQuery.list(me, { q: "kubernetes" });
    // The title match (weight A) ranks above the text match (weight B).
    expect(found.decks.map((deck) => deck.id)).toEqual([kubernetes, body]);
    expect(found.decks[1]!.snippet).toContain("<mark>kubernetes</mark>");
    expect((await libraryQuery.list(me, { q: "kubernetes -upgrades" })).decks.map((deck) => deck.id)).toEqual([kubernetes]);
    expect((await libraryQuery.list(me, { q: '"garden party"' })).decks.map((deck) => deck.id)).toEqual([other]);
    expect((await libraryQuery.list(me, { q: "<script>&" })).decks).toEqual([]);

    expect((await libraryQuery.list(me, { tag: "ops" })).decks.map((deck) => deck.id)).toEqual([kubernetes]);
    const byOwner = await libraryQuery.list(me, { owner: member.user.id, sort: "title" });
    expect(byOwner.decks.map((deck) => deck.title)).toEqual(["Garden party", "Weekly call"]);
    expect(byOwner.decks[0]!.owner).toEqual({ id: member.user.id, name: "Mia Member" });

    await library.setPinned(member.user.id, other, true);
    const pinnedFirst = await libraryQuery.list(me, { sort: "title" });
    expect(pinnedFirst.decks[0]).toMatchObject({ id: other, pinned: true });
    // Pins are personal.
    expect((await libraryQuery.list(actorOf(owner), { q: "garden" })).decks[0]!.pinned).toBe(false);

    const all = await libraryQuery.list(me, { pageSize: 2 });
    const second = await libraryQuery.list(me, { pageSize: 2, page: 2 });
    expect(all.total).toBe(second.total);
    expect(all.decks).toHaveLength(2);
    expect(new Set([...all.decks, ...second.decks].map((deck) => deck.id)).size).toBe(all.decks.length + second.decks.length);
    const beyond = await libraryQuery.list(me, { pageSize: 2, page: 10_000 });
    expect(beyond).toMatchObject({ decks: [], total: all.total });

    const facets = await libraryQuery.facets(me);
    expect(facets.tags.map((entry) => entry.tag)).toEqual(expect.arrayContaining(["k8s", "ops", "call", "fun"]));
    expect(facets.owners.map((person) => person.name)).toEqual(expect.arrayContaining(["Mia Member", "Olga Owner"]));
  });
});
