// Per-account rate limits on what costs storage: new decks, API tokens and media uploads. Counted
// in PostgreSQL (one fixed window per account and action), so the limit holds across restarts and
// across every instance. Beyond it: 429 with Retry-After and a message that names the limit.
import type { PrismaClient } from "../db/prisma";
import { PodiumError } from "../../core/api/errors";

export type LimitedAction = "decks" | "tokens" | "media";

/** How many of each an account may make per hour; 0: no limit. */
export type AccountLimits = Record<LimitedAction, number>;

const WINDOW_MS = 60 * 60 * 1000;
const WHAT: Record<LimitedAction, { noun: string; setting: string }> = {
  decks: { noun: "new decks", setting: "DECKS_PER_HOUR" },
  tokens: { noun: "new API tokens", setting: "API_TOKENS_PER_HOUR" },
  media: { noun: "image uploads", setting: "MEDIA_UPLOADS_PER_HOUR" },
};

export interface RateLimited {
  retryAfterSeconds: number;
  message: string;
}

export class AccountRateLimits {
  constructor(
    private readonly prisma: PrismaClient,
    readonly limits: AccountLimits,
  ) {}

  /** Counts one action; null when it is within the limit, else how long to wait. */
  async take(userId: string, action: LimitedAction): Promise<RateLimited | null> {
    const max = this.limits[action];
    if (max === 0) return null;
    const now = new Date();
    const windowOpensAfter = new Date(now.getTime() - WINDOW_MS);
    // One statement: concurrent requests of one account each get their own count.
    const [row] = await this.prisma.$queryRaw<Array<{ count: number; window_start: Date }>>`
      INSERT INTO account_rate_limit (key, window_start, count) VALUES (${`${action}:${userId}`}, ${now}, 1)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN account_rate_limit.window_start <= ${windowOpensAfter} THEN 1 ELSE account_rate_limit.count + 1 END,
        window_start = CASE WHEN account_rate_limit.window_start <= ${windowOpensAfter} THEN ${now} ELSE account_rate_limit.window_start END
      RETURNING count, window_start`;
    if (row!.count <= max) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((row!.window_start.getTime() + WINDOW_MS - now.getTime()) / 1000));
    const { noun, setting } = WHAT[action];
    return {
      retryAfterSeconds,
      message: `Too many ${noun}: at most ${max} per hour per account (${setting}). Try again in ${formatWait(retryAfterSeconds)}.`,
    };
  }
}

/** Past the limit: 429 with Retry-After, through the route wrapper. */
export class RateLimitedError extends PodiumError {
  override name = "RateLimitedError";
  constructor(limited: RateLimited) {
    super("too_many_requests", limited.message, { retryAfterSeconds: limited.retryAfterSeconds });
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
