// A client that opens a deck which is not loaded yet gets the stored bytes at once (snapshot and
// log, server/sync/early-state.ts), then only what they lacked: the text is whole, nothing is sent
// twice, and edits made meanwhile, by it or by others, converge.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { newDeckId } from "../../core/deck-id";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { encodeLogEntry } from "../../server/persistence/update-batch";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { storedText } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

/** A guest-writable deck stored as a snapshot plus two log entries (as a running server leaves it). */
async function deckWithLog(): Promise<{ id: string; text: string }> {
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  text.insert(0, `# Title\n\n---\n\n${"Slide two has a long paragraph. ".repeat(100)}\n`);
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  text.insert(text.length, "\n---\n\nSlide three\n");
  text.delete(0, 2);
  const id = newDeckId();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query("INSERT INTO deck (id, snapshot, markdown, guest_access) VALUES ($1, $2, '', 'write')", [id, Buffer.from(snapshot)]);
  for (const entry of [encodeLogEntry(updates.slice(0, 1)), encodeLogEntry(updates.slice(1))]) {
    await db.query("INSERT INTO deck_update (deck_id, update, update_count) VALUES ($1, $2, $3)", [id, Buffer.from(entry.update), entry.updateCount]);
  }
  await db.end();
  return { id, text: text.toString() };
}

function client(deckId: string): TestClient {
  const created = connectClient(podium.url, deckId);
  clients.push(created);
  return created;
}

it("hands a client the whole stored deck, log included, when it opens a deck that is not loaded", async () => {
  const deck = await deckWithLog();
  expect(podium.rooms.peek(deck.id)).toBeUndefined();
  const reader = client(deck.id);
  await waitForSync(reader);
  // Synced means complete: the log's updates arrived before the snapshot's sync step 2.
  expect(reader.text.toString()).toBe(deck.text);
  reader.text.insert(0, "> ");
  await eventually(async () => expect(await storedText(database.url, deck.id)).toBe(`> ${deck.text}`));
});

it("answers the client's own sync request with only what the stored bytes lacked", async () => {
  const deck = await deckWithLog();
  const socket = new WebSocket(`${podium.url.replace("http", "ws")}/ws/${deck.id}`);
  socket.binaryType = "nodebuffer";
  const received: { step: number; bytes: number }[] = [];
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return;
    const step = decoding.readVarUint(decoder);
    received.push({ step, bytes: decoding.readVarUint8Array(decoder).byteLength });
  });
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(
    encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
    }),
  );
  // Log updates (2), the snapshot (1), the server's own step 1 (0), then the answer to ours (1).
  await eventually(() => expect(received.filter((message) => message.step === 1)).toHaveLength(2));
  socket.terminate();
  const steps = received.map((message) => message.step);
  expect(steps.slice(0, 3)).toEqual([2, 2, 1]);
  const [snapshot, answer] = received.filter((message) => message.step === 1);
  expect(snapshot!.bytes).toBeGreaterThan(3_000);
  // Nothing but the delete set (always part of an answer): the client holds everything already.
  expect(answer!.bytes).toBeLessThan(50);
});

it("a client with offline edits, and another client editing at once, converge with the stored deck", async () => {
  const deck = await deckWithLog();
  const offline = connectClient(podium.url, deck.id, { connect: false });
  clients.push(offline);
  offline.text.insert(0, "offline ");
  const other = client(deck.id);
  offline.provider.connect();
  await Promise.all([waitForSync(offline), waitForSync(other)]);
  other.text.insert(other.text.length, " more");
  await eventually(() => {
    expect(offline.text.toString()).toBe(other.text.toString());
    expect(other.text.toString()).toContain("offline ");
    expect(other.text.toString()).toContain(" more");
  });
  // Both concurrent inserts at the start: Yjs orders them by client id, either way round.
  const text = other.text.toString();
  expect(text.replace("offline ", "")).toBe(`${deck.text} more`);
  await eventually(async () => expect(await storedText(database.url, deck.id)).toBe(text));
});
