// Starts the real Podium server (HTTP + WebSocket + persistence) on a free port for a test.
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import { startPodium, type PodiumServer } from "../../server/podium";
import { TEST_METRICS_TOKEN } from "./server-process";

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
    // The suite signs strangers up freely and shares decks with every member, as before sign-up
    // policies existed; test/integration/sign-up-policy.test.ts sets the policies it tests.
    SIGN_UP: "open",
    DEFAULT_MEMBER_ACCESS: "write",
    DECKS_PER_HOUR: "100000",
    API_TOKENS_PER_HOUR: "100000",
    MEDIA_UPLOADS_PER_HOUR: "100000",
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...env,
  });
  return startPodium(config, createLogger(config.LOG_LEVEL), { next: false });
}
