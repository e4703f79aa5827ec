"use client";

import { useState, type FormEvent } from "react";
import type { ApiTokenSummary, CreatedApiToken } from "@/core/api/tokens";
import { sendJson } from "./auth-request";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "never");

/** Create, list and revoke my personal API tokens; a new token is shown once. */
export function TokenManager({ initialTokens }: { initialTokens: ApiTokenSummary[] }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    try {
      const token = await sendJson<CreatedApiToken>("POST", "/api/tokens", { name: new FormData(form).get("name") });
      setCreated(token);
      setTokens((current) => [token, ...current]);
      form.reset();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not create the token.");
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await sendJson("DELETE", `/api/tokens/${encodeURIComponent(id)}`);
      setTokens((current) => current.filter((token) => token.id !== id));
      if (created?.id === id) setCreated(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not revoke the token.");
    }
  }

  return (
    <section aria-label="API tokens">
      <p className="muted">
        Scripts send a token as <code>Authorization: Bearer &lt;token&gt;</code> to the REST API and the WebSocket. A token can do
        everything you can.
      </p>
      <form className="inline-form" onSubmit={create}>
        <input name="name" aria-label="Token name" placeholder="What will use it, e.g. weekly export" required maxLength={80} />
        <button type="submit" className="button">
          Create token
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div className="new-token" role="status">
          Copy the token “{created.name}” now; it will not be shown again:
          <code data-testid="new-token">{created.token}</code>
        </div>
      )}
      <table className="data-table" style={{ marginTop: 16 }}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Starts with</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No tokens yet.
              </td>
            </tr>
          )}
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{when(token.createdAt)}</td>
              <td>{when(token.lastUsedAt)}</td>
              <td>
                <button type="button" className="button secondary" onClick={() => revoke(token.id)}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
