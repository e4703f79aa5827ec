import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { PrismaClient } from "../db/prisma";
import { createLogger } from "../log";
import { createMigratedDatabase } from "../../test/support/database";
import { DeckStore } from "./deck-store";
import { UpdateLog } from "./update-log";
import { deriveColumns } from "../sync/derived-columns";

const FLUSH_WINDOW_MS = 10;
let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let prisma: PrismaClient;
let store: DeckStore;

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
  store = new DeckStore(prisma);
});

afterAll(() => database.drop());

function typist(text: string) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const ytext = doc.getText("markdown");
  for (const char of text) ytext.insert(ytext.length, char);
  return { doc, updates };
}

const source = (markdown: string) => ({ derivedColumns: () => ({ ...deriveColumns(markdown), title: "T", tags: ["x"] }) });

describe("UpdateLog (group commit)", () => {
  it("writes an accepted update to PostgreSQL by itself once the flush window passes", async () => {
    await store.create("groupcommit1", new Uint8Array([0, 0]), deriveColumns(""));
    const log = new UpdateLog(database.url, { flushIntervalMs: FLUSH_WINDOW_MS, log: createLogger("silent") });
    const { updates } = typist("ab");
    // Warm the connection pool so the measurement below is the flush, not the first connect.
    await log.append("groupcommit1", updates[0]!, source("a"));
    const started = performance.now();
    void log.append("groupcommit1", updates[1]!, source("ab"));
    expect(await store.logLength("groupcommit1")).toBe(1);
    // No flush() or close(): the timer alone must write it, not before its window. How soon (the
    // 50 ms target) is measured by `npm run bench:sync`: an upper bound here fails on a busy machine.
    let elapsed = Infinity;
    while (performance.now() - started < 30_000) {
      if ((await store.logLength("groupcommit1")) === 2) {
        elapsed = performance.now() - started;
        break;
      }
    }
    expect(elapsed, "the timer wrote the update").toBeLessThan(Infinity);
    expect(elapsed).toBeGreaterThanOrEqual(FLUSH_WINDOW_MS - 1);
    await log.close();
  });

  it("commits a burst of updates together, one entry per flush, in order, with the derived columns", async () => {
    await store.create("groupcommit2", new Uint8Array([0, 0]), deriveColumns(""));
    const log = new UpdateLog(database.url, { flushIntervalMs: FLUSH_WINDOW_MS, log: createLogger("silent") });
    const entriesPerFlush: number[] = [];
    log.onFlushed((entries) => entriesPerFlush.push(entries.get("groupcommit2") ?? 0));
    const { doc, updates } = typist("Hello, group commit!");
    await Promise.all(updates.map((update) => log.append("groupcommit2", update, source("Hello, group commit!"))));
    await log.close();

    const state = await store.loadState("groupcommit2");
    // Every update exactly once, in the order accepted, from fewer rows than updates.
    expect(state!.updates.map((update) => [...update])).toEqual(updates.map((update) => [...update]));
    expect(state!.logEntries).toBeLessThan(updates.length);
    expect(entriesPerFlush.reduce((sum, count) => sum + count, 0)).toBe(state!.logEntries);
    const reloaded = new Y.Doc();
    for (const update of state!.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getText("markdown").toString()).toBe(doc.getText("markdown").toString());
    const deck = await store.get("groupcommit2");
    expect(deck).toMatchObject({ title: "T", tags: ["x"] });
    expect(await store.markdown("groupcommit2")).toBe("Hello, group commit!");
  });

  it("drops the queued updates of a deck deleted meanwhile without failing the others", async () => {
    await store.create("keepme", new Uint8Array([0, 0]), deriveColumns(""));
    await store.create("deleteme", new Uint8Array([0, 0]), deriveColumns(""));
    const log = new UpdateLog(database.url, { flushIntervalMs: 200, log: createLogger("silent") });
    const kept = typist("k").updates[0]!;
    const doomed = typist("d").updates[0]!;
    const keptWrite = log.append("keepme", kept, source("k"));
    void log.append("deleteme", doomed, source("d")).catch(() => undefined);
    await store.delete("deleteme");
    await keptWrite;
    await log.close();
    expect(await store.logLength("keepme")).toBe(1);
    expect(await store.logLength("deleteme")).toBe(0);
  });

  it("writes a batch once even when a flush listener throws", async () => {
    await store.create("listenerfails", new Uint8Array([0, 0]), deriveColumns(""));
    const log = new UpdateLog(database.url, { flushIntervalMs: FLUSH_WINDOW_MS, log: createLogger("silent") });
    log.onFlushed(() => {
      throw new Error("listener bug");
    });
    const { updates } = typist("xy");
    await Promise.all(updates.map((update) => log.append("listenerfails", update, source("xy"))));
    await log.close();
    expect((await store.loadState("listenerfails"))!.updates).toHaveLength(2);
  });

  it("refuses appends after close, and closing twice is harmless", async () => {
    const log = new UpdateLog(database.url, { flushIntervalMs: FLUSH_WINDOW_MS, log: createLogger("silent") });
    await Promise.all([log.close(), log.close()]);
    await log.close();
    await expect(log.append("keepme", typist("z").updates[0]!, source("z"))).rejects.toThrow(/closed/);
  });
});
