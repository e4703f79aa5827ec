// GET /metrics: Prometheus text with the numbers operators watch (behind METRICS_TOKEN: who may
// read them is tested in metrics-access.test.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck } from "../support/deck-fixtures";
import { startTestPodium, TEST_METRICS_TOKEN } from "../support/podium";
import { connectClient, eventually, waitForSync } from "../support/yjs-client";

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

it("serves connections, open decks, updates, persistence latency and backlog in Prometheus text format", async () => {
  const id = await insertGuestDeck(database.url, "");
  const client = connectClient(podium.url, id);
  try {
    await waitForSync(client);
    client.text.insert(0, "hello");
    await eventually(async () => {
      const response = await fetch(`${podium.url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      const text = await response.text();
      expect(text).toMatch(/^podium_connections 1$/m);
      expect(text).toMatch(/^podium_open_decks 1$/m);
      expect(text).toMatch(/^podium_updates_total 1$/m);
      expect(text).toMatch(/^podium_write_backlog 0$/m);
      expect(text).toMatch(/^podium_update_commit_delay_seconds_count 1$/m);
      expect(text).toMatch(/^podium_persistence_flush_seconds_count 1$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    });
  } finally {
    client.destroy();
  }
});
