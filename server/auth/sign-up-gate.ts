// The sign-up policy (sign-up-policy.ts) plugged into better-auth's user-creation hook, which
// every way of making an account passes through: email sign-up and an OIDC provider's first
// sign-in alike. It also decides which addresses count as verified, and tells the access module
// when one becomes verified, so shares waiting for that address turn into grants.
import { APIError } from "better-auth/api";
import type { UserRole } from "../../core/access";
import type { AcceptedInvitation } from "../../core/api/invitations";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import { InvitationError, invitationTokenFromCookies, type Invitations } from "./invitations";
import { decideSignUp, SIGN_UP_MESSAGES, type SignUpSettings } from "./sign-up-policy";

/** What better-auth hands a create hook: the user to be, and the endpoint's context (none outside a request). */
interface NewUserData {
  email: string;
  emailVerified?: boolean;
  role?: string;
  [field: string]: unknown;
}

interface HookContext {
  path?: string;
  headers?: Headers;
  request?: Request;
}

export interface VerifiedUser {
  id: string;
  email: string;
}

export class SignUpGate {
  /** Addresses let in as "the first account": only the one created first keeps the admin role. */
  private readonly firstAdminCandidates = new Set<string>();
  /** Set once the access module exists (it needs better-auth, which needs this gate). */
  onVerified: (user: VerifiedUser) => Promise<void> = async () => {};

  constructor(
    private readonly prisma: PrismaClient,
    private readonly invitations: Invitations,
    readonly settings: SignUpSettings,
    private readonly log: Logger,
  ) {}

  /** better-auth's databaseHooks: refuse or shape each new user; report newly verified addresses. */
  databaseHooks() {
    return {
      user: {
        create: {
          before: (user: NewUserData, context: HookContext | null) => this.beforeCreate(user, context),
          after: async (user: { id: string; email: string; emailVerified: boolean }) => {
            await this.settleFirstAdmin(user);
            await this.verified(user);
          },
        },
        update: {
          after: (user: { id: string; email: string; emailVerified: boolean }) => this.verified(user),
        },
      },
    };
  }

  private async beforeCreate(user: NewUserData, context: HookContext | null): Promise<{ data: Partial<NewUserData> } | void> {
    // Outside a request (the CLI, ADMIN_EMAIL) or through the admin plugin's own endpoints: an
    // admin made this account, and vouches for its address.
    if (!context?.path || context.path.startsWith("/admin/")) return { data: { emailVerified: true } };
    const via = context.path.includes("oauth2") || context.path.includes("callback") ? "oidc" : "email";
    const headers = context.headers ?? context.request?.headers;
    const token = invitationTokenFromCookies(headers?.get("cookie"));
    const invitation = token ? await this.invitations.find(token) : null;
    const decision = decideSignUp(this.settings, {
      email: user.email,
      via,
      existingUsers: await this.prisma.user.count(),
      invitation,
      unknownInvitation: token !== null && invitation === null,
    });
    if (!decision.allowed) {
      this.log.info({ email: user.email, via, code: decision.code }, "sign-up refused");
      // The OIDC callback turns the message into an ?error= code for the sign-in page; the email
      // form shows it as it is.
      throw new APIError("FORBIDDEN", { message: via === "oidc" ? decision.code : decision.message, code: decision.code });
    }
    if (decision.invitationId && !(await this.invitations.consume(decision.invitationId))) {
      throw new APIError("FORBIDDEN", { message: via === "oidc" ? "invitation_invalid" : "This invitation link was just used up. Ask for a new one.", code: "invitation_invalid" });
    }
    // Verified: an invitation bound to this very address, or a provider that says so (OIDC's
    // email_verified, which better-auth passes as emailVerified). Never a self-typed address.
    const emailVerified = decision.verifiedByInvitation || (via === "oidc" && user.emailVerified === true);
    if (decision.role === "admin" && decision.invitationId === null) this.firstAdminCandidates.add(user.email.toLowerCase());
    return { data: { role: decision.role, emailVerified } };
  }

  /** May someone with no invitation sign up with email, and would they be the first admin? For the sign-up page. */
  async withoutInvitation(): Promise<{ allowed: boolean; firstAdmin: boolean; message: string | null }> {
    const decision = decideSignUp(this.settings, { email: "", via: "email", existingUsers: await this.prisma.user.count(), invitation: null, unknownInvitation: false });
    if (!decision.allowed) return { allowed: false, firstAdmin: false, message: decision.message };
    return { allowed: true, firstAdmin: decision.role === "admin", message: null };
  }

  /**
   * A signed-in person follows an invitation link: one bound to their own address verifies it
   * (holding the link proves they read that mailbox) and hands them the shares waiting for it;
   * an admin invitation makes them admin.
   */
  async accept(user: { id: string; email: string; role: UserRole }, token: string): Promise<AcceptedInvitation> {
    const invitation = await this.invitations.find(token);
    if (!invitation) throw new InvitationError("not_found", SIGN_UP_MESSAGES.invitation_invalid);
    if (!invitation.usable) throw new InvitationError("invalid", SIGN_UP_MESSAGES.invitation_invalid);
    if (invitation.email !== null && invitation.email !== user.email.toLowerCase()) {
      throw new InvitationError("invalid", `This invitation is for ${invitation.email}; you are signed in as ${user.email}.`);
    }
    if (!(await this.invitations.consume(invitation.id))) throw new InvitationError("invalid", SIGN_UP_MESSAGES.invitation_invalid);
    const role: UserRole = invitation.role === "admin" ? "admin" : user.role;
    const verified = invitation.email !== null;
    await this.prisma.user.update({ where: { id: user.id }, data: { role, ...(verified ? { emailVerified: true } : {}) } });
    if (verified) await this.verified({ id: user.id, email: user.email, emailVerified: true });
    return { verified, role };
  }

  /**
   * Two people signing up at the same moment on a fresh instance both saw no account: the one
   * created first (in PostgreSQL, so across instances too) stays admin, the other becomes a member.
   */
  private async settleFirstAdmin(user: { id: string; email: string }): Promise<void> {
    if (!this.firstAdminCandidates.delete(user.email.toLowerCase())) return;
    const first = await this.prisma.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    if (first && first.id !== user.id) {
      await this.prisma.user.update({ where: { id: user.id }, data: { role: "member" } });
      this.log.warn({ email: user.email }, "two first sign-ups raced: this one became a member");
    }
  }

  private async verified(user: { id: string; email: string; emailVerified: boolean }): Promise<void> {
    if (!user.emailVerified) return;
    await this.onVerified({ id: user.id, email: user.email }).catch((error: unknown) => {
      this.log.error({ err: error, userId: user.id }, "turning pending shares into grants failed");
    });
  }
}
