// The browser's deck connection (components/sync) against the real server: the typed states it
// reports for a read-only connection and a deleted deck are what the editor and slideshow show.
import pg from "pg";
import WebSocket from "ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DeckConnection, type ConnectionEvent } from "../../components/sync/deck-connection";
import { ACCESS_MESSAGES } from "../../core/access";
import type { PodiumServer } from "../../server/podium";
import { createMigratedDatabase } from "../support/database";
import { insertGuestDeck } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { eventually } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let podium: PodiumServer;

beforeAll(async () => {
  database = await createMigratedDatabase();
  podium = await startTestPodium(database.url);
});

afterAll(async () => {
  await podium?.stop();
  await database?.prisma.$disconnect();
  await database?.drop();
});

function open(deckId: string): { connection: DeckConnection; events: ConnectionEvent[] } {
  const connection = new DeckConnection(deckId, {
    serverUrl: `${podium.url.replace(/^http/, "ws")}/ws`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const events: ConnectionEvent[] = [];
  connection.onEvent((event) => events.push(event));
  return { connection, events };
}

it("syncs, then reports a deleted deck as ended and stops reconnecting", async () => {
  const deckId = await insertGuestDeck(database.url, "# Hello");
  const { connection, events } = open(deckId);
  try {
    await eventually(() => expect(connection.state).toMatchObject({ status: "connected", synced: true, syncedOnce: true }));
    expect(connection.text.toString()).toBe("# Hello");
    await podium.services.decks.delete(deckId);
    await eventually(() => expect(connection.state.ended).toEqual({ cause: "deck-deleted", reason: "This deck was deleted." }));
    expect(events).toContainEqual({ kind: "ended", cause: "deck-deleted", reason: "This deck was deleted." });
    await eventually(() => expect(connection.state.status).toBe("disconnected"));
    expect(connection.provider.shouldConnect).toBe(false);
  } finally {
    connection.destroy();
  }
});

it("reports the server's refusal of a reader's edit as read-only, with its reason", async () => {
  const deckId = await insertGuestDeck(database.url, "text");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("UPDATE deck SET guest_access = 'read' WHERE id = $1", [deckId]);
  await client.end();
  const { connection, events } = open(deckId);
  try {
    await eventually(() => expect(connection.state.synced).toBe(true));
    connection.text.insert(0, "mine ");
    await eventually(() => expect(events).toContainEqual({ kind: "read-only", reason: ACCESS_MESSAGES.readOnly }));
    expect(connection.state.ended).toBeNull();
  } finally {
    connection.destroy();
  }
});
