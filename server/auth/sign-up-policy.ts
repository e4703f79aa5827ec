// Who may create an account, decided in one pure function so every way in (email sign-up, an OIDC
// provider's first sign-in) follows the same rule, and the matrix is easy to test. better-auth.ts
// asks it from a database hook on user creation, so no endpoint can skip it; accounts that admins
// make (CLI, ADMIN_EMAIL) are created outside any request and never reach it.
import type { UserRole } from "../../core/access";
import type { SignUpMode, SignUpSettings } from "../../core/api/invitations";
export type { SignUpMode, SignUpSettings };

/** An invitation as the policy sees it; `usable` false when revoked, expired or used up. */
export interface InvitationCandidate {
  id: string;
  email: string | null;
  role: UserRole;
  usable: boolean;
}

export interface SignUpAttempt {
  email: string;
  via: "email" | "oidc";
  /** Accounts that exist already: the first one on a fresh instance becomes its admin. */
  existingUsers: number;
  /** The invitation link the person came through, if any (null: none, or an unknown token). */
  invitation: InvitationCandidate | null;
  /** An invitation token was presented but matched nothing. */
  unknownInvitation: boolean;
}

export type SignUpDecision =
  | { allowed: true; role: UserRole; invitationId: string | null; verifiedByInvitation: boolean }
  | { allowed: false; code: SignUpRefusal; message: string };

export type SignUpRefusal = "sign_up_closed" | "invitation_required" | "invitation_invalid" | "invitation_other_email" | "domain_not_allowed";

/** The messages people see (the sign-in page shows them after an OIDC refusal too, by code). */
export const SIGN_UP_MESSAGES: Record<SignUpRefusal, string> = {
  sign_up_closed: "This Podium does not take new accounts. Ask an admin to create one for you.",
  invitation_required: "This Podium is open by invitation only. Ask an admin (or the person sharing a deck with you) for an invitation link.",
  invitation_invalid: "This invitation link is not valid any more: it expired, was revoked or was used up. Ask for a new one.",
  invitation_other_email: "This invitation is for another email address. Sign up with the address it was sent to.",
  domain_not_allowed: "Accounts here are for addresses at the community's own domains only.",
};

export function decideSignUp(settings: SignUpSettings, attempt: SignUpAttempt): SignUpDecision {
  const refuse = (code: SignUpRefusal): SignUpDecision => ({ allowed: false, code, message: SIGN_UP_MESSAGES[code] });
  const email = attempt.email.trim().toLowerCase();
  // A fresh instance has nobody to invite anyone: its first account is its admin.
  if (attempt.existingUsers === 0 && settings.mode !== "closed") {
    return { allowed: true, role: "admin", invitationId: null, verifiedByInvitation: false };
  }
  const member: SignUpDecision = { allowed: true, role: "member", invitationId: null, verifiedByInvitation: false };
  // The provider vouches for its accounts; this holds even when local sign-up is closed.
  if (attempt.via === "oidc" && settings.oidc === "open" && !attempt.invitation) return member;
  if (settings.mode === "closed") return refuse("sign_up_closed");
  const invitation = attempt.invitation;
  if (invitation) {
    if (!invitation.usable) return refuse("invitation_invalid");
    if (invitation.email !== null && invitation.email !== email) return refuse("invitation_other_email");
    return { allowed: true, role: invitation.role, invitationId: invitation.id, verifiedByInvitation: invitation.email !== null };
  }
  if (attempt.unknownInvitation) return refuse("invitation_invalid");
  if (settings.mode === "invite") return refuse("invitation_required");
  if (settings.domains.length > 0 && !settings.domains.includes(domainOf(email))) return refuse("domain_not_allowed");
  return member;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** SIGN_UP as shown on /admin and the sign-up page. */
export function describeSignUp(settings: SignUpSettings): string {
  const oidc = settings.oidc === "open" ? " Every account of the single sign-on provider may join." : "";
  if (settings.mode === "closed") return `Closed: only admins create accounts (npm run cli -- user add).${oidc}`;
  if (settings.mode === "invite") return `By invitation: people join through an invitation link.${oidc}`;
  const domains = settings.domains.length ? ` with an address at ${settings.domains.join(", ")}` : "";
  return `Open: anyone${domains} may create an account.${oidc}`;
}

/** better-auth's own OIDC callback error codes that a person may meet, in words. */
const CALLBACK_MESSAGES: Record<string, string> = {
  account_not_linked: "An account with this email exists already. Sign in with its password instead.",
  signup_disabled: SIGN_UP_MESSAGES.sign_up_closed,
  email_is_missing: "The sign-in provider did not tell us your email address.",
};

/** The message for an ?error= code the OIDC callback sent back to /sign-in; null for none. */
export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== "string" || code === "") return null;
  if (code in SIGN_UP_MESSAGES) return SIGN_UP_MESSAGES[code as SignUpRefusal];
  return CALLBACK_MESSAGES[code] ?? "Signing in with the provider did not work. Try again, or ask an admin.";
}
