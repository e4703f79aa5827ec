// Seeded randomized convergence, in the manner of Yjs's own tests (tests/testHelper.js): five
// clients edit one deck through the real server with random inserts, deletes, disconnects and
// reconnects; at the end every copy, the server's and the stored document are identical.
// A failure prints its seed; rerun it with CONVERGENCE_SEEDS=<seed>.
import * as prng from "lib0/prng";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck, storedText } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const SEEDS = (process.env.CONVERGENCE_SEEDS ?? "1,2,3,4,5").split(",").map(Number);
const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 600);
const CLIENTS = 5;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { COMPACT_AFTER_UPDATES: "50" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

describe("randomized convergence through the server", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${CLIENTS} clients, ${STEPS} random steps, all copies and the stored deck agree`, async () => {
      const gen = prng.create(seed);
      const id = await insertGuestDeck(database.url, "# Weekly call\n");
      const clients: TestClient[] = Array.from({ length: CLIENTS }, () => connectClient(podium.url, id));
      try {
        await Promise.all(clients.map((client) => waitForSync(client)));
        for (let step = 0; step < STEPS; step++) {
          const client = prng.oneOf(gen, clients);
          const text = client.text;
          const roll = prng.uint32(gen, 0, 99);
          if (roll < 55) {
            text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 6) + (prng.bool(gen) ? "\n" : " "));
          } else if (roll < 80) {
            if (text.length > 0) {
              const at = prng.uint32(gen, 0, text.length - 1);
              text.delete(at, prng.uint32(gen, 1, Math.min(8, text.length - at)));
            }
          } else if (roll < 88) {
            if (client.provider.shouldConnect) client.provider.disconnect();
            else client.provider.connect();
          } else if (roll < 93) {
            // Let messages travel: some edits are concurrent, some are not.
            await new Promise((resolve) => setTimeout(resolve, prng.uint32(gen, 0, 15)));
          } else {
            client.provider.awareness.setLocalStateField("cursor", prng.uint32(gen, 0, 1000));
          }
        }
        for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
        await Promise.all(clients.map((client) => waitForSync(client)));
        const live = () => podium.rooms.peek(id)!.text.toString();
        await eventually(() => {
          for (const client of clients) expect(client.text.toString(), `seed ${seed}`).toBe(live());
        });
        await podium.updateLog.flush();
        expect(await storedText(database.url, id), `seed ${seed}`).toBe(live());
        expect(live().length).toBeGreaterThan(0);
      } finally {
        for (const client of clients) client.destroy();
      }
    });
  }
});
