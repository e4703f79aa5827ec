// Who is asking: a signed-in user (by cookie session or API token) or a guest. Every request path
// (page, REST route, WebSocket upgrade) turns its headers into an Actor here, and nowhere else.
import { toUserRole, type Viewer } from "../../core/access";
import type { ApiTokens } from "../auth/api-tokens";
import type { BetterAuthInstance } from "../auth/better-auth";
import type { PrismaClient } from "../db/prisma";
import { PodiumError } from "../../core/api/errors";

/** What a signed-in actor came with: revoking it (sign-out, expiry, token revoked) ends what it opened. */
export type Credential = { kind: "session"; id: string; expiresAt: Date } | { kind: "token"; id: string };

export type Actor =
  | { kind: "guest" }
  | { kind: "user"; user: Viewer; via: "session" | "token"; credential?: Credential };

export const GUEST: Actor = { kind: "guest" };

/** A request that presented credentials which do not work: refused, never treated as a guest. */
export class AuthenticationError extends PodiumError {
  override name = "AuthenticationError";
  constructor(message: string) {
    super("unauthorized", message);
  }
}

export class ActorResolver {
  constructor(
    private readonly auth: BetterAuthInstance,
    private readonly tokens: ApiTokens,
    private readonly prisma: PrismaClient,
  ) {}

  async resolve(headers: Headers): Promise<Actor> {
    const authorization = headers.get("authorization");
    if (authorization !== null) return this.fromToken(authorization);
    const session = await this.auth.api.getSession({ headers });
    if (!session || session.user.banned) return GUEST;
    const user = session.user;
    return {
      kind: "user",
      via: "session",
      user: { id: user.id, name: user.name, email: user.email, role: toUserRole(user.role) },
      credential: { kind: "session", id: session.session.id, expiresAt: new Date(session.session.expiresAt) },
    };
  }

  /** The same user, read again (after an admin changed their role or disabled them); null when gone or disabled. */
  async refresh(userId: string): Promise<Viewer | null> {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user || user.banned) return null;
    return { id: user.id, name: user.name, email: user.email, role: toUserRole(user.role) };
  }

  private async fromToken(authorization: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationError('Send the API token as "Authorization: Bearer <token>".');
    const token = await this.tokens.identify(match[1]!);
    const user = token ? await this.refresh(token.userId) : null;
    if (!user) throw new AuthenticationError("This API token is not valid: it was revoked, mistyped, or its account is disabled.");
    return { kind: "user", via: "token", user, credential: { kind: "token", id: token!.tokenId } };
  }

  /** Is the session still there and unexpired? Its expiry (better-auth extends it while in use), or null. */
  async sessionExpiry(sessionId: string): Promise<Date | null> {
    const session = await this.prisma.session.findUnique({ where: { id: sessionId }, select: { expiresAt: true } });
    return session && session.expiresAt.getTime() > Date.now() ? session.expiresAt : null;
  }
}
