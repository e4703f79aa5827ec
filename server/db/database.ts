// Which PostgreSQL Podium talks to: DATABASE_URL when given, else an embedded one under DATA_DIR.
// Either way the migrations are applied before anything else touches the database.
import type { Config } from "../config";
import type { Logger } from "../log";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export async function openDatabase(config: Config, log: Logger): Promise<RunningDatabase> {
  const database: RunningDatabase = config.DATABASE_URL
    ? { url: config.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_POSTGRES_PORT, log });
  try {
    const { applied } = await applyMigrations(database.url);
    if (applied.length > 0) log.info({ applied }, "applied database migrations");
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
