// Browser tests in a real Chromium against the real server (built app, embedded PostgreSQL in a
// fresh folder, or DATABASE_URL when given).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `podium-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

/** Debian's chromium where installed (tools cannot download browsers here), else Playwright's own. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The compiled server, as `npm start` runs it (test:e2e builds it first).
    command: "node --enable-source-maps dist/server/main.mjs",
    // SIGTERM lets the server flush and stop its embedded PostgreSQL (the default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: E2E_DATA_DIR,
      LOG_LEVEL: "warn",
      // The first admin (e2e/auth.spec.ts signs in as them); the data folder is fresh on every run.
      ADMIN_EMAIL: "admin@podium.test",
      ADMIN_PASSWORD: "e2e admin password",
      // Every test signs people up and in from 127.0.0.1; the limits themselves are tested in
      // test/integration/live-access.test.ts.
      SIGN_IN_ATTEMPTS: "10000",
      SIGN_UPS_PER_MINUTE: "10000",
      // Most specs sign strangers up and edit each other's decks; e2e/sign-up-policy.spec.ts and
      // test/integration/sign-up-policy.test.ts test the policies themselves.
      SIGN_UP: "open",
      DEFAULT_MEMBER_ACCESS: "write",
      DECKS_PER_HOUR: "100000",
      API_TOKENS_PER_HOUR: "100000",
      MEDIA_UPLOADS_PER_HOUR: "100000",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
