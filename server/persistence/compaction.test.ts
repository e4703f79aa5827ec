import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { PrismaClient } from "../db/prisma";
import { createLogger } from "../log";
import { createMigratedDatabase } from "../../test/support/database";
import { compactDeck } from "./compaction";
import { DeckStore } from "./deck-store";
import { UpdateLog } from "./update-log";
import { deriveColumns } from "../sync/derived-columns";

let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let prisma: PrismaClient;
let store: DeckStore;

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
  store = new DeckStore(prisma);
});

afterAll(() => database.drop());

function reload(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update);
  return doc.getText("markdown").toString();
}

describe("compaction", () => {
  it("update log → compaction → reload gives the same document, and later entries still apply", async () => {
    const author = new Y.Doc();
    const text = author.getText("markdown");
    text.insert(0, "# Team IaaS\n");
    await store.create("compact1", Y.encodeStateAsUpdate(author), deriveColumns(text.toString()));

    const log = new UpdateLog(database.url, { flushIntervalMs: 5, log: createLogger("silent") });
    const source = { derivedColumns: () => deriveColumns(text.toString()) };
    const writes: Promise<void>[] = [];
    author.on("update", (update: Uint8Array) => writes.push(log.append("compact1", update, source)));
    for (let i = 0; i < 200; i++) text.insert(text.length, `line ${i}\n`);
    text.delete(0, 5);
    await Promise.all(writes);

    const before = await store.loadState("compact1");
    expect(before!.updates.length).toBe(201);
    // Group commit: far fewer log entries than updates.
    expect(before!.logEntries).toBeLessThan(201);
    expect(reload(before!)).toBe(text.toString());

    const result = await compactDeck(prisma, "compact1");
    expect(result).toMatchObject({ mergedEntries: before!.logEntries });
    const after = await store.loadState("compact1");
    expect(after!.updates).toHaveLength(0);
    expect(reload(after!)).toBe(text.toString());

    // Entries written after the compaction load on top of the new snapshot.
    text.insert(text.length, "after compaction\n");
    await Promise.all(writes);
    await log.close();
    const later = await store.loadState("compact1");
    expect(later!.updates).toHaveLength(1);
    expect(reload(later!)).toBe(text.toString());
  });

  it("returns null for an unknown deck", async () => {
    expect(await compactDeck(prisma, "nosuchdeck")).toBeNull();
  });
});
