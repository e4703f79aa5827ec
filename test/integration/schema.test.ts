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
        updates: { create: [{ update: new Uint8Array([4, 5]) }, { update: new Uint8Array([6]) }] },
      },
      include: { updates: { orderBy: { seq: "asc" } } },
    });
    expect(deck).toMatchObject({ markdown: "# Hi", title: "Hi", tags: ["a", "b"] });
    expect([...deck.snapshot!]).toEqual([1, 2, 3]);
    expect(deck.createdAt).toBeInstanceOf(Date);
    expect(deck.updatedAt).toBeInstanceOf(Date);
    expect(deck.updates.map((entry) => [...entry.update])).toEqual([[4, 5], [6]]);
    expect(deck.updates[0]!.seq < deck.updates[1]!.seq).toBe(true);
    expect(deck.updates[0]!.createdAt).toBeInstanceOf(Date);

    await prisma.deck.delete({ where: { id: "schema-check" } });
    expect(await prisma.deckUpdate.count({ where: { deckId: "schema-check" } })).toBe(0);
  });
});
