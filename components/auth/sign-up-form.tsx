"use client";

import { useState, type FormEvent } from "react";
import { safeReturnPath } from "@/core/return-path";
import { sendJson } from "./auth-request";
import { forgetInvitation, rememberInvitation } from "./invitation-cookie";

/** A new email + password account; through an invitation link when `invitation` is given (its address fixed when it names one). */
export function SignUpForm({ next, invitation = null, fixedEmail = null }: { next: string; invitation?: string | null; fixedEmail?: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      rememberInvitation(invitation);
      await sendJson("POST", "/api/auth/sign-up/email", { name: form.get("name"), email: fixedEmail ?? form.get("email"), password: form.get("password") });
      forgetInvitation();
      window.location.assign(safeReturnPath(next));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not create the account.");
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={submit}>
      <label className="field">
        Name (shown on your cursor)
        <input name="name" autoComplete="name" required maxLength={80} />
      </label>
      <label className="field">
        Email
        {fixedEmail ? (
          <input name="email" type="email" value={fixedEmail} readOnly aria-readonly="true" />
        ) : (
          <input name="email" type="email" autoComplete="username" required />
        )}
      </label>
      <label className="field">
        Password (at least 8 characters)
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
