// The save acknowledgement (MessageType.savedState) through the real server and PostgreSQL: the
// answer to a request comes only once everything the client sent before it is committed.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MessageType } from "../../core/sync-protocol";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, waitForSync, type TestClient } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // A long group-commit window: an acknowledgement that did not wait for the commit would
  // arrive well before the text is in PostgreSQL.
  podium = await startTestPodium(database.url, { FLUSH_INTERVAL_MS: "300" });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

/** A synced client whose save acknowledgements are collected as they arrive. */
async function savingClient(deckId: string): Promise<TestClient & { acks: number[]; requestSave(sequence: number): Promise<void> }> {
  const client = connectClient(podium.url, deckId);
  clients.push(client);
  const acks: number[] = [];
  const waiting = new Map<number, () => void>();
  client.provider.messageHandlers[MessageType.savedState] = (_encoder, decoder) => {
    const sequence = decoding.readVarUint(decoder);
    acks.push(sequence);
    waiting.get(sequence)?.();
  };
  await waitForSync(client);
  return Object.assign(client, {
    acks,
    requestSave(sequence: number) {
      const answered = new Promise<void>((resolve) => waiting.set(sequence, resolve));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.savedState);
      encoding.writeVarUint(encoder, sequence);
      client.provider.ws!.send(encoding.toUint8Array(encoder));
      return answered;
    },
  });
}

/** A deck guests may edit: these clients connect without signing in. */
async function createOpenDeck(markdown: string): Promise<string> {
  const { id } = await podium.services.decks.create(markdown);
  await podium.services.prisma.$executeRaw`UPDATE deck SET guest_access = 'write' WHERE id = ${id}`;
  return id;
}

async function storedMarkdown(deckId: string): Promise<string> {
  const rows = await podium.services.prisma.$queryRaw<{ markdown: string }[]>`SELECT markdown FROM deck WHERE id = ${deckId}`;
  return rows[0]!.markdown;
}

describe("save acknowledgements", () => {
  it("answers a request only once the edits sent before it are committed to PostgreSQL", async () => {
    const id = await createOpenDeck("# Agenda\n");
    const alice = await savingClient(id);

    alice.text.insert(alice.text.length, "IaaS: RC for R7\n");
    const requestedAt = Date.now();
    await alice.requestSave(1);
    expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(200);
    expect(await storedMarkdown(id)).toBe("# Agenda\nIaaS: RC for R7\n");
  });

  it("covers deletions, which do not advance a Yjs clock", async () => {
    const id = await createOpenDeck("keep this, drop that\n");
    const alice = await savingClient(id);

    alice.text.delete("keep this".length, ", drop that".length);
    await alice.requestSave(7);
    expect(await storedMarkdown(id)).toBe("keep this\n");
    expect(alice.acks).toEqual([7]);
  });

  it("answers at once when nothing is pending, and answers each request of a burst in order", async () => {
    const id = await createOpenDeck("");
    const alice = await savingClient(id);
    const requestedAt = Date.now();
    await alice.requestSave(1);
    expect(Date.now() - requestedAt).toBeLessThan(200);

    for (let round = 2; round <= 5; round++) {
      alice.text.insert(alice.text.length, `line ${round}\n`);
      void alice.requestSave(round);
    }
    await alice.requestSave(6);
    expect(alice.acks).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await storedMarkdown(id)).toBe("line 2\nline 3\nline 4\nline 5\n");
  });

  it("acknowledges edits made offline once the reconnect handshake has delivered and stored them", async () => {
    const id = await createOpenDeck("online\n");
    const alice = await savingClient(id);
    alice.provider.disconnect();
    alice.text.insert(alice.text.length, "written offline\n");
    alice.provider.connect();
    await waitForSync(alice);

    await alice.requestSave(1);
    expect(await storedMarkdown(id)).toBe("online\nwritten offline\n");
  });
});
