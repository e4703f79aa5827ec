// A deck's document has one shape: the Y.Text "markdown" with string content. Real y-websocket
// clients try every other Yjs content against the real server: each is refused with 4422, nothing of
// it reaches the room, the update log or the other clients. The document's encoded size and the
// updates waiting for missing dependencies are bounded too (1008).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck, storedText, storedUpdates } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const servers: PodiumServer[] = [];
const clients: TestClient[] = [];

async function server(env: Record<string, string> = {}): Promise<PodiumServer> {
  const started = await startTestPodium(database.url, { WS_MESSAGES_PER_SECOND: "0", ...env });
  servers.push(started);
  return started;
}

async function client(podium: PodiumServer, deckId: string, doc?: Y.Doc): Promise<TestClient> {
  const connected = connectClient(podium.url, deckId);
  clients.push(connected);
  if (doc) {
    // Carries what `doc` holds into the client's document before it connects.
    Y.applyUpdate(connected.doc, Y.encodeStateAsUpdate(doc));
  }
  await waitForSync(connected);
  return connected;
}

/** The first close the server sends this client: code and reason. */
function nextClose(connected: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number; reason: string } | null) => {
      connected.provider.off("connection-close", onClose);
      // It would reconnect and send the same again.
      connected.provider.shouldConnect = false;
      resolve({ code: event?.code ?? 0, reason: String(event?.reason ?? "") });
    };
    connected.provider.on("connection-close", onClose);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  for (const connected of clients.splice(0)) connected.destroy();
  await Promise.all(servers.splice(0).map((started) => started.stop()));
});

afterAll(async () => {
  await database.drop();
});

const hostileEdits: Record<string, (doc: Y.Doc) => void> = {
  "a map root": (doc) => doc.getMap("settings").set("x", 1),
  "an array root": (doc) => doc.getArray("list").push([1, "two"]),
  "an XML root": (doc) => doc.getXmlFragment("xml").insert(0, [new Y.XmlElement("p")]),
  "another text root": (doc) => doc.getText("other").insert(0, "hidden"),
  "binary in an array": (doc) => doc.getArray("blobs").push([new Uint8Array(64)]),
  "a sub-document": (doc) => doc.getMap("docs").set("sub", new Y.Doc()),
  "an embed in the markdown text": (doc) => doc.getText(DECK_TEXT_NAME).insertEmbed(0, { image: "x" }),
  "a format on the markdown text": (doc) => doc.getText(DECK_TEXT_NAME).format(0, 4, { bold: true }),
  "formatted text": (doc) => doc.getText(DECK_TEXT_NAME).insert(0, "bold", { bold: true }),
  "a nested map in an array": (doc) => doc.getArray("nested").push([new Y.Map()]),
};

describe("document shape", () => {
  for (const [name, edit] of Object.entries(hostileEdits)) {
    it(`refuses ${name} with ${WsCloseCode.documentShape}; nothing is kept or sent on`, async () => {
      const podium = await server();
      const id = await insertGuestDeck(database.url, "# Deck\n");
      const observer = await client(podium, id);
      const attacker = await client(podium, id);
      const before = await storedUpdates(database.url, id);
      const closed = nextClose(attacker);
      // One transaction: some plain text and the hostile content together, refused whole.
      attacker.doc.transact(() => {
        attacker.text.insert(attacker.text.length, "typed along");
        edit(attacker.doc);
      });
      const { code, reason } = await closed;
      expect(code).toBe(WsCloseCode.documentShape);
      expect(reason).toMatch(/only text in "markdown"/);
      const room = podium.rooms.peek(id)!;
      expect([...room.doc.share.keys()]).toEqual([DECK_TEXT_NAME]);
      expect(room.text.toString()).toBe("# Deck\n");
      expect(room.doc.store.pendingStructs).toBeNull();
      // The honest client keeps editing; the hostile part never reached it.
      observer.text.insert(0, "ok ");
      await eventually(async () => expect(await storedText(database.url, id)).toBe("ok # Deck\n"));
      expect([...observer.doc.share.keys()]).toEqual([DECK_TEXT_NAME]);
      expect(await storedUpdates(database.url, id)).toBe(before + 1);
    });
  }

  it(`refuses a "markdown" root of another type (a map) with ${WsCloseCode.documentShape}`, async () => {
    const podium = await server();
    const id = await insertGuestDeck(database.url, "");
    const attacker = await client(podium, id);
    const mapDoc = new Y.Doc();
    mapDoc.getMap(DECK_TEXT_NAME).set("title", "not a text");
    const closed = nextClose(attacker);
    sendUpdate(attacker, Y.encodeStateAsUpdate(mapDoc));
    expect((await closed).code).toBe(WsCloseCode.documentShape);
    mapDoc.destroy();
    expect(podium.rooms.peek(id)!.text.toString()).toBe("");
    expect(podium.rooms.peek(id)!.text._map.size).toBe(0);
    expect(await storedUpdates(database.url, id)).toBe(0);
  });

  it("bounds the document's encoded size (MAX_DECK_BYTES): tombstones from many clients close with 1008", async () => {
    const podium = await server({ MAX_DECK_BYTES: "16384" });
    const id = await insertGuestDeck(database.url, "keep me\n");
    const attacker = await client(podium, id);
    const closed = nextClose(attacker);
    let stillOpen = true;
    void closed.then(() => (stillOpen = false));
    // The text stays short; each round, a new client id leaves 50 tombstones that cannot merge.
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(attacker.doc));
    const shadowText = shadow.getText(DECK_TEXT_NAME);
    for (let round = 0; round < 1_000 && stillOpen; round++) {
      shadow.clientID = 1_000_000 + round;
      const before = Y.encodeStateVector(shadow);
      for (let i = 0; i < 50; i++) shadowText.insert(0, "x");
      shadowText.delete(0, 50);
      sendUpdate(attacker, Y.encodeStateAsUpdate(shadow, before));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    shadow.destroy();
    const { code, reason } = await closed;
    expect(code).toBe(WsCloseCode.policyViolation);
    expect(reason).toMatch(/16384 bytes/);
    const room = podium.rooms.peek(id)!;
    expect(room.text.toString()).toBe("keep me\n");
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThanOrEqual(16_384);
    // Others may still edit within the limit (deleting, here).
    const honest = await client(podium, id);
    honest.text.delete(0, 5);
    await eventually(async () => expect(await storedText(database.url, id)).toBe("me\n"));
  });

  it("bounds updates whose dependencies never arrive (MAX_PENDING_UPDATE_BYTES) with 1008", async () => {
    const podium = await server({ MAX_PENDING_UPDATE_BYTES: "16384" });
    const id = await insertGuestDeck(database.url, "");
    const attacker = await client(podium, id);
    const closed = nextClose(attacker);
    let stillOpen = true;
    void closed.then(() => (stillOpen = false));
    // A document the server never sees the start of: every later update waits for it.
    const hidden = new Y.Doc();
    const hiddenText = hidden.getText(DECK_TEXT_NAME);
    hiddenText.insert(0, "the missing start");
    for (let round = 0; round < 400 && stillOpen; round++) {
      const before = Y.encodeStateVector(hidden);
      hiddenText.insert(hiddenText.length, "y".repeat(100));
      sendUpdate(attacker, Y.encodeStateAsUpdate(hidden, before));
      if (round % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { code, reason } = await closed;
    expect(code).toBe(WsCloseCode.policyViolation);
    expect(reason).toMatch(/16384 bytes/);
    const pending = podium.rooms.peek(id)?.doc.store.pendingStructs;
    expect(pending?.update.byteLength ?? 0).toBeLessThanOrEqual(16_384);
    hidden.destroy();
  });

  it("still takes plain typing, pastes and deletions from several clients", async () => {
    const podium = await server();
    const id = await insertGuestDeck(database.url, "");
    const alice = await client(podium, id);
    const bob = await client(podium, id);
    alice.text.insert(0, "Team IaaS\n");
    await eventually(() => expect(bob.text.toString()).toBe("Team IaaS\n"));
    bob.text.insert(bob.text.length, "Team Ops 🚀\n".repeat(200));
    alice.text.delete(0, 5);
    await eventually(async () => expect(await storedText(database.url, id)).toBe(alice.text.toString()));
    expect(bob.text.toString()).toBe(alice.text.toString());
  });
});

/** Sends `update` on the client's socket as a sync update of its own (message 0, step 2). */
function sendUpdate(connected: TestClient, update: Uint8Array): void {
  connected.provider.ws!.send(Uint8Array.from([0, 2, ...varUint(update.byteLength), ...update]));
}

function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return bytes;
}
