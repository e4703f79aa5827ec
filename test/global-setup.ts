// One PostgreSQL for the whole test run: DATABASE_URL when given, else an embedded one in a
// temporary folder (the same code path `npm start` takes on a fresh machine). Each test file then
// creates its own database in it (test/support/database.ts).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { createLogger } from "../server/log";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("adminDatabaseUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "podium-test-pg-"));
  const database = await startEmbeddedPostgres({ dataDir, port: 0, log: createLogger("warn") });
  project.provide("adminDatabaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
