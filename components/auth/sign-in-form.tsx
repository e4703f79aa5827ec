"use client";

import { useState, type FormEvent } from "react";
import { safeReturnPath } from "@/core/return-path";
import { sendJson } from "./auth-request";
import { OidcButton } from "./oidc-button";

/** Email + password, and the configured OpenID Connect provider when there is one. */
export function SignInForm({ next, oidcName, initialError = null }: { next: string; oidcName: string | null; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await sendJson("POST", "/api/auth/sign-in/email", { email: form.get("email"), password: form.get("password") });
      // A full load, so every server component sees the new session.
      window.location.assign(safeReturnPath(next));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not sign in.");
      setBusy(false);
    }
  }

  return (
    <>
      {oidcName && (
        <>
          <OidcButton name={oidcName} next={next} />
          <p className="auth-divider">or with email</p>
        </>
      )}
      <form className="auth-form" onSubmit={submit}>
        <label className="field">
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </>
  );
}
