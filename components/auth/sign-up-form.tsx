"use client";

import { useState, type FormEvent } from "react";
import { sendJson } from "./auth-request";

export function SignUpForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await sendJson("POST", "/api/auth/sign-up/email", { name: form.get("name"), email: form.get("email"), password: form.get("password") });
      window.location.assign(next);
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
        <input name="email" type="email" autoComplete="username" required />
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
