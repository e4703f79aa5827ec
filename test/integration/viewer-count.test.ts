// Viewers are counted, not broadcast (server/sync/presence.ts, MessageType.viewerCount): read-only
// connections' presence reaches nobody, every member that asks gets the count, on one instance and
// across instances over the real Redis.
import * as decoding from "lib0/decoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MessageType } from "../../core/sync-protocol";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const servers: PodiumServer[] = [];
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(async () => {
  await database.drop();
});

async function server(env: Record<string, string> = {}): Promise<PodiumServer> {
  const started = await startTestPodium(database.url, env);
  servers.push(started);
  return started;
}

async function readOnlyDeck(podium: PodiumServer): Promise<string> {
  const { id } = await podium.services.decks.create("# Call\n");
  await podium.services.access.updateSettings(id, { guestAccess: "read" });
  return id;
}

/** A read-only guest with a viewer presence, as the slideshow's follower has. */
function viewer(podium: PodiumServer, deckId: string, name: string): TestClient {
  const client = connectClient(podium.url, deckId);
  client.provider.awareness.setLocalStateField("user", { name, color: "#7b3fc4" });
  clients.push(client);
  return client;
}

/** A raw writer's socket that asks for the viewer count and records every count it gets. */
async function countWatcher(podium: PodiumServer, deckId: string, user: TestUser): Promise<{ counts: number[]; awarenessMessages: () => number }> {
  const socket = new WebSocket(`${podium.url.replace("http", "ws")}/ws/${deckId}`, { headers: user.headers });
  socket.binaryType = "nodebuffer";
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const counts: number[] = [];
  let awareness = 0;
  socket.on("message", (data: Buffer) => {
    if (data[0] === MessageType.awareness) awareness++;
    if (data[0] !== MessageType.viewerCount) return;
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    counts.push(decoding.readVarUint(decoder));
  });
  socket.send(Uint8Array.from([MessageType.viewerCount]));
  return { counts, awarenessMessages: () => awareness };
}

describe("viewers counted, not broadcast", () => {
  it("counts read-only viewers for whoever asks, sends none of their presence, and follows them leaving", async () => {
    const podium = await server();
    const user = await createTestUser(podium);
    const id = await readOnlyDeck(podium);
    const watcher = await countWatcher(podium, id, user);
    await eventually(() => expect(watcher.counts).toEqual([0]));

    const viewers = Array.from({ length: 12 }, (_, index) => viewer(podium, id, `Viewer ${index}`));
    await Promise.all(viewers.map((client) => waitForSync(client)));
    await eventually(() => expect(watcher.counts.at(-1)).toBe(12), 5_000);
    // Their joins reached the writer as a few counts (throttled), and no awareness at all.
    expect(watcher.counts.length).toBeLessThanOrEqual(4);
    expect(watcher.awarenessMessages()).toBe(0);
    // Nor did any viewer receive another viewer's presence.
    for (const client of viewers) expect(client.provider.awareness.getStates().size).toBe(1);

    for (const client of viewers.slice(0, 5)) client.destroy();
    await eventually(() => expect(watcher.counts.at(-1)).toBe(7), 5_000);
  });

  it("a writer downgraded to read leaves the others' presence and is counted instead", async () => {
    const podium = await server();
    const owner = await createTestUser(podium);
    const bob = await createTestUser(podium, { name: "Bob" });
    const { id } = await podium.services.decks.create("x", owner.user.id);
    await podium.services.access.updateSettings(id, { memberAccess: "none", guestAccess: "none" });
    await podium.services.access.grant(id, bob.user.email, "write");
    const bobEditor = connectClient(podium.url, id, { headers: bob.headers });
    clients.push(bobEditor);
    bobEditor.provider.awareness.setLocalStateField("user", { name: "Bob", color: "#1f8a4c" });
    bobEditor.provider.awareness.setLocalStateField("presenter", { h: 1, v: 0, name: "Bob", broadcasting: true });
    const ownerEditor = connectClient(podium.url, id, { headers: owner.headers });
    clients.push(ownerEditor);
    await Promise.all([waitForSync(bobEditor), waitForSync(ownerEditor)]);
    await eventually(() => expect(ownerEditor.provider.awareness.getStates().get(bobEditor.doc.clientID)?.presenter).toBeTruthy());
    const watcher = await countWatcher(podium, id, owner);

    await podium.services.access.grant(id, bob.user.email, "read");
    await eventually(() => expect(ownerEditor.provider.awareness.getStates().has(bobEditor.doc.clientID)).toBe(false));
    await eventually(() => expect(watcher.counts.at(-1)).toBe(1));
  });

  it.skipIf(!process.env.REDIS_URL)("adds up the viewers of every instance (Redis)", async () => {
    const one = await server({ REDIS_URL: process.env.REDIS_URL! });
    const two = await server({ REDIS_URL: process.env.REDIS_URL! });
    const user = await createTestUser(one);
    const id = await readOnlyDeck(one);
    const watcher = await countWatcher(one, id, user);
    const here = [viewer(one, id, "Here 1"), viewer(one, id, "Here 2")];
    const there = [viewer(two, id, "There 1"), viewer(two, id, "There 2"), viewer(two, id, "There 3")];
    await Promise.all([...here, ...there].map((client) => waitForSync(client)));
    await eventually(() => expect(watcher.counts.at(-1)).toBe(5), 5_000);
    for (const client of there) client.destroy();
    await eventually(() => expect(watcher.counts.at(-1)).toBe(2), 5_000);
    expect(watcher.awarenessMessages()).toBe(0);
  });
});
