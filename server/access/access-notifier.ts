// Hears, from PostgreSQL itself, every change that can take access away: a deck archived, trashed,
// purged or re-shared, a grant changed, an account disabled, a session ended (sign-out), an API
// token revoked. Triggers (migration 20261201110000_access_notify) NOTIFY "podium_access" on commit,
// so every instance hears every change, whoever made it: this server, another instance, or the CLI
// in another process, with or without Redis. This is the one path such changes take to open
// connections (server/access/live-access.ts).
//
// It holds its own connection (LISTEN needs one that stays open) and reconnects when it drops;
// whatever was missed meanwhile is covered by re-checking every open connection once back.
import pg from "pg";
import type { Logger } from "../log";

export const ACCESS_CHANNEL = "podium_access";

export type AccessNotice =
  | { deckId: string; gone?: boolean }
  | { userId: string }
  /** With `expiresAt`: the session's expiry moved; without: it ended. */
  | { sessionId: string; expiresAt?: Date }
  | { tokenId: string }
  /** The notifier was disconnected: anything may have changed meanwhile. */
  | { everything: true };

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export class AccessNotifier {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly databaseUrl: string,
    private readonly onNotice: (notice: AccessNotice) => void,
    private readonly log: Logger,
  ) {}

  /** Resolves once listening; start-up fails if PostgreSQL cannot be reached. */
  static async start(databaseUrl: string, onNotice: (notice: AccessNotice) => void, log: Logger): Promise<AccessNotifier> {
    const notifier = new AccessNotifier(databaseUrl, onNotice, log);
    await notifier.listen();
    return notifier;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "podium access notifier" });
    client.on("notification", (message) => {
      if (message.channel !== ACCESS_CHANNEL) return;
      const notice = parseNotice(message.payload);
      if (notice) this.onNotice(notice);
      else this.log.warn({ payload: message.payload }, "unreadable access notification");
    });
    client.on("error", (error) => {
      this.log.warn({ err: error }, "access notifier lost its PostgreSQL connection");
      this.dropped(client);
    });
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
  }

  private dropped(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.listen().then(
        () => {
          if (this.stopped) return;
          this.log.info("access notifier listening again");
          this.onNotice({ everything: true });
        },
        (error: unknown) => {
          this.log.warn({ err: error, retryMs: this.retryMs }, "access notifier cannot reconnect yet");
          this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
          if (!this.stopped) this.reconnectLater();
        },
      );
    }, this.retryMs);
  }
}

function parseNotice(payload: string | undefined): AccessNotice | null {
  try {
    const value = JSON.parse(payload ?? "") as Record<string, unknown>;
    for (const key of ["deckId", "userId", "sessionId", "tokenId"] as const) {
      if (typeof value[key] === "string") {
        if (key === "deckId") return { deckId: value[key], gone: value.gone === true };
        if (key === "sessionId" && typeof value.expiresAt === "string") return { sessionId: value[key], expiresAt: new Date(value.expiresAt) };
        return { [key]: value[key] } as AccessNotice;
      }
    }
  } catch {
    // Falls through: reported by the caller.
  }
  return null;
}
