// The real server on a real PostgreSQL, with Node Yjs clients speaking y-websocket.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { storedText } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
const clients: TestClient[] = [];
/** The editors' credentials: an API token of a member (access itself: authorization-matrix.test.ts). */
let headers: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  headers = (await createTestUser(podium)).headers;
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

function client(deckId: string, server = podium): TestClient {
  const created = connectClient(server.url, deckId, { headers });
  clients.push(created);
  return created;
}

/** Opens a raw socket to a deck, resolving once it is open. */
function rawSocket(deckId: string, server = podium): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/ws/${deckId}`, { headers });
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe("live editing through the sync server", () => {
  it("two clients typing at once converge, and the stored deck has every character", async () => {
    const { id } = await podium.services.decks.create("# Community call\n");
    const alice = client(id);
    const bob = client(id);
    await Promise.all([waitForSync(alice), waitForSync(bob)]);

    const aliceTyping = "Team IaaS: RC for R7 is planned.";
    const bobTyping = "Team Ops: status page demo!";
    for (let i = 0; i < Math.max(aliceTyping.length, bobTyping.length); i++) {
      if (i < aliceTyping.length) alice.text.insert(alice.text.length, aliceTyping[i]!);
      // Bob types at the start of the deck, Alice at its end.
      if (i < bobTyping.length) bob.text.insert(i, bobTyping[i]!);
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }

    await eventually(() => expect(bob.text.toString()).toBe(alice.text.toString()));
    const final = alice.text.toString();
    expect(final).toContain(aliceTyping);
    expect(final).toContain(bobTyping);
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toBe(final));
  });

  it("keeps everything across a server restart, including edits made while it was down", async () => {
    const { id } = await podium.services.decks.create("");
    const first = client(id);
    await waitForSync(first);
    first.text.insert(0, "written before the restart\n");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toContain("before the restart"));

    await podium.stop();
    // Offline edit: kept in the client's document while the server is away.
    first.text.insert(first.text.length, "written while the server was down\n");
    podium = await startTestPodium(database.url);

    first.provider.disconnect();
    first.provider.serverUrl = `${podium.url.replace("http", "ws")}/ws`;
    first.provider.connect();
    const second = client(id);
    await waitForSync(second);
    await eventually(() => expect(second.text.toString()).toBe(first.text.toString()));
    expect(second.text.toString()).toBe("written before the restart\nwritten while the server was down\n");
    await eventually(async () =>
      expect(await podium.services.decks.markdown(id)).toBe("written before the restart\nwritten while the server was down\n"),
    );
  });

  it("a PUT through the API reaches an open editor as a small edit", async () => {
    const { id } = await podium.services.decks.create("# Title\n\nold line\n");
    const editor = client(id);
    await waitForSync(editor);
    const changes: number[] = [];
    editor.text.observe((event) => changes.push(event.delta.length));
    await podium.services.decks.replaceMarkdown(id, "# Title\n\nnew line\n");
    await eventually(() => expect(editor.text.toString()).toBe("# Title\n\nnew line\n"));
    // Only the changed word was touched: retain, delete, insert (not delete-all, insert-all).
    expect(changes.length).toBeGreaterThan(0);
  });
});

describe("updates arriving before what they depend on", () => {
  it("stores and forwards both once the missing one arrives", async () => {
    const { id } = await podium.services.decks.create("");
    const bob = client(id);
    await waitForSync(bob);
    // Alice's second keystroke depends on her first; her client sends them the wrong way round.
    const alice = new Y.Doc();
    const updates: Uint8Array[] = [];
    alice.on("update", (update: Uint8Array) => updates.push(update));
    alice.getText(DECK_TEXT_NAME).insert(0, "first ");
    alice.getText(DECK_TEXT_NAME).insert(6, "second");
    const socket = await rawSocket(id);
    const syncUpdate = (update: Uint8Array) =>
      encoding.encode((encoder) => {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint(encoder, 2);
        encoding.writeVarUint8Array(encoder, update);
      });
    socket.send(syncUpdate(updates[1]!));
    socket.send(syncUpdate(updates[0]!));
    await eventually(() => expect(bob.text.toString()).toBe("first second"));
    await podium.updateLog.flush();
    expect(await storedText(database.url, id)).toBe("first second");
    socket.close();
  });
});

describe("hostile or broken clients", () => {
  it("closes only the connection that sent a malformed message; the room and stored deck are untouched", async () => {
    const { id } = await podium.services.decks.create("safe text");
    const honest = client(id);
    await waitForSync(honest);

    const garbage: Uint8Array[] = [
      new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f]), // update with a huge length prefix
      new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]), // "update" of garbage structs
      new Uint8Array([0, 9]), // unknown sync step
      new Uint8Array([42]), // unknown message type
      new Uint8Array([1, 3, 1, 2]), // truncated awareness update
      new Uint8Array([0x80]), // truncated varint
    ];
    for (const frame of garbage) {
      const socket = await rawSocket(id);
      const closed = closeOf(socket);
      socket.send(frame);
      const { code } = await closed;
      expect([WsCloseCode.unsupportedData, WsCloseCode.policyViolation]).toContain(code);
    }

    honest.text.insert(honest.text.length, " and more");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toBe("safe text and more"));
    const late = client(id);
    await waitForSync(late);
    expect(late.text.toString()).toBe("safe text and more");
  });

  it("finishes closing promptly even when messages were read past the one that closed it", async () => {
    // Burst 1: the message after the malformed one finds the bucket empty, the case where a
    // paused, closing socket once waited for ws's 30 s close timeout.
    const strict = await startTestPodium(database.url, { WS_MESSAGES_PER_SECOND: "1", WS_MESSAGE_BURST: "1" });
    try {
      const { id } = await strict.services.decks.create("");
      const socket = await rawSocket(id, strict);
      const closed = closeOf(socket);
      const started = performance.now();
      socket.send(new Uint8Array([42])); // unknown message type: closes the connection
      socket.send(new Uint8Array([3])); // a valid awareness query, read in the same go
      const { code } = await closed;
      expect(code).toBe(WsCloseCode.unsupportedData);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await strict.stop();
    }
  });

  it("closes a connection sending a message over the size limit with 1009", async () => {
    const { id } = await podium.services.decks.create("");
    const socket = await rawSocket(id);
    const closed = closeOf(socket);
    socket.send(new Uint8Array(1024 * 1024 + 1));
    expect((await closed).code).toBe(WsCloseCode.messageTooBig);
  });

  it("refuses an update that would take the deck over its size limit, keeping the deck as it was", async () => {
    const small = await startTestPodium(database.url, { MAX_DECK_CHARS: "100" });
    try {
      const { id } = await small.services.decks.create("x".repeat(90));
      const writer = connectClient(small.url, id, { headers });
      clients.push(writer);
      await waitForSync(writer);
      const socket = writer.provider.ws!;
      const closed = closeOf(socket as unknown as WebSocket);
      writer.text.insert(0, "y".repeat(20));
      expect((await closed).code).toBe(WsCloseCode.policyViolation);
      writer.provider.shouldConnect = false;
      expect(await small.services.decks.markdown(id)).toBe("x".repeat(90));
    } finally {
      await small.stop();
    }
  });

  it("refuses the upgrade for a malformed or unknown deck id with an HTTP status", async () => {
    const statusOf = (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${podium.url.replace("http", "ws")}${path}`);
        socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.once("open", () => resolve(101));
        socket.once("error", () => undefined);
      });
    expect(await statusOf("/ws/not%20valid!")).toBe(400);
    expect(await statusOf("/ws/doesnotexist")).toBe(404);
  });

  it("disconnects editors of a deleted deck with a reason", async () => {
    const { id } = await podium.services.decks.create("short-lived");
    const socket = await rawSocket(id);
    const closed = closeOf(socket);
    await podium.services.decks.delete(id);
    expect(await closed).toEqual({ code: WsCloseCode.deckDeleted, reason: "This deck was deleted." });
  });

  it("ignores text frames by closing that connection", async () => {
    const { id } = await podium.services.decks.create("");
    const socket = await rawSocket(id);
    const closed = closeOf(socket);
    socket.send("hello");
    expect((await closed).code).toBe(WsCloseCode.unsupportedData);
  });

  it("answers awareness queries and shares presence between clients", async () => {
    const { id } = await podium.services.decks.create("");
    const alice = client(id);
    const bob = client(id);
    await Promise.all([waitForSync(alice), waitForSync(bob)]);
    alice.provider.awareness.setLocalStateField("user", { name: "Alice", color: "#2557d6" });
    await eventually(() => {
      const names = [...bob.provider.awareness.getStates().values()].map((state) => state.user?.name);
      expect(names).toContain("Alice");
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 3);
    const socket = await rawSocket(id);
    const reply = new Promise<Buffer>((resolve) => socket.on("message", (data: Buffer) => data[0] === 1 && resolve(data)));
    socket.send(encoding.toUint8Array(encoder));
    expect((await reply).includes(Buffer.from("Alice"))).toBe(true);
    socket.close();
  });
});
