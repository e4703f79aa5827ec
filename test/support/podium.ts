// Starts the real Podium server (HTTP + WebSocket + persistence) on a free port for a test.
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import { startPodium, type PodiumServer } from "../../server/podium";
import { TEST_METRICS_TOKEN, TEST_SERVER_ENV } from "./server-process";

export { TEST_METRICS_TOKEN };

export async function startTestPodium(databaseUrl: string, env: Record<string, string> = {}): Promise<PodiumServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ROOM_IDLE_MS: "200",
    // Tests call route handlers with requests to this origin; the secret keeps DATA_DIR untouched.
    PUBLIC_URL: "http://podium.test",
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    ...TEST_SERVER_ENV,
    ...env,
  });
  return startPodium(config, createLogger(config.LOG_LEVEL), { next: false });
}
