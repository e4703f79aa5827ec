// Seeded random editing through the real server and PostgreSQL, after Yjs's own test helper:
// several clients insert and delete at random places while their connections drop (cleanly or
// abruptly) and come back. Afterwards every copy, the live room and the stored document must be
// the same text, and that text must hold every edit anyone made: a reference document built from
// all the clients' own updates, merged without any network, is what they must all equal.
// A failure names its seed; rerun one with RANDOM_SEED=<seed>.
import * as prng from "lib0/prng";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { DeckStore } from "../../server/persistence/deck-store";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const SEEDS = process.env.RANDOM_SEED ? [Number(process.env.RANDOM_SEED)] : [1, 42, 20261121];
const CLIENTS = 4;
const STEPS = 1000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("random edits with random disconnects converge, losing nothing", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const random = prng.create(seed);
      const { id } = await podium.services.decks.create("# Weekly call\n\n");
      // These Node clients connect without signing in.
      await podium.services.prisma.$executeRaw`UPDATE deck SET guest_access = 'write' WHERE id = ${id}`;
      const clients: TestClient[] = [];
      const ownUpdates: Uint8Array[] = [];
      try {
        for (let index = 0; index < CLIENTS; index++) {
          const client = connectClient(podium.url, id);
          clients.push(client);
          client.doc.on("update", (update: Uint8Array, origin: unknown) => {
            if (origin !== client.provider) ownUpdates.push(update);
          });
        }
        await Promise.all(clients.map((client) => waitForSync(client)));
        const initial = Y.encodeStateAsUpdate(clients[0]!.doc);

        let disconnects = 0;
        for (let step = 0; step < STEPS; step++) {
          const client = prng.oneOf(random, clients);
          const action = prng.int32(random, 0, 99);
          const length = client.text.length;
          if (action < 55) {
            const word = prng.word(random, 1, 8);
            client.text.insert(prng.int32(random, 0, length), prng.bool(random) ? `${word} ` : `${word}\n`);
          } else if (action < 80 && length > 0) {
            const from = prng.int32(random, 0, length - 1);
            client.text.delete(from, prng.int32(random, 1, Math.min(12, length - from)));
          } else if (action < 86 && client.provider.shouldConnect) {
            client.provider.disconnect();
            disconnects++;
          } else if (action < 90 && client.provider.wsconnected) {
            // A dropped network: the socket goes without a goodbye and the provider reconnects itself.
            client.provider.ws?.close();
            disconnects++;
          } else if (action < 97 && !client.provider.shouldConnect) {
            client.provider.connect();
          } else {
            await pause(prng.int32(random, 0, 15));
          }
          if (step % 25 === 0) await pause(1);
        }
        expect(disconnects, "the run exercised disconnects").toBeGreaterThan(5);

        for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
        await Promise.all(clients.map((client) => waitForSync(client)));

        const reference = new Y.Doc();
        Y.applyUpdate(reference, initial);
        for (const update of ownUpdates) Y.applyUpdate(reference, update);
        const expected = reference.getText(DECK_TEXT_NAME).toString();
        reference.destroy();

        await eventually(() => {
          for (const client of clients) expect(client.text.toString()).toBe(expected);
        }, 20_000);
        expect(await podium.services.decks.markdown(id)).toBe(expected);

        await podium.updateLog.flush();
        const stored = await new DeckStore(podium.services.prisma).loadState(id);
        const restored = new Y.Doc();
        if (stored?.snapshot) Y.applyUpdate(restored, stored.snapshot);
        for (const update of stored?.updates ?? []) Y.applyUpdate(restored, update);
        expect(restored.getText(DECK_TEXT_NAME).toString()).toBe(expected);
        restored.destroy();
        const rows = await podium.services.prisma.$queryRaw<{ markdown: string }[]>`SELECT markdown FROM deck WHERE id = ${id}`;
        expect(rows[0]!.markdown).toBe(expected);
      } finally {
        for (const client of clients) client.destroy();
      }
    });
  }
});
