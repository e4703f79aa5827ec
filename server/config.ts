// Configuration: every environment variable Podium reads, validated once at start-up.
// Documented in .env.example and the README's configuration table.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_MAX_DECK_BYTES, DEFAULT_MAX_DECK_CHARS, DEFAULT_MAX_PENDING_UPDATE_BYTES, DEFAULT_MAX_WS_MESSAGE_BYTES } from "../core/limits";

const integer = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
/** An optional setting; set but empty (`REDIS_URL=` in a compose file) counts as unset. */
const optional = <T extends z.ZodTypeAny>(type: T) => z.preprocess((value) => (value === "" ? undefined : value), type.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: integer(3000, 0),
  HOST: z.string().default("0.0.0.0"),
  /** Use this PostgreSQL; when unset, an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: optional(z.string().url()),
  DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  EMBEDDED_POSTGRES_PORT: integer(0, 0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Group commit: accepted updates are written to PostgreSQL at most this many ms later. */
  FLUSH_INTERVAL_MS: integer(10, 1),
  /** Compact a deck's update log into its snapshot once it holds this many entries (one per deck and group commit). */
  COMPACT_AFTER_UPDATES: integer(500, 1),
  /** How long an open deck stays in memory after its last client leaves. */
  ROOM_IDLE_MS: integer(10_000, 0),
  MAX_DECK_CHARS: integer(DEFAULT_MAX_DECK_CHARS, 1),
  MAX_WS_MESSAGE_BYTES: integer(DEFAULT_MAX_WS_MESSAGE_BYTES, 1024),
  /** A deck's encoded Yjs document (text, tombstones, every client's history); updates past it close with 1008. */
  MAX_DECK_BYTES: integer(DEFAULT_MAX_DECK_BYTES, 1024),
  /** Bytes of a deck's updates that may wait for dependencies that have not arrived; past it: 1008. */
  MAX_PENDING_UPDATE_BYTES: integer(DEFAULT_MAX_PENDING_UPDATE_BYTES, 1024),
  /** Messages a connection may send per second, sustained; faster senders are read more slowly. 0: no limit. */
  WS_MESSAGES_PER_SECOND: integer(100, 0),
  /** Messages a connection may send in one burst before WS_MESSAGES_PER_SECOND applies. */
  WS_MESSAGE_BURST: integer(500, 1),
  /** Open sync connections per client address (see TRUST_PROXY); 0: no limit. */
  MAX_CONNECTIONS_PER_IP: integer(64, 0),
  /** A connection that leaves a ping unanswered for this long is dropped. */
  WS_PING_INTERVAL_MS: integer(30_000, 100),
  /** Bytes queued for a client that does not read them before it is disconnected (1008). */
  WS_MAX_SEND_BUFFER_BYTES: integer(16 * 1024 * 1024, 65_536),
  /** Largest presence (awareness) state a client may set, in bytes of JSON; larger ones close the connection (1009). */
  PRESENCE_MAX_STATE_BYTES: integer(4096, 256),
  /** Presence client ids one connection may hold (a browser tab holds one). */
  PRESENCE_MAX_CLIENTS_PER_CONNECTION: integer(4, 1),
  /** Presence messages applied per connection per second (and in one burst); faster ones are coalesced. */
  PRESENCE_MESSAGES_PER_SECOND: integer(20, 1),
  PRESENCE_MESSAGE_BURST: integer(40, 1),
  /** After a presenter's connection drops, how long before someone else may take over their deck. */
  PRESENTER_TAKEOVER_GRACE_MS: integer(30_000, 0),
  /** Presenter-channel messages (slide changes, remote commands) one connection may send per second. */
  PRESENTER_MESSAGES_PER_SECOND: integer(20, 1),
  /** Share decks with the other instances through this Redis; unset: this instance is alone. */
  REDIS_URL: optional(z.string().url()),
  /** Signs sessions; when unset, one is generated and kept in DATA_DIR/auth-secret. */
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** The first admin, created at start-up when no user exists yet. */
  ADMIN_EMAIL: optional(z.string().email()),
  ADMIN_PASSWORD: optional(z.string().min(8, "must be at least 8 characters")),
  /** The address people use to reach Podium (OIDC callbacks, CSRF origin check); default http://localhost:PORT. */
  PUBLIC_URL: optional(z.string().url()),
  /** Behind a reverse proxy: take client addresses from X-Forwarded-For (sign-in and connection limits). */
  /** Sign-in tries per client address per 15 minutes (HedgeDoc: 40). */
  SIGN_IN_ATTEMPTS: integer(40, 1),
  /** New accounts per client address per minute. */
  SIGN_UPS_PER_MINUTE: integer(20, 1),
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /** An OpenID Connect provider (e.g. Keycloak: https://host/realms/<realm>); all three or none. */
  OIDC_ISSUER: optional(z.string().url()),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  /** The sign-in button's label. */
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Who may create an account: anyone (open, see SIGN_UP_DOMAINS), invitation links only, or nobody (closed: admins create accounts). Default: invite; the first account of a fresh instance is always let in and becomes admin (server/auth/sign-up-policy.ts). */
  SIGN_UP: z.enum(["open", "invite", "closed"]).default("invite"),
  /** With SIGN_UP=open: only addresses at these domains (comma-separated, e.g. "example.org,example.com"); empty: any. */
  SIGN_UP_DOMAINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((domain) => domain.trim().toLowerCase().replace(/^@/, "")).filter(Boolean)),
  /** OIDC accounts: follow SIGN_UP ("policy"), or let every account of the provider in ("open"), since it vouches for them. */
  OIDC_SIGN_UP: z.enum(["policy", "open"]).default("policy"),
  /** What signed-in members may do with a new deck until its owner changes it (docs/security.md). */
  DEFAULT_MEMBER_ACCESS: z.enum(["none", "read", "write"]).default("read"),
  /** GET /metrics on the app port needs "Authorization: Bearer <METRICS_TOKEN>"; unset (and no METRICS_PORT): 404. */
  METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
  /** Serve /metrics on its own listener (no token needed there), e.g. for a scraper on a private network. */
  METRICS_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** Per-account limits per hour (429 with Retry-After beyond them); 0: no limit. */
  DECKS_PER_HOUR: integer(100, 0),
  API_TOKENS_PER_HOUR: integer(20, 0),
  MEDIA_UPLOADS_PER_HOUR: integer(300, 0),
  /** Largest uploaded image, in bytes. */
  MEDIA_MAX_BYTES: integer(10 * 1024 * 1024, 1024),
  /** Largest import upload (all files of one request, zips included), in bytes. */
  IMPORT_MAX_BYTES: integer(100 * 1024 * 1024, 1024),
  /** Files in one import request, each zip counted once (past it: 413). */
  IMPORT_MAX_FILES: integer(100, 1),
  /** Bytes of all files of one import request once unpacked: zip bombs stop here (413). */
  IMPORT_MAX_UNPACKED_BYTES: integer(400 * 1024 * 1024, 1024),
  /** Entries of all zips of one import request (413). */
  IMPORT_MAX_ENTRIES: integer(5_000, 1),
  /** Decks one import request may create (413). */
  IMPORT_MAX_DECKS: integer(1_000, 1),
  /** Imports one account may start per hour (429 with Retry-After past it); 0: no limit. */
  IMPORTS_PER_HOUR: integer(30, 0),
  /** An automatic revision is taken once a deck has been edited for this long since the last one. */
  REVISION_INTERVAL_MS: integer(5 * 60_000, 1000),
  /** Automatic revisions kept per deck (named ones are always kept). */
  REVISIONS_KEPT: integer(50, 1),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const oidc = [parsed.data.OIDC_ISSUER, parsed.data.OIDC_CLIENT_ID, parsed.data.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new ConfigError("Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together.");
  }
  if (Boolean(parsed.data.ADMIN_EMAIL) !== Boolean(parsed.data.ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together.");
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.AUTH_SECRET && isPlaceholderSecret(parsed.data.AUTH_SECRET)) {
    throw new ConfigError("Invalid configuration:\n  AUTH_SECRET is the example value from the documentation: set your own (e.g. `openssl rand -base64 32`).");
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/** Secrets that were published as examples (docker-compose.yml, .env.example): anyone could forge sessions with them. */
const PLACEHOLDER_SECRETS = ["local-only-podium-secret-change-me-0123456789", "change-me-to-a-long-random-secret"];

export function isPlaceholderSecret(secret: string): boolean {
  return PLACEHOLDER_SECRETS.includes(secret) || /change[-_ ]?me/i.test(secret);
}
