// Migrates a fresh database with the hand-written migrations and exercises every model and field
// through the generated Prisma client: if the SQL and prisma/schema.prisma drift apart, this fails.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../server/db/migrate";
import { createPrismaClient, type PrismaClient } from "../../server/db/prisma";
import { createTestDatabase } from "../support/database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database.drop();
});

describe("database schema", () => {
  it("applies every migration once and records it as Prisma Migrate does", async () => {
    const first = await applyMigrations(database.url);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await applyMigrations(database.url);
    expect(second.applied).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`);
    await client.end();
    expect(rows.rows.map((row) => row.migration_name)).toEqual(first.applied);
    for (const row of rows.rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("supports every model and field of schema.prisma", async () => {
    prisma = createPrismaClient(database.url);
    const deck = await prisma.deck.create({
      data: {
        id: "schema-check",
        snapshot: new Uint8Array([1, 2, 3]),
        markdown: "# Hi",
        title: "Hi",
        tags: ["a", "b"],
        updates: { create: [{ update: new Uint8Array([4, 5]) }, { update: new Uint8Array([6]), updateCount: 2 }] },
      },
      include: { updates: { orderBy: { seq: "asc" } } },
    });
    expect(deck).toMatchObject({ markdown: "# Hi", title: "Hi", tags: ["a", "b"] });
    expect([...deck.snapshot!]).toEqual([1, 2, 3]);
    expect(deck.createdAt).toBeInstanceOf(Date);
    expect(deck.updatedAt).toBeInstanceOf(Date);
    expect(deck.updates.map((entry) => [...entry.update])).toEqual([[4, 5], [6]]);
    expect(deck.updates.map((entry) => entry.updateCount)).toEqual([1, 2]);
    expect(deck.updates[0]!.seq < deck.updates[1]!.seq).toBe(true);
    expect(deck.updates[0]!.createdAt).toBeInstanceOf(Date);

    await prisma.deck.delete({ where: { id: "schema-check" } });
    expect(await prisma.deckUpdate.count({ where: { deckId: "schema-check" } })).toBe(0);
  });

  it("supports the accounts and access models, their defaults and cascades", async () => {
    prisma ??= createPrismaClient(database.url);
    const now = new Date();
    const user = await prisma.user.create({
      data: {
        id: "u1",
        name: "Ada",
        email: "ada@podium.test",
        image: "/a.png",
        banReason: "test",
        banExpires: now,
        sessions: { create: { id: "s1", token: "t1", expiresAt: now, ipAddress: "127.0.0.1", userAgent: "ua", impersonatedBy: "u0" } },
        accounts: {
          create: {
            id: "a1",
            accountId: "u1",
            providerId: "credential",
            password: "hash",
            accessToken: "at",
            refreshToken: "rt",
            idToken: "it",
            accessTokenExpiresAt: now,
            refreshTokenExpiresAt: now,
            scope: "openid",
          },
        },
        apiTokens: { create: { id: "k1", name: "script", prefix: "podium_abc", tokenHash: "h1", lastUsedAt: now } },
      },
      include: { sessions: true, accounts: true, apiTokens: true },
    });
    expect(user).toMatchObject({ role: "member", banned: false, emailVerified: false, banReason: "test" });
    expect(user.sessions[0]).toMatchObject({ token: "t1", impersonatedBy: "u0" });
    expect(user.accounts[0]).toMatchObject({ password: "hash", scope: "openid" });
    expect(user.apiTokens[0]).toMatchObject({ prefix: "podium_abc", tokenHash: "h1" });
    await expect(prisma.apiToken.create({ data: { id: "k2", userId: "u1", name: "dup", prefix: "p", tokenHash: "h1" } })).rejects.toThrow();

    const deck = await prisma.deck.create({
      data: { id: "acl", ownerId: "u1", grants: { create: { userId: "u1", level: "read" } } },
      include: { grants: true, owner: true },
    });
    expect(deck).toMatchObject({ memberAccess: "write", guestAccess: "none", owner: { email: "ada@podium.test" } });
    expect(deck.grants[0]).toMatchObject({ level: "read", createdAt: expect.any(Date) });

    await prisma.verification.create({ data: { id: "v1", identifier: "ada", value: "x", expiresAt: now } });
    await prisma.rateLimit.create({ data: { id: "r1", key: "127.0.0.1|/sign-in/email", count: 1, lastRequest: BigInt(Date.now()) } });
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: "127.0.0.1|/sign-in/email" } })).count).toBe(1);
    expect(await prisma.verification.count()).toBe(1);

    const invitation = await prisma.invitation.create({
      data: { id: "i1", tokenHash: "th1", email: "bob@podium.test", maxUses: 1, expiresAt: now, createdById: "u1" },
      include: { createdBy: true },
    });
    expect(invitation).toMatchObject({ role: "member", uses: 0, revokedAt: null, createdBy: { id: "u1" } });
    await prisma.pendingGrant.create({ data: { deckId: "acl", email: "bob@podium.test", level: "write", invitationId: "i1" } });
    await expect(prisma.pendingGrant.create({ data: { deckId: "acl", email: "bob@podium.test", level: "read" } })).rejects.toThrow();
    await prisma.accountRateLimit.create({ data: { key: "decks:u1", windowStart: now, count: 3 } });
    expect((await prisma.accountRateLimit.findUniqueOrThrow({ where: { key: "decks:u1" } })).count).toBe(3);

    // Deleting a user keeps their decks (ownerless: the admins own them) and drops the rest.
    await prisma.user.delete({ where: { id: "u1" } });
    expect(await prisma.deck.findUniqueOrThrow({ where: { id: "acl" } })).toMatchObject({ ownerId: null });
    expect(await prisma.deckGrant.count()).toBe(0);
    expect(await prisma.session.count()).toBe(0);
    expect(await prisma.account.count()).toBe(0);
    expect(await prisma.apiToken.count()).toBe(0);
    // Their invitations stay valid (nobody made them then); a deleted invitation leaves its pending shares.
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: "i1" } })).createdById).toBeNull();
    await prisma.invitation.delete({ where: { id: "i1" } });
    expect(await prisma.pendingGrant.findFirstOrThrow({ where: { deckId: "acl" } })).toMatchObject({ invitationId: null });
    await prisma.deck.delete({ where: { id: "acl" } });
    expect(await prisma.pendingGrant.count()).toBe(0);
  });

  it("supports presenter pairings, their unique hashes and cascades from the deck and the account", async () => {
    prisma ??= createPrismaClient(database.url);
    const now = new Date();
    await prisma.user.create({ data: { id: "pu", name: "Presenter", email: "presenter@podium.test" } });
    await prisma.deck.create({ data: { id: "paired", ownerId: "pu" } });
    const pairing = await prisma.presenterPairing.create({
      data: { id: "p1", deckId: "paired", createdById: "pu", codeHash: "c1", sessionHash: "s1", expiresAt: now, redeemedAt: now, sessionExpiresAt: now, revokedAt: now },
    });
    expect(pairing).toMatchObject({ codeHash: "c1", sessionHash: "s1", createdAt: expect.any(Date) });
    await expect(prisma.presenterPairing.create({ data: { id: "p2", deckId: "paired", createdById: "pu", codeHash: "c1", expiresAt: now } })).rejects.toThrow();
    await prisma.presenterPairing.create({ data: { id: "p3", deckId: "paired", createdById: "pu", codeHash: "c3", expiresAt: now } });
    await prisma.deck.delete({ where: { id: "paired" } });
    expect(await prisma.presenterPairing.count()).toBe(0);
    await prisma.deck.create({ data: { id: "paired2" } });
    await prisma.presenterPairing.create({ data: { id: "p4", deckId: "paired2", createdById: "pu", codeHash: "c4", expiresAt: now } });
    await prisma.user.delete({ where: { id: "pu" } });
    expect(await prisma.presenterPairing.count()).toBe(0);
  });
  it("supports series, a deck's call date, its lock and its section summary", async () => {
    prisma ??= createPrismaClient(database.url);
    const owner = await prisma.user.create({ data: { id: "su", name: "Moderator", email: "mod@podium.test" } });
    const series = await prisma.series.create({
      data: {
        id: "s1", name: "Community Call", folder: "community-call", weekday: 4, startTime: "15:05",
        timeZone: "Europe/Berlin", templateDeckId: "t1", prepareDaysAhead: 3, lockAfterMinutes: 30, ownerId: owner.id,
      },
    });
    expect(series).toMatchObject({ cadenceDays: 7, durationMinutes: 60 });
    const sections = [{ index: 0, title: "Team Ops", owner: "u_ada", ownerName: "Ada", status: "ready", continued: false }];
    await prisma.deck.create({
      data: { id: "call", seriesId: series.id, callDate: new Date("2024-07-18T00:00:00Z"), lockedAt: new Date(), lockedById: owner.id, sections },
    });
    const deck = await prisma.deck.findUniqueOrThrow({ where: { id: "call" }, include: { series: true } });
    expect(deck.callDate?.toISOString()).toBe("2024-07-18T00:00:00.000Z");
    expect(deck.sections).toEqual(sections);
    expect(deck.series?.folder).toBe("community-call");
    expect((await prisma.deck.create({ data: { id: "plain" } })).sections).toEqual([]);
    await expect(prisma.series.create({ data: { id: "s2", name: "Again", folder: "community-call" } })).rejects.toThrow();

    await prisma.series.delete({ where: { id: series.id } });
    expect((await prisma.deck.findUniqueOrThrow({ where: { id: "call" } })).seriesId).toBeNull();
    await prisma.user.delete({ where: { id: owner.id } });
  });
  it("keeps the publishing repository and each deck's publication, which cascades with its deck", async () => {
    prisma ??= createPrismaClient(database.url);
    const repository = await prisma.publishRepository.create({ data: { id: "default", url: "/srv/git/minutes.git", tokenCiphertext: "v1.a.b.c" } });
    expect(repository).toMatchObject({ branch: "main", publishOnArchive: true, pushAttempts: 0, nextPushAt: null });
    await prisma.deck.create({ data: { id: "pub1" } });
    await prisma.deck.create({ data: { id: "pub2" } });
    const row = await prisma.deckPublication.create({ data: { deckId: "pub1", path: "community-call/20240718.md", files: ["community-call/20240718.md", "community-call/a.png"] } });
    expect(row).toMatchObject({ status: "pending", attempts: 0, commitSha: null, nextAttemptAt: expect.any(Date) });
    await expect(prisma.deckPublication.create({ data: { deckId: "pub2", path: "community-call/20240718.md" } })).rejects.toThrow();
    await expect(prisma.deckPublication.create({ data: { deckId: "pub2", status: "done" } })).rejects.toThrow();
    await expect(prisma.deckPublication.create({ data: { deckId: "no-such-deck" } })).rejects.toThrow();
    expect(await prisma.deckPublication.count({ where: { files: { hasSome: ["community-call/a.png"] } } })).toBe(1);
    await prisma.deck.delete({ where: { id: "pub1" } });
    expect(await prisma.deckPublication.count()).toBe(0);
    await prisma.publishRepository.delete({ where: { id: "default" } });
  });
});
