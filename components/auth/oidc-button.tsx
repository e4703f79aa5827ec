"use client";

import { useState } from "react";
import { safeReturnPath } from "@/core/return-path";
import { sendJson } from "./auth-request";
import { rememberInvitation } from "./invitation-cookie";

/** Sign in (or up) with the configured OpenID Connect provider; refusals come back to /sign-in?error=…. */
export function OidcButton({ name, next, invitation = null, verb = "Sign in" }: { name: string; next: string; invitation?: string | null; verb?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    const target = safeReturnPath(next);
    try {
      rememberInvitation(invitation);
      const { url } = await sendJson<{ url: string }>("POST", "/api/auth/sign-in/oauth2", {
        providerId: "oidc",
        callbackURL: target,
        errorCallbackURL: `/sign-in?next=${encodeURIComponent(target)}`,
      });
      window.location.assign(url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not reach the sign-in provider.");
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button wide" onClick={start} disabled={busy}>
        {verb} with {name}
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
