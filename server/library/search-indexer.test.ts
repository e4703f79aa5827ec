import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../db/prisma";
import { createLogger } from "../log";
import { createMigratedDatabase } from "../../test/support/database";
import { SearchIndexer } from "./search-indexer";

let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
});

afterAll(() => database.drop());

async function matches(id: string, words: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM deck WHERE id = ${id} AND search @@ websearch_to_tsquery('simple', ${words})`;
  return rows.length === 1;
}

/** What the update log's flush does to a deck. */
async function flush(id: string, markdown: string): Promise<void> {
  await prisma.$executeRaw`UPDATE deck SET markdown = ${markdown}, updated_at = now() WHERE id = ${id}`;
}

describe("full-text index", () => {
  it("indexes a new deck at once, throttles text changes during a burst, and catches up afterwards", async () => {
    await prisma.deck.create({ data: { id: "search1", title: "Community Call", markdown: "Team IaaS reports" } });
    expect(await matches("search1", "community call")).toBe(true);
    expect(await matches("search1", "iaas")).toBe(true);

    await flush("search1", "Team IaaS reports\nKeycloak upgrade");
    // Within 5 s of the last indexing the trigger leaves the index alone: typing stays cheap.
    expect(await matches("search1", "keycloak")).toBe(false);

    const indexer = new SearchIndexer(prisma, { intervalMs: 60_000, log: createLogger("silent") });
    expect(await indexer.catchUp()).toBe(1);
    expect(await matches("search1", "keycloak")).toBe(true);
    expect(await indexer.catchUp()).toBe(0);
  });

  it("re-indexes at once when the title changes", async () => {
    await prisma.deck.create({ data: { id: "search2", title: "Old name", markdown: "" } });
    await prisma.deck.update({ where: { id: "search2" }, data: { title: "Retrospective" } });
    expect(await matches("search2", "retrospective")).toBe(true);
    expect(await matches("search2", "old")).toBe(false);
  });
});
