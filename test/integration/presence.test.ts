// Presence belongs to its connection (server/sync/presence.ts), through the real server: hostile
// awareness frames from read-only guests and writers, raw on the socket, against honest clients.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let writerHeaders: Record<string, string>;
/** Another member: may write too, but is not the account of the writers above. */
let otherHeaders: Record<string, string>;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { PRESENCE_MESSAGES_PER_SECOND: "20", PRESENCE_MESSAGE_BURST: "20", WS_MESSAGES_PER_SECOND: "0" });
  writerHeaders = (await createTestUser(podium)).headers;
  otherHeaders = (await createTestUser(podium, { name: "Other" })).headers;
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

/** A deck that members may edit and guests (no credentials) may only read. */
async function deckWithReadOnlyGuests(): Promise<string> {
  const { id } = await podium.services.decks.create("# Call\n");
  await podium.services.access.updateSettings(id, { guestAccess: "read" });
  return id;
}

function writer(deckId: string, name: string): TestClient {
  const client = connectClient(podium.url, deckId, { headers: writerHeaders });
  clients.push(client);
  client.provider.awareness.setLocalStateField("user", { name, color: "#2557d6", colorLight: "#2557d633" });
  return client;
}

function rawSocket(deckId: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${podium.url.replace("http", "ws")}/ws/${deckId}`, { headers });
    socket.binaryType = "nodebuffer";
    sockets.push(socket);
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

function awarenessFrame(entries: Entry[]): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(
      encoder,
      encoding.encode((inner) => {
        encoding.writeVarUint(inner, entries.length);
        for (const entry of entries) {
          encoding.writeVarUint(inner, entry.clientId);
          encoding.writeVarUint(inner, entry.clock);
          encoding.writeVarString(inner, JSON.stringify(entry.state));
        }
      }),
    );
  });
}

/** The states the server shares, as its answer to an awareness query on `socket`. */
function sharedStates(socket: WebSocket): Promise<Map<number, Record<string, unknown>>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== MessageType.awareness) return;
      socket.off("message", onMessage);
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      const awareness = new Awareness(new Y.Doc());
      awareness.setLocalState(null);
      applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), "server");
      const states = new Map(awareness.getStates());
      awareness.destroy();
      resolve(states);
    };
    socket.on("message", onMessage);
    socket.send(Uint8Array.from([MessageType.queryAwareness]));
  });
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

function names(client: TestClient): unknown[] {
  return [...client.provider.awareness.getStates().values()].map((state) => state.user?.name);
}

describe("presence belongs to its connection", () => {
  it("a read-only guest can neither rename nor remove a writer's presence, whatever the clock", async () => {
    const id = await deckWithReadOnlyGuests();
    const alice = writer(id, "Alice");
    const bob = writer(id, "Bob");
    await Promise.all([waitForSync(alice), waitForSync(bob)]);
    await eventually(() => expect(names(bob)).toContain("Alice"));

    const guest = await rawSocket(id);
    const aliceId = alice.doc.clientID;
    guest.send(awarenessFrame([{ clientId: aliceId, clock: 1_000_000, state: { user: { name: "Mallory", color: "#000000" }, presenter: { h: 9, v: 0, broadcasting: true } } }]));
    guest.send(awarenessFrame([{ clientId: aliceId, clock: 2_000_000, state: null }]));
    const shared = await sharedStates(guest);

    expect(shared.get(aliceId)).toMatchObject({ user: { name: "Alice" } });
    expect(names(bob)).toContain("Alice");
    expect(names(bob)).not.toContain("Mallory");
    // Alice's own changes still go through: her clock was not pushed past reach.
    alice.provider.awareness.setLocalStateField("user", { name: "Alice Liddell", color: "#2557d6" });
    await eventually(() => expect(names(bob)).toContain("Alice Liddell"));
  });

  it("another account's connection cannot take over an id a live connection holds", async () => {
    const id = await deckWithReadOnlyGuests();
    const alice = writer(id, "Alice");
    const bob = writer(id, "Bob");
    await Promise.all([waitForSync(alice), waitForSync(bob)]);
    await eventually(() => expect(names(bob)).toContain("Alice"));

    const other = await rawSocket(id, otherHeaders);
    other.send(awarenessFrame([{ clientId: alice.doc.clientID, clock: 999, state: { user: { name: "Impostor", color: "#123456" } } }]));
    const shared = await sharedStates(other);
    expect(shared.get(alice.doc.clientID)).toMatchObject({ user: { name: "Alice" } });
    expect(names(bob)).not.toContain("Impostor");
  });

  it("the same account's new connection takes its presence over (a tab reconnecting before the old socket is dropped)", async () => {
    const id = await deckWithReadOnlyGuests();
    const bob = writer(id, "Bob");
    await waitForSync(bob);
    const presenter = { user: { name: "Presenter", color: "#2557d6" } };
    const before = await rawSocket(id, writerHeaders);
    before.send(awarenessFrame([{ clientId: 31337, clock: 1, state: { ...presenter, presenter: { h: 1, v: 0, broadcasting: true } } }]));
    await eventually(() => expect(bob.provider.awareness.getStates().get(31337)?.presenter).toMatchObject({ h: 1 }));
    // The old socket is still open (the server has not noticed it is dead); the tab reconnects.
    const after = await rawSocket(id, writerHeaders);
    after.send(awarenessFrame([{ clientId: 31337, clock: 2, state: { ...presenter, presenter: { h: 2, v: 0, broadcasting: true } } }]));
    await eventually(() => expect(bob.provider.awareness.getStates().get(31337)?.presenter).toMatchObject({ h: 2 }));
    // The old socket's late messages no longer count, nor does its closing remove the presence.
    before.send(awarenessFrame([{ clientId: 31337, clock: 3, state: { ...presenter, presenter: { h: 9, v: 0, broadcasting: true } } }]));
    before.close();
    const shared = await sharedStates(after);
    expect(shared.get(31337)).toMatchObject({ presenter: { h: 2 } });
  });

  it("a newer tab of the same account echoing an older tab's state does not take it over", async () => {
    const id = await deckWithReadOnlyGuests();
    const older = writer(id, "Older tab");
    await waitForSync(older);
    const newer = writer(id, "Newer tab");
    await waitForSync(newer);
    // y-websocket sends every state it receives back to the server: the newer tab echoes the older one's.
    await eventually(() => expect(names(newer)).toContain("Older tab"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    older.provider.awareness.setLocalStateField("user", { name: "Older tab, renamed", color: "#2557d6" });
    await eventually(() => expect(names(newer)).toContain("Older tab, renamed"));
  });

  it("refuses names and colours that would inject markup or style, and keeps valid ones", async () => {
    const id = await deckWithReadOnlyGuests();
    const bob = writer(id, "Bob");
    await waitForSync(bob);
    const mallory = await rawSocket(id, writerHeaders);
    const hostile = [
      { user: { name: "Mallory", color: "red;background:url(https://evil.example/x)" } },
      { user: { name: "Mallory", color: "#2557d6", colorLight: "#2557d6; position:fixed" } },
      { user: { name: "\u202eyrollaM", color: "#2557d6" } },
      { user: { name: "M".repeat(200), color: "#2557d6" } },
      { user: { name: "", color: "#2557d6" } },
      { user: "Mallory" },
      [1, 2, 3],
    ];
    hostile.forEach((state, index) => mallory.send(awarenessFrame([{ clientId: 7_000 + index, clock: 1, state }])));
    mallory.send(awarenessFrame([{ clientId: 7_100, clock: 1, state: { user: { name: "Zoë 🚀", color: "#1F8A4C", colorLight: "#1f8a4c33" } } }]));
    const shared = await sharedStates(mallory);
    expect([...shared.keys()].filter((clientId) => clientId >= 7_000 && clientId < 7_100)).toEqual([]);
    expect(shared.get(7_100)).toMatchObject({ user: { name: "Zoë 🚀" } });
    await eventually(() => expect(names(bob)).toContain("Zoë 🚀"));
    expect(names(bob).filter((name) => typeof name === "string" && name.includes("Mallory"))).toEqual([]);
  });

  it("a read-only guest keeps a viewer presence but never broadcasts a presenter", async () => {
    const id = await deckWithReadOnlyGuests();
    const bob = writer(id, "Bob");
    await waitForSync(bob);
    const guest = connectClient(podium.url, id);
    clients.push(guest);
    guest.provider.awareness.setLocalStateField("user", { name: "Guest 123", color: "#7b3fc4" });
    guest.provider.awareness.setLocalStateField("presenter", { h: 4, v: 0, name: "Guest 123", broadcasting: true });
    await waitForSync(guest);
    // The guest is counted (see the viewer count tests); nobody receives its state or its slide.
    const probe = await rawSocket(id, writerHeaders);
    const shared = await sharedStates(probe);
    expect(shared.has(guest.doc.clientID)).toBe(false);
    expect(names(bob)).not.toContain("Guest 123");
    for (const state of bob.provider.awareness.getStates().values()) expect(state.presenter).toBeUndefined();
  });

  it("closes a connection whose state is too large or that claims too many ids, and nobody else", async () => {
    const id = await deckWithReadOnlyGuests();
    const bob = writer(id, "Bob");
    await waitForSync(bob);

    const big = await rawSocket(id);
    const bigClosed = closeOf(big);
    big.send(awarenessFrame([{ clientId: 1234, clock: 1, state: { user: { name: "Big", color: "#123456" }, junk: "x".repeat(10_000) } }]));
    expect(await bigClosed).toEqual({ code: WsCloseCode.messageTooBig, reason: "a presence state may be at most 4096 bytes" });

    const many = await rawSocket(id);
    const manyClosed = closeOf(many);
    for (let index = 0; index < 6; index++) many.send(awarenessFrame([{ clientId: 5000 + index, clock: 1, state: { user: { name: `Clone ${index}`, color: "#123456" } } }]));
    expect(await manyClosed).toEqual({ code: WsCloseCode.policyViolation, reason: "a connection may hold at most 4 presence states" });

    const wide = await rawSocket(id);
    const wideClosed = closeOf(wide);
    wide.send(awarenessFrame(Array.from({ length: 1000 }, (_, index) => ({ clientId: 9000 + index, clock: 1, state: {} }))));
    expect((await wideClosed).code).toBe(WsCloseCode.policyViolation);

    // Bob is untouched: still connected, still editing, still present.
    bob.text.insert(0, "still here ");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toContain("still here"));
    const probe = await rawSocket(id, writerHeaders);
    expect((await sharedStates(probe)).get(bob.doc.clientID)).toMatchObject({ user: { name: "Bob" } });
  });

  it("a flood of presence messages reaches the others coalesced, the latest state last", async () => {
    const id = await deckWithReadOnlyGuests();
    const bob = writer(id, "Bob");
    await waitForSync(bob);
    let received = 0;
    bob.provider.ws!.addEventListener("message", (event: MessageEvent) => {
      if (new Uint8Array(event.data as ArrayBuffer)[0] === MessageType.awareness) received++;
    });
    const flooder = await rawSocket(id, writerHeaders);
    const sent = 2_000;
    for (let clock = 1; clock <= sent; clock++) {
      flooder.send(awarenessFrame([{ clientId: 4242, clock, state: { user: { name: `Flood ${clock}`, color: "#123456" } } }]));
    }
    await eventually(() => expect(names(bob)).toContain(`Flood ${sent}`), 15_000);
    // 20 per second after a burst of 20: far fewer than sent, whatever the timing.
    expect(received).toBeLessThan(sent / 4);
  });
});
