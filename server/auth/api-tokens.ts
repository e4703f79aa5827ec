// Personal API tokens for scripts: `Authorization: Bearer <token>` on REST and on the WebSocket
// upgrade. A token is 32 random bytes; only its SHA-256 is stored (a hash of high-entropy random
// data needs no salt or slow hashing), so a database leak reveals no usable token.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/prisma";
import { PodiumError } from "../../core/api/errors";
import type { ApiTokenSummary, CreatedApiToken } from "../../core/api/tokens";
export type { ApiTokenSummary, CreatedApiToken };

const TOKEN_PREFIX = "podium_";
const MAX_NAME_LENGTH = 80;
/** lastUsedAt is a hint for the owner, not an audit log: write it at most this often. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiTokenError extends PodiumError {
  override name = "ApiTokenError";
  constructor(message: string) {
    super("bad_request", message);
  }
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

export class ApiTokens {
  constructor(private readonly prisma: PrismaClient) {}

  async create(userId: string, name: string): Promise<CreatedApiToken> {
    const cleaned = name.replace(/\s+/g, " ").trim();
    if (!cleaned) throw new ApiTokenError("Give the token a name, e.g. the script that will use it.");
    if (cleaned.length > MAX_NAME_LENGTH) throw new ApiTokenError(`A token name may have at most ${MAX_NAME_LENGTH} characters.`);
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const row = await this.prisma.apiToken.create({
      data: { id: randomUUID(), userId, name: cleaned, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashToken(token) },
    });
    return { ...summary(row), token };
  }

  async list(userId: string): Promise<ApiTokenSummary[]> {
    const rows = await this.prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
    return rows.map(summary);
  }

  /** false when the user has no token with this id. */
  async revoke(userId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.apiToken.deleteMany({ where: { id, userId } });
    return count > 0;
  }

  /** The user id a token belongs to, or null for an unknown (or revoked) token. */
  async verify(token: string): Promise<string | null> {
    return (await this.identify(token))?.userId ?? null;
  }

  /** The token's id and its user's, or null: connections opened with it are closed when it is revoked. */
  async identify(token: string): Promise<{ tokenId: string; userId: string } | null> {
    if (!looksLikeApiToken(token)) return null;
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, lastUsedAt: true } });
    if (!row) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    }
    return { tokenId: row.id, userId: row.userId };
  }
}

function summary(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
