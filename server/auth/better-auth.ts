// Accounts through better-auth: email + password, an optional OpenID Connect provider (Keycloak or
// any other, configured by environment), admin/member roles and account disabling (admin plugin).
// Sessions live in PostgreSQL through the shared Prisma client; better-auth owns the password
// hashing and cookie signing. Its HTTP handler is mounted at /api/auth (app/api/auth/[...all]).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin, genericOAuth } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import { BETTER_AUTH_IP_ADDRESS } from "./client-address";
import type { SignUpGate } from "./sign-up-gate";

export const AUTH_BASE_PATH = "/api/auth";
/** better-auth's provider id for the configured OIDC provider: the callback is /api/auth/oauth2/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";
/** Sign-in attempts allowed per client address and window, as HedgeDoc does. */
/** HedgeDoc's sign-in limit: 40 tries per 15 minutes per address. */
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const MIN_PASSWORD_LENGTH = 8;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

export interface AuthSettings {
  secret: string;
  publicUrl: string;
  /** Origins allowed to send cookie-authenticated state-changing requests. */
  trustedOrigins: string[];
  oidc: OidcSettings | null;
  /** Sign-in tries per address per 15 minutes, and sign-ups per address per minute. */
  signInAttempts: number;
  signUpsPerMinute: number;
  /** Who may create an account (sign-up-gate.ts); every user creation passes through it. */
  signUpGate: SignUpGate;
}

const ac = createAccessControl(defaultStatements);
const roles = {
  admin: ac.newRole(adminAc.statements),
  member: ac.newRole({ user: [], session: [] }),
};

export function createBetterAuth(prisma: PrismaClient, settings: AuthSettings, log: Logger) {
  const secure = settings.publicUrl.startsWith("https:");
  return betterAuth({
    appName: "Podium",
    baseURL: settings.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    databaseHooks: settings.signUpGate.databaseHooks(),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256, autoSignIn: true },
    account: { accountLinking: { enabled: false } },
    // Every request reads the session row, so signing out, disabling and revoking take effect at once.
    session: { cookieCache: { enabled: false } },
    rateLimit: {
      enabled: true,
      // In PostgreSQL, so the limit holds across restarts and across several Podium instances.
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: settings.signInAttempts },
        "/sign-in/oauth2": { window: SIGN_IN_WINDOW_SECONDS, max: settings.signInAttempts },
        "/sign-up/email": { window: 60, max: settings.signUpsPerMinute },
      },
    },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      // server/auth/client-address.ts makes X-Forwarded-For the client's one address before requests get here.
      ipAddress: BETTER_AUTH_IP_ADDRESS,
    },
    // Podium loads nothing from, and reports nothing to, third-party hosts.
    telemetry: { enabled: false },
    // Into our JSON logs; a wrong password is routine, not a warning.
    logger: {
      level: "debug",
      log: (level, message, ...args) => {
        const fields = { component: "better-auth", args: args.length ? args : undefined };
        if (level === "error") log.error(fields, message);
        else log.debug(fields, message);
      },
    },
    plugins: [
      admin({ defaultRole: "member", adminRoles: ["admin"], ac, roles, bannedUserMessage: "This account is disabled." }),
      ...(settings.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  discoveryUrl: `${settings.oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
                  clientId: settings.oidc.clientId,
                  clientSecret: settings.oidc.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type BetterAuthInstance = ReturnType<typeof createBetterAuth>;
