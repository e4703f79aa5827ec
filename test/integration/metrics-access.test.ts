// /metrics is not public: on the app port it needs METRICS_TOKEN, METRICS_PORT serves it on a
// listener of its own, and with neither the app port answers 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { startTestPodium, TEST_METRICS_TOKEN } from "../support/podium";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const servers: PodiumServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database.drop();
});

async function start(env: Record<string, string>): Promise<PodiumServer> {
  const server = await startTestPodium(database.url, env);
  servers.push(server);
  return server;
}

describe("/metrics", () => {
  it("with METRICS_TOKEN: 401 without the token or with another, 200 with it", async () => {
    const podium = await start({});
    const missing = await fetch(`${podium.url}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("METRICS_TOKEN");
    for (const authorization of [`Bearer ${TEST_METRICS_TOKEN}x`, `Bearer ${TEST_METRICS_TOKEN.slice(0, -1)}`, TEST_METRICS_TOKEN, `Basic ${TEST_METRICS_TOKEN}`]) {
      expect((await fetch(`${podium.url}/metrics`, { headers: { authorization } })).status, authorization).toBe(401);
    }
    const allowed = await fetch(`${podium.url}/metrics?x=1`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^podium_connections \d+$/m);
  });

  it("with neither setting: 404 on the app port", async () => {
    const podium = await start({ METRICS_TOKEN: "" });
    const response = await fetch(`${podium.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("podium_");
  });

  it("with METRICS_PORT: served there without a token, still 404 on the app port", async () => {
    const podium = await start({ METRICS_TOKEN: "", METRICS_PORT: "0", METRICS_HOST: "127.0.0.1" });
    expect(podium.metricsPort).toBeGreaterThan(0);
    expect((await fetch(`${podium.url}/metrics`)).status).toBe(404);
    const own = await fetch(`http://127.0.0.1:${podium.metricsPort}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/^podium_open_decks \d+$/m);
    expect((await fetch(`http://127.0.0.1:${podium.metricsPort}/api/health`)).status).toBe(404);
  });
});

describe("AUTH_SECRET", () => {
  it("a production server refuses the placeholder secrets published in docker-compose.yml and .env.example", () => {
    for (const secret of ["local-only-podium-secret-change-me-0123456789", "change-me-to-a-long-random-secret", "please-CHANGE_ME-0123456789012345678"]) {
      expect(() => loadConfig({ NODE_ENV: "production", AUTH_SECRET: secret }), secret).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: "production", AUTH_SECRET: secret })).toThrow(/AUTH_SECRET is the example value/);
    }
    expect(loadConfig({ NODE_ENV: "production", AUTH_SECRET: "k3v9-a-real-random-secret-of-forty-chars" }).AUTH_SECRET).toBeDefined();
  });
});
