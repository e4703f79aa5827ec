import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["core/**/*.test.ts", "server/**/*.test.ts", "test/**/*.test.ts", "components/**/*.test.ts"],
    // Integration tests start real PostgreSQL servers and Podium servers; give them room.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: run files in parallel processes, but not so many that embedded PostgreSQL
    // instances and servers starve each other.
    maxWorkers: 2,
  },
  resolve: { alias: { "@": new URL(".", import.meta.url).pathname } },
});
