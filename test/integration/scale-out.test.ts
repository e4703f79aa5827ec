// Several instances of the server sharing decks through the real Redis and one PostgreSQL: edits,
// presence and deletions cross instances, each update is stored once, a deck opened on a second
// instance gets edits the first has not flushed yet, and a killed instance loses nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck, storedText, storedUpdates } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { startServerProcess } from "../support/server-process";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const redisUrl = process.env.REDIS_URL;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const title = redisUrl ? "scale-out over Redis" : "scale-out over Redis: skipped, REDIS_URL is not set (there is no Redis to test with)";

describe.skipIf(!redisUrl)(title, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const servers: PodiumServer[] = [];
  const clients: TestClient[] = [];

  const instance = async (env: Record<string, string> = {}) => {
    const server = await startTestPodium(database.url, { REDIS_URL: redisUrl!, COMPACT_AFTER_UPDATES: "100000", ...env });
    servers.push(server);
    return server;
  };
  const client = (server: { url: string }, deckId: string) => {
    const created = connectClient(server.url, deckId);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const created of clients.splice(0)) created.destroy();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });
  afterAll(async () => {
    await database.drop();
  });

  it("edits on either instance reach the clients of both, and each update is stored exactly once", async () => {
    const one = await instance();
    const two = await instance();
    const id = await insertGuestDeck(database.url, "");
    const alice = client(one, id);
    const bob = client(two, id);
    await Promise.all([waitForSync(alice), waitForSync(bob)]);

    for (let i = 0; i < 30; i++) {
      alice.text.insert(alice.text.length, `a${i % 10}`);
      bob.text.insert(0, `b${i % 10}`);
      await pause(5);
    }
    await eventually(() => expect(bob.text.toString()).toBe(alice.text.toString()));
    const final = alice.text.toString();
    expect(final.length).toBe(120);
    // 60 keystrokes, 60 stored updates: the instance that accepted an update stored it, the other did not.
    await eventually(async () => expect(await storedUpdates(database.url, id)).toBe(60));
    await eventually(async () => expect(await storedText(database.url, id)).toBe(final));
    await pause(300);
    expect(await storedUpdates(database.url, id)).toBe(60);
  });

  it("a deck opened on a second instance gets edits the first has not written to PostgreSQL yet", async () => {
    // A minute-long group commit: nothing typed here reaches PostgreSQL during the test.
    const one = await instance({ FLUSH_INTERVAL_MS: "60000" });
    const two = await instance();
    const id = await insertGuestDeck(database.url, "stored\n");
    const alice = client(one, id);
    await waitForSync(alice);
    alice.text.insert(alice.text.length, "only in the memory of instance one\n");
    await eventually(() => expect(one.rooms.peek(id)?.text.toString()).toBe(alice.text.toString()));
    expect(await storedText(database.url, id)).toBe("stored\n");

    const bob = client(two, id);
    await waitForSync(bob);
    // Already complete at the end of the handshake: instance two asked instance one before serving.
    expect(bob.text.toString()).toBe("stored\nonly in the memory of instance one\n");
  });

  it("shares presence across instances", async () => {
    const one = await instance();
    const two = await instance();
    const id = await insertGuestDeck(database.url, "");
    const alice = client(one, id);
    const bob = client(two, id);
    await Promise.all([waitForSync(alice), waitForSync(bob)]);
    alice.provider.awareness.setLocalStateField("user", { name: "Alice", color: "#2557d6" });
    await eventually(() => {
      const names = [...bob.provider.awareness.getStates().values()].map((state) => state.user?.name);
      expect(names).toContain("Alice");
    });
    alice.destroy();
    await eventually(() => {
      const names = [...bob.provider.awareness.getStates().values()].map((state) => state.user?.name);
      expect(names).not.toContain("Alice");
    });
  });

  it("deleting a deck on one instance disconnects its editors on the other", async () => {
    const one = await instance();
    const two = await instance();
    const id = await insertGuestDeck(database.url, "short-lived");
    const socket = new WebSocket(`${two.url.replace("http", "ws")}/ws/${id}`);
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    await one.services.decks.delete(id);
    expect(await closed).toBe(WsCloseCode.deckDeleted);
  });

  it("an access change on one instance reaches the connections open on the other", async () => {
    const one = await instance();
    const two = await instance();
    const id = await insertGuestDeck(database.url, "open to guests");
    const socket = new WebSocket(`${two.url.replace("http", "ws")}/ws/${id}`);
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    await one.services.access.updateSettings(id, { guestAccess: "none" });
    expect(await closed).toBe(WsCloseCode.accessRevoked);
  });

  it("kill -9 of an instance: its clients move to another instance and nothing is lost", async () => {
    // Instance one commits only every 2 s, so some of what its clients typed is in no database
    // when it dies; instance two holds it from Redis and stores it once one is gone.
    const one = await startServerProcess({
      DATABASE_URL: database.url,
      PORT: "0",
      REDIS_URL: redisUrl!,
      FLUSH_INTERVAL_MS: "2000",
      COMPACT_AFTER_UPDATES: "100000",
    });
    try {
      const two = await instance();
      const id = await insertGuestDeck(database.url, "");
      const typists = [0, 1, 2].map(() => client(one, id));
      const watcher = client(two, id);
      await Promise.all([...typists, watcher].map((typist) => waitForSync(typist)));
      const typed: string[] = [];
      for (let round = 0; round < 20; round++) {
        typists.forEach((typist, n) => {
          const token = `[${n}:${round}]`;
          typed.push(token);
          typist.text.insert(typist.text.length, token);
        });
        await pause(10);
      }
      await eventually(() => expect(watcher.text.toString().length).toBe(typed.join("").length));
      await one.kill9();
      // The proxy would now send them elsewhere; here they are pointed at instance two.
      for (const typist of typists) {
        typist.provider.disconnect();
        typist.provider.serverUrl = `${two.url.replace("http", "ws")}/ws`;
        typist.text.insert(typist.text.length, "(after)");
        typed.push("(after)");
        typist.provider.connect();
      }
      await Promise.all(typists.map((typist) => waitForSync(typist)));
      await eventually(() => expect(new Set([...typists, watcher].map((c) => c.text.toString())).size).toBe(1));
      const final = watcher.text.toString();
      for (const token of typed) expect(final).toContain(token);
      await eventually(async () => expect(await storedText(database.url, id)).toBe(final), 20_000, 200);
    } finally {
      await one.kill9();
    }
  });
});
