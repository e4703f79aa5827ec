"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { ACCESS_LEVELS, type AccessLevel } from "@/core/access";
import type { DeckAccessInfo, DeckAccessSettings } from "@/core/api/access";
import { sendJson } from "@/components/auth/auth-request";
import "@/components/auth/accounts.css";

const LEVEL_LABELS: Record<AccessLevel, string> = { none: "No access", read: "Can read", write: "Can edit" };

function LevelSelect({ label, value, onChange }: { label: string; value: AccessLevel; onChange: (level: AccessLevel) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as AccessLevel)}>
      {ACCESS_LEVELS.map((level) => (
        <option key={level} value={level}>
          {LEVEL_LABELS[level]}
        </option>
      ))}
    </select>
  );
}

/** The owner's Share dialog: access for signed-in members and for guests, and per-person grants. */
export function ShareDialog({ deckId, onClose }: { deckId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [settings, setSettings] = useState<DeckAccessSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/decks/${encodeURIComponent(deckId)}/access`;

  useEffect(() => {
    dialog.current?.showModal();
    sendJson<DeckAccessInfo>("GET", base).then(
      (info) => setSettings(info.settings),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : "Could not load the settings."),
    );
  }, [base]);

  async function run(action: () => Promise<DeckAccessSettings | undefined>) {
    setError(null);
    try {
      const updated = await action();
      if (updated) setSettings(updated);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the settings.");
    }
  }

  function addGrant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const updated = await sendJson<DeckAccessSettings>("POST", `${base}/grants`, { email: data.get("email"), level: data.get("level") });
      form.reset();
      return updated;
    });
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="share-title" onClose={onClose}>
      <div className="dialog-body">
        <h2 id="share-title">Share this deck</h2>
        {settings === null && !error && <p className="muted">Loading…</p>}
        {settings && (
          <>
            <p className="muted">
              Owner: {settings.owner ? `${settings.owner.name} (${settings.owner.email})` : "the admins"}. Owners and admins can always do everything.
            </p>
            <div className="share-levels">
              <span>Signed-in members</span>
              <LevelSelect label="Signed-in members" value={settings.memberAccess} onChange={(memberAccess) => run(() => sendJson("PATCH", base, { memberAccess }))} />
              <span>Guests (anyone with the link)</span>
              <LevelSelect label="Guests" value={settings.guestAccess} onChange={(guestAccess) => run(() => sendJson("PATCH", base, { guestAccess }))} />
            </div>
            <form className="inline-form" onSubmit={addGrant}>
              <input name="email" type="email" aria-label="Email of a person to share with" placeholder="Share with a person: email" required />
              <select name="level" aria-label="Their access" defaultValue="read">
                <option value="read">{LEVEL_LABELS.read}</option>
                <option value="write">{LEVEL_LABELS.write}</option>
                <option value="none">{LEVEL_LABELS.none}</option>
              </select>
              <button type="submit" className="button">
                Share
              </button>
            </form>
            {settings.grants.length > 0 && (
              <table className="data-table" aria-label="People with access">
                <tbody>
                  {settings.grants.map((grant) => (
                    <tr key={grant.userId}>
                      <td>
                        {grant.name}
                        <br />
                        <span className="muted">{grant.email}</span>
                      </td>
                      <td>{LEVEL_LABELS[grant.level]}</td>
                      <td>
                        <button
                          type="button"
                          className="button secondary"
                          aria-label={`Remove ${grant.email}`}
                          onClick={() =>
                            run(async () => {
                              await sendJson("DELETE", `${base}/grants/${encodeURIComponent(grant.userId)}`);
                              return sendJson<DeckAccessInfo>("GET", base).then((info) => info.settings ?? undefined);
                            })
                          }
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {settings.pending.length > 0 && (
              <>
                <p className="muted">
                  Waiting for their owner: nobody has proved they read these addresses yet. Send each person their invitation link; the share becomes theirs when
                  they sign up or accept through it.
                </p>
                <table className="data-table" aria-label="Pending invitations">
                  <tbody>
                    {settings.pending.map((pending) => (
                      <tr key={pending.email}>
                        <td>
                          {pending.email} <span className="pending-tag">pending</span>
                        </td>
                        <td className="compact">{LEVEL_LABELS[pending.level]}</td>
                        <td>
                          <span className="inline-form">
                            {pending.invitePath && (
                              <input
                                readOnly
                                aria-label={`Invitation link for ${pending.email}`}
                                value={`${window.location.origin}${pending.invitePath}`}
                                onFocus={(event) => event.target.select()}
                              />
                            )}
                            <button
                              type="button"
                              className="button secondary"
                              aria-label={`Withdraw ${pending.email}`}
                              onClick={() =>
                                run(async () => {
                                  await sendJson("DELETE", `${base}/pending?email=${encodeURIComponent(pending.email)}`);
                                  return sendJson<DeckAccessInfo>("GET", base).then((info) => info.settings ?? undefined);
                                })
                              }
                            >
                              Withdraw
                            </button>
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Done
          </button>
        </div>
      </div>
    </dialog>
  );
}
