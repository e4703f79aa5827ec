// Assembles accounts and access control on the shared Prisma client, once per server, so the Next
// route handlers, the WebSocket endpoint and the CLI all use the same instances (via services.ts).
import type { Config } from "../config";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import { AccessControl } from "../access/access-control";
import { ActorResolver } from "../access/actor";
import { LiveAccess } from "../access/live-access";
import { Accounts } from "./accounts";
import { ApiTokens } from "./api-tokens";
import { loadAuthSecret } from "./auth-secret";
import { createBetterAuth, type BetterAuthInstance } from "./better-auth";
import { AccountRateLimits } from "./account-rate-limits";
import { Invitations } from "./invitations";
import { SignUpGate } from "./sign-up-gate";

export interface AuthServices {
  auth: BetterAuthInstance;
  accounts: Accounts;
  tokens: ApiTokens;
  access: AccessControl;
  live: LiveAccess;
  /** Origins whose pages may send cookie-authenticated state-changing requests. */
  trustedOrigins: string[];
  /** The OIDC sign-in button's label, or null when no provider is configured. */
  oidcName: string | null;
  invitations: Invitations;
  signUp: SignUpGate;
  publicUrl: string;
  rateLimits: AccountRateLimits;
}

export async function createAuthServices(config: Config, prisma: PrismaClient, log: Logger): Promise<AuthServices> {
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
  const trustedOrigins = [new URL(publicUrl).origin];
  // Unconfigured, Podium is reached as localhost or 127.0.0.1 alike.
  if (!config.PUBLIC_URL) trustedOrigins.push(`http://127.0.0.1:${config.PORT}`);
  const oidc =
    config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
      ? { issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET, name: config.OIDC_NAME }
      : null;
  const secret = await loadAuthSecret(config.AUTH_SECRET, config.dataDir);
  const invitations = new Invitations(prisma, secret, publicUrl);
  const signUp = new SignUpGate(prisma, invitations, { mode: config.SIGN_UP, domains: config.SIGN_UP_DOMAINS, oidc: config.OIDC_SIGN_UP }, log);
  const auth = createBetterAuth(prisma, {
    secret,
    publicUrl,
    trustedOrigins,
    oidc,
    signInAttempts: config.SIGN_IN_ATTEMPTS,
    signUpsPerMinute: config.SIGN_UPS_PER_MINUTE,
    signUpGate: signUp,
  }, log);
  const accounts = new Accounts(auth, prisma);
  const tokens = new ApiTokens(prisma);
  const access = new AccessControl(prisma, new ActorResolver(auth, tokens, prisma), invitations);
  signUp.onVerified = (user) => access.claimPendingGrants(user);
  const live = new LiveAccess(access, log);
  const rateLimits = new AccountRateLimits(prisma, { decks: config.DECKS_PER_HOUR, tokens: config.API_TOKENS_PER_HOUR, media: config.MEDIA_UPLOADS_PER_HOUR });
  await accounts.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD, log);
  return { auth, accounts, tokens, access, live, trustedOrigins, oidcName: oidc?.name ?? null, invitations, signUp, publicUrl, rateLimits };
}
