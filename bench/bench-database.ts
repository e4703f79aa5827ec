// A fresh database for a benchmark run: inside DATABASE_URL's server when set (it must allow
// CREATE DATABASE), else in an embedded PostgreSQL in a temporary folder, as the tests do.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { applyMigrations } from "../server/db/migrate";
import { createLogger } from "../server/log";

export interface BenchDatabase {
  url: string;
  /** A machine-readable description for the results. */
  description: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  let description = "DATABASE_URL's PostgreSQL";
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "podium-bench-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0, log: createLogger("warn") });
    adminUrl = embedded.url;
    description = "embedded PostgreSQL (embedded-postgres package)";
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const name = `podium_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    description: `${description}, PostgreSQL ${version}`,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await stopEmbedded();
    },
  };
}
