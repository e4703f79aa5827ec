// Rooms, the registry and connections over real WebSockets, on the in-memory deck log
// (test/support/memory-sync-server.ts): convergence under random edits and disconnects, the saved
// acknowledgement, the limits and read-only connections. The same behaviour through PostgreSQL is
// tested in test/integration (sync, saved-state, limits, randomized-convergence).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import { startMemorySyncServer, type MemorySyncServer } from "../../test/support/memory-sync-server";
import { connectClient, eventually, waitForSync, type TestClient } from "../../test/support/yjs-client";
import type { AcceptedUpdate, DeckExtension } from "./deck-lifecycle";

let server: MemorySyncServer;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop();
});

function client(deckId: string, headers: Record<string, string> = {}): TestClient {
  const made = connectClient(server.url, deckId, { headers });
  clients.push(made);
  return made;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A client that asks for save acknowledgements and records them. */
function saving(target: TestClient) {
  const acks: number[] = [];
  target.provider.messageHandlers[MessageType.savedState] = (_encoder, decoder) => {
    acks.push(decoding.readVarUint(decoder));
  };
  return {
    acks,
    requestSave(sequence: number) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.savedState);
      encoding.writeVarUint(encoder, sequence);
      target.provider.ws!.send(encoding.toUint8Array(encoder));
    },
  };
}

/** Resolves once the server has handled every message this client sent so far (it answers in order). */
function roundTrip(target: TestClient): Promise<void> {
  return new Promise((resolve) => {
    const previous = target.provider.messageHandlers[MessageType.viewerCount];
    target.provider.messageHandlers[MessageType.viewerCount] = (...args) => {
      target.provider.messageHandlers[MessageType.viewerCount] = previous!;
      void args;
      resolve();
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.viewerCount);
    target.provider.ws!.send(encoding.toUint8Array(encoder));
  });
}

describe("convergence", () => {
  for (const seed of [1, 2, 3]) {
    it(`three clients editing at random, dropping and rejoining, converge with the committed deck (seed ${seed})`, async () => {
      server = await startMemorySyncServer({ flushIntervalMs: 5 });
      server.deckLog.create("deck-a", "start\n");
      const next = random(seed);
      const editors = [client("deck-a"), client("deck-a"), client("deck-a")];
      await Promise.all(editors.map((editor) => waitForSync(editor)));
      for (let step = 0; step < 300; step++) {
        const editor = editors[Math.floor(next() * editors.length)]!;
        const roll = next();
        if (roll < 0.05) {
          if (editor.provider.wsconnected) editor.provider.disconnect();
          else void editor.provider.connect();
        } else if (roll < 0.75 || editor.text.length === 0) {
          editor.text.insert(Math.floor(next() * (editor.text.length + 1)), String.fromCharCode(97 + Math.floor(next() * 26)));
        } else {
          const at = Math.floor(next() * editor.text.length);
          editor.text.delete(at, Math.min(1 + Math.floor(next() * 3), editor.text.length - at));
        }
        if (step % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      for (const editor of editors) if (!editor.provider.wsconnected) void editor.provider.connect();
      await Promise.all(editors.map((editor) => waitForSync(editor)));
      await eventually(() => {
        const texts = editors.map((editor) => editor.text.toString());
        expect(new Set(texts).size).toBe(1);
        expect(server.rooms.peek("deck-a")?.text.toString()).toBe(texts[0]);
      });
      await server.deckLog.flush();
      expect(server.deckLog.stored("deck-a")?.markdown).toBe(editors[0]!.text.toString());
    });
  }
});

describe("saved acknowledgement", () => {
  it("answers only once the edits sent before the request are committed, and never while storage fails", async () => {
    server = await startMemorySyncServer();
    server.deckLog.create("deck-b", "");
    const editor = client("deck-b");
    await waitForSync(editor);
    const saves = saving(editor);
    editor.text.insert(0, "typed");
    saves.requestSave(1);
    await roundTrip(editor);
    expect(saves.acks).toEqual([]);

    server.deckLog.failNextFlushes(1);
    await expect(server.deckLog.flush()).rejects.toThrow(/still queued/);
    await roundTrip(editor);
    expect(saves.acks).toEqual([]);
    expect(server.deckLog.backlog).toBe(1);

    await server.deckLog.flush();
    await eventually(() => expect(saves.acks).toEqual([1]));
    expect(server.deckLog.stored("deck-b")?.markdown).toBe("typed");
  });

  it("answers at once when nothing is pending", async () => {
    server = await startMemorySyncServer();
    server.deckLog.create("deck-c", "x");
    const editor = client("deck-c");
    await waitForSync(editor);
    const saves = saving(editor);
    saves.requestSave(7);
    await eventually(() => expect(saves.acks).toEqual([7]));
  });
});

describe("limits and access", () => {
  it("closes a connection whose edit would take the deck over its size, keeping the deck and the other members", async () => {
    server = await startMemorySyncServer({ limits: { maxChars: 20, maxBytes: 100_000, maxPendingBytes: 10_000 } });
    server.deckLog.create("deck-d", "small");
    const bystander = client("deck-d");
    const offender = client("deck-d");
    await Promise.all([waitForSync(bystander), waitForSync(offender)]);
    const closed = new Promise<number>((resolve) => offender.provider.ws!.addEventListener("close", (event) => resolve(event.code)));
    offender.text.insert(5, "x".repeat(100));
    expect(await closed).toBe(WsCloseCode.policyViolation);
    offender.provider.disconnect();
    bystander.text.insert(0, "still ");
    await eventually(() => expect(server.rooms.peek("deck-d")?.text.toString()).toBe("still small"));
  });

  it("drops a read-only connection's edits and tells it once", async () => {
    server = await startMemorySyncServer();
    server.deckLog.create("deck-e", "read me");
    const reader = client("deck-e", { "x-test-access": "read" });
    await waitForSync(reader);
    const denials: string[] = [];
    reader.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      denials.push(decoding.readVarString(decoder));
    };
    reader.text.insert(0, "no ");
    reader.text.insert(0, "no ");
    await roundTrip(reader);
    expect(denials).toHaveLength(1);
    expect(server.rooms.peek("deck-e")?.text.toString()).toBe("read me");
    expect(server.deckLog.backlog).toBe(0);
  });
});

describe("accepted stage", () => {
  it("tells extensions who made each accepted update: the account, or null for a guest", async () => {
    const authors: (string | null | undefined)[] = [];
    const recorder: DeckExtension = { name: "recorder", acceptedUpdate: (_room, accepted: AcceptedUpdate) => authors.push(accepted.author) };
    server = await startMemorySyncServer({ extensions: [recorder] });
    server.deckLog.create("deck-f", "");
    const member = client("deck-f", { "x-test-account": "user-1" });
    const guest = client("deck-f");
    await Promise.all([waitForSync(member), waitForSync(guest)]);
    member.text.insert(0, "a");
    await eventually(() => expect(authors).toEqual(["user-1"]));
    guest.text.insert(0, "b");
    await eventually(() => expect(authors).toEqual(["user-1", null]));
  });
});
