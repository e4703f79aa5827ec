// Configuration: every environment variable Podium reads, validated once at start-up.
// Documented in .env.example and the README's configuration table.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_MAX_DECK_CHARS, DEFAULT_MAX_WS_MESSAGE_BYTES } from "../core/limits";

const integer = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: integer(3000, 0),
  HOST: z.string().default("0.0.0.0"),
  /** Use this PostgreSQL; when unset, an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  EMBEDDED_POSTGRES_PORT: integer(0, 0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Group commit: accepted updates are written to PostgreSQL at most this many ms later. */
  FLUSH_INTERVAL_MS: integer(10, 1),
  /** Compact a deck's update log into its snapshot once it holds this many entries. */
  COMPACT_AFTER_UPDATES: integer(500, 1),
  /** How long an open deck stays in memory after its last client leaves. */
  ROOM_IDLE_MS: integer(10_000, 0),
  MAX_DECK_CHARS: integer(DEFAULT_MAX_DECK_CHARS, 1),
  MAX_WS_MESSAGE_BYTES: integer(DEFAULT_MAX_WS_MESSAGE_BYTES, 1024),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
