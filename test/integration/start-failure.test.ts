// A start that fails at any step closes what the earlier steps opened (server/started-parts.ts):
// no PostgreSQL connection, listener or timer is left behind, and the same configuration starts
// cleanly once the cause is gone. Failures are real: an unreachable Redis (a middle step) and a
// taken METRICS_PORT (the last step).
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "../../server/free-port";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { eventually } from "../support/yjs-client";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let watcher: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  // Watches from another database, so it does not count itself.
  const adminUrl = new URL(database.url);
  adminUrl.pathname = "/postgres";
  watcher = new pg.Client({ connectionString: adminUrl.toString() });
  await watcher.connect();
});

afterAll(async () => {
  await watcher.end();
  await database.drop();
});

async function connectionsToTestDatabase(): Promise<number> {
  const name = new URL(database.url).pathname.slice(1);
  const { rows } = await watcher.query<{ count: number }>("SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1", [name]);
  return rows[0]!.count;
}

/** A port something else listens on. */
async function takenPort(): Promise<net.Server> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  return blocker;
}

it("a failure at the last step (METRICS_PORT taken) closes the database connections, the log's pool and the listener", async () => {
  const blocker = await takenPort();
  const metricsPort = (blocker.address() as net.AddressInfo).port;
  const port = await findFreePort();
  try {
    await expect(startTestPodium(database.url, { PORT: String(port), METRICS_PORT: String(metricsPort), METRICS_HOST: "127.0.0.1" })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    blocker.close();
  }
  await eventually(async () => expect(await connectionsToTestDatabase()).toBe(0));
  // The main port was let go: the same configuration, now that the metrics port is free, starts.
  const podium = await startTestPodium(database.url, { PORT: String(port), METRICS_PORT: String(metricsPort), METRICS_HOST: "127.0.0.1" });
  expect(podium.port).toBe(port);
  await podium.stop();
  await eventually(async () => expect(await connectionsToTestDatabase()).toBe(0));
});

it("a failure in the middle (Redis unreachable) closes what was opened before it", async () => {
  const closedPort = await findFreePort();
  await expect(startTestPodium(database.url, { REDIS_URL: `redis://127.0.0.1:${closedPort}` })).rejects.toThrow(/Cannot reach Redis/);
  await eventually(async () => expect(await connectionsToTestDatabase()).toBe(0));
});
