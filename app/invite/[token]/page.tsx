import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { OidcButton } from "@/components/auth/oidc-button";
import { SignUpForm } from "@/components/auth/sign-up-form";
import "@/components/auth/accounts.css";
import { pageActor } from "@/server/access/page-access";
import { SIGN_UP_MESSAGES } from "@/server/auth/sign-up-policy";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

/** /invite/<token>: sign up through an invitation, or accept it with the account you are signed in to. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { access, invitations, signUp, oidcName } = getServices();
  const invitation = await invitations.find(token);
  const here = `/invite/${encodeURIComponent(token)}`;
  if (!invitation || !invitation.usable) {
    return (
      <main className="auth-page">
        <h1>Invitation</h1>
        <p className="notice" role="status" data-testid="invitation-invalid">
          {SIGN_UP_MESSAGES.invitation_invalid}
        </p>
        <p className="auth-alt">
          Have an account? <Link href="/sign-in">Sign in</Link>
        </p>
      </main>
    );
  }
  const actor = await pageActor(access, await headers());
  const what = invitation.role === "admin" ? "as an admin" : "as a member";
  const closed = signUp.settings.mode === "closed";
  return (
    <main className="auth-page">
      <h1>You are invited to Podium</h1>
      <p className="muted">
        Join {what}
        {invitation.email ? ` with ${invitation.email}` : ""}. Decks shared with that address become yours to open.
      </p>
      {actor.kind === "user" ? (
        <AcceptInvitation token={token} signedInAs={actor.user.email} />
      ) : closed ? (
        <p className="notice" role="status">
          {SIGN_UP_MESSAGES.sign_up_closed}
        </p>
      ) : (
        <>
          {oidcName && (
            <>
              <OidcButton name={oidcName} next="/" invitation={token} verb="Join" />
              <p className="auth-divider">or with email</p>
            </>
          )}
          <SignUpForm next="/" invitation={token} fixedEmail={invitation.email} />
          <p className="auth-alt">
            Have an account already? <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link>, then accept.
          </p>
        </>
      )}
    </main>
  );
}
