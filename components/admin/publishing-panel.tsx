"use client";

import { useEffect, useState, type FormEvent } from "react";
import type { DeckPublicationInfo, PublishingState, PublishRunResult } from "@/core/api/publishing";
import { sendJson } from "@/components/auth/auth-request";
import { RelativeTime } from "@/components/library/relative-time";

const STATUS_LABEL: Record<DeckPublicationInfo["status"], string> = { pending: "Pending", published: "Published", failed: "Failed" };

/** Publishing to git: connect the minutes repository, publish, and each deck's state with the reason it failed. */
export function PublishingPanel({ initialState }: { initialState: PublishingState }) {
  const [state, setState] = useState(initialState);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const repository = state.repository;
  const waiting = state.decks.some((deck) => deck.status !== "published");
  // A run going on (this page's, or the retry worker's): its progress, deck by deck.
  const running = busy || state.run !== null;

  async function refresh() {
    setState(await sendJson<PublishingState>("GET", "/api/admin/publishing"));
  }

  // While decks wait (a run in the background, a retry with backoff), keep the table current;
  // every second while a run goes on.
  useEffect(() => {
    if (!waiting && !running) return;
    const timer = setInterval(() => void refresh().catch(() => undefined), running ? 1_000 : 5_000);
    return () => clearInterval(timer);
  }, [waiting, running]);

  async function connect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const token = String(form.get("token") ?? "");
    const body: Record<string, unknown> = {
      url: String(form.get("url") ?? ""),
      branch: String(form.get("branch") ?? "") || "main",
      publishOnArchive: form.get("publishOnArchive") === "on",
    };
    // An empty token field keeps the stored token; "Remove token" sends null.
    if (token !== "") body.token = token;
    if (form.get("removeToken") === "on") body.token = null;
    await run(async () => {
      await sendJson("PUT", "/api/admin/publishing", body);
      (event.target as HTMLFormElement).reset();
      setNotice("Repository connected: Podium may push to it.");
    });
  }

  async function publish() {
    await run(async () => {
      const result = await sendJson<PublishRunResult>("POST", "/api/admin/publishing/publish", {});
      setNotice(
        `${result.committed} committed, ${result.unchanged} unchanged${result.pushed ? ", pushed" : ""}${result.failed.length > 0 ? `, ${result.failed.length} failed (retried later)` : ""}.`,
      );
    });
  }

  async function disconnect() {
    await run(async () => {
      await sendJson("DELETE", "/api/admin/publishing");
      setNotice("Repository disconnected.");
    });
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Something went wrong.");
    } finally {
      await refresh().catch(() => undefined);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="publishing-title" className="auth-form" data-testid="publishing-panel">
      <h2 id="publishing-title">Publish to git</h2>
      <p className="muted">
        Each deck becomes <code>&lt;series folder&gt;/&lt;YYYYMMDD&gt;.md</code> with its images beside it (decks outside a series:{" "}
        <code>decks/&lt;YYYYMMDD&gt;-&lt;title&gt;.md</code>), one commit per deck with its editors as co-authors under no-reply addresses.
      </p>
      <form className="invite-form" onSubmit={connect} aria-label="Repository">
        <label className="field grow">
          Repository (bare repository path or https:// URL)
          <input name="url" required defaultValue={repository?.url ?? ""} placeholder="https://git.example.org/community/minutes.git" />
        </label>
        <label className="field">
          Branch
          <input name="branch" defaultValue={repository?.branch ?? "main"} size={10} />
        </label>
        <label className="field grow">
          Token {repository?.hasToken ? "(stored; leave empty to keep it)" : "(HTTPS only)"}
          <input name="token" type="password" autoComplete="off" placeholder={repository?.hasToken ? "••••••••" : "a token that may push"} />
        </label>
        {repository?.hasToken && (
          <label className="field">
            <span>
              <input name="removeToken" type="checkbox" /> Remove token
            </span>
          </label>
        )}
        <label className="field">
          <span>
            <input name="publishOnArchive" type="checkbox" defaultChecked={repository?.publishOnArchive ?? true} /> Publish when archived
          </span>
        </label>
        <button type="submit" className="button" disabled={busy}>
          {repository ? "Save" : "Connect"}
        </button>
      </form>
      {repository && (
        <p className="inline-form">
          <button type="button" className="button" onClick={publish} disabled={busy}>
            Publish archived decks
          </button>
          <button type="button" className="button secondary" onClick={() => void run(async () => undefined)} disabled={busy}>
            Refresh
          </button>
          <button type="button" className="button secondary" onClick={disconnect} disabled={busy}>
            Disconnect
          </button>
        </p>
      )}
      {repository && (
        <p className="muted" data-testid="push-state">
          {repository.pushError ? (
            <span className="error-text">Last run failed: {repository.pushError}</span>
          ) : repository.lastPushAt ? (
            <>
              Last push <RelativeTime iso={repository.lastPushAt} />
            </>
          ) : (
            "Nothing pushed yet."
          )}
        </p>
      )}
      {state.run ? (
        <p className="muted" role="status" data-testid="publish-progress">
          Publishing… {state.run.done} of {state.run.total} {state.run.total === 1 ? "deck" : "decks"} done
        </p>
      ) : (
        busy && <p className="muted">Working…</p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {state.decks.length > 0 && (
        <table className="data-table" aria-label="Published decks">
          <thead>
            <tr>
              <th>Deck</th>
              <th>In the repository</th>
              <th className="compact">Status</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {state.decks.map((deck) => (
              <tr key={deck.deckId} data-status={deck.status}>
                <td>
                  <a href={`/d/${deck.deckId}`}>{deck.title}</a>
                </td>
                <td>
                  <code>{deck.path ?? "—"}</code>
                </td>
                <td className="compact">{STATUS_LABEL[deck.status]}</td>
                <td>
                  {deck.status === "failed" && <span className="error-text">{deck.error} </span>}
                  {deck.status !== "published" && deck.nextAttemptAt && (
                    <span className="muted">
                      {deck.status === "failed" ? "Next try: " : "Queued; runs "}
                      <RelativeTime iso={deck.nextAttemptAt} />
                    </span>
                  )}
                  {deck.status === "published" && deck.publishedAt && (
                    <span className="muted">
                      {deck.commitSha?.slice(0, 8)} · <RelativeTime iso={deck.publishedAt} />
                      {deck.changedSincePublished && " · edited since: publish again to commit it"}
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
