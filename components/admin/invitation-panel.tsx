"use client";

import { useState, type FormEvent } from "react";
import type { InvitationSummary } from "@/core/api/invitations";
import { sendJson } from "@/components/auth/auth-request";
import "@/components/auth/accounts.css";

/** The sign-up policy, and invitation links: create (role, expiry, uses, address), copy, revoke. */
export function InvitationPanel({ policy, initialInvitations, origin }: { policy: string; initialInvitations: InvitationSummary[]; origin: string }) {
  const [invitations, setInvitations] = useState(initialInvitations);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const link = (invitation: InvitationSummary) => `${origin}${invitation.path}`;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    const uses = String(data.get("uses"));
    try {
      const created = await sendJson<InvitationSummary>("POST", "/api/admin/invitations", {
        email: String(data.get("email") ?? "").trim() || null,
        role: data.get("role"),
        maxUses: uses === "unlimited" ? null : Number(uses),
        expiresInDays: Number(data.get("days")),
      });
      setInvitations((current) => [created, ...current]);
      form.reset();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not create the invitation.");
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      const revoked = await sendJson<InvitationSummary>("DELETE", `/api/admin/invitations/${encodeURIComponent(id)}`);
      setInvitations((current) => current.map((invitation) => (invitation.id === id ? revoked : invitation)));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not revoke the invitation.");
    }
  }

  async function copy(invitation: InvitationSummary) {
    await navigator.clipboard?.writeText(link(invitation)).catch(() => undefined);
    setCopied(invitation.id);
  }

  return (
    <section aria-labelledby="invitations-title" className="auth-form">
      <h2 id="invitations-title">Who may join</h2>
      <p className="notice" data-testid="sign-up-policy">
        {policy}
      </p>
      <form className="invite-form" onSubmit={create} aria-label="New invitation">
        <label className="field grow">
          Only for this email (optional)
          <input name="email" type="email" placeholder="anyone with the link" />
        </label>
        <label className="field">
          Role
          <select name="role" defaultValue="member">
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="field">
          Uses
          <select name="uses" defaultValue="1">
            <option value="1">Once</option>
            <option value="10">10 people</option>
            <option value="100">100 people</option>
            <option value="unlimited">Unlimited</option>
          </select>
        </label>
        <label className="field">
          Expires after
          <select name="days" defaultValue="7">
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
          </select>
        </label>
        <button type="submit" className="button">
          Create invitation
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {invitations.length > 0 && (
        <table className="data-table" aria-label="Invitations">
          <thead>
            <tr>
              <th>For</th>
              <th className="compact">Role</th>
              <th className="compact">Used</th>
              <th className="compact">Expires</th>
              <th className="compact">Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email ?? "anyone with the link"}</td>
                <td className="compact">{invitation.role}</td>
                <td className="compact">
                  {invitation.uses} / {invitation.maxUses ?? "∞"}
                </td>
                <td className="compact">{invitation.expiresAt.slice(0, 10)}</td>
                <td className="compact">{invitation.status}</td>
                <td>
                  {invitation.status === "active" && (
                    <span className="inline-form">
                      <input className="invitation-link" readOnly value={link(invitation)} aria-label={`Link of the invitation for ${invitation.email ?? "anyone"}`} onFocus={(event) => event.target.select()} />
                      <button type="button" className="button secondary" onClick={() => copy(invitation)}>
                        {copied === invitation.id ? "Copied" : "Copy link"}
                      </button>
                      <button type="button" className="button secondary" onClick={() => revoke(invitation.id)}>
                        Revoke
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
