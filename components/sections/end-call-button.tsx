"use client";

// "End call": the deck's owner and the admins lock it after the call (read-only for everyone
// else) and may unlock it for a fix; both are written into the deck's history by the server.
// Everyone else sees that the deck is locked. Used in the editor's header and the slideshow's toolbar.
import { useCallback, useEffect, useState } from "react";
import type { DeckAccessInfo } from "@/core/access";
import type { DeckLockState } from "@/core/api/sections";
import "./sections.css";

interface Props {
  deckId: string;
  /** Class of the button, to match the toolbar it sits in. */
  buttonClassName?: string;
  onChange?: (state: DeckLockState) => void;
  /** Read the lock again when this changes (the editor passes whether it is read-only: a lock makes it so). */
  refreshKey?: unknown;
}

export function EndCallButton({ deckId, buttonClassName = "end-call-button", onChange, refreshKey }: Props) {
  const [lock, setLock] = useState<DeckLockState | null>(null);
  const [mayLock, setMayLock] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lockUrl = `/api/decks/${encodeURIComponent(deckId)}/lock`;

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      fetch(lockUrl).then((response) => (response.ok ? (response.json() as Promise<DeckLockState>) : null)),
      fetch(`/api/decks/${encodeURIComponent(deckId)}/access`).then((response) => (response.ok ? (response.json() as Promise<DeckAccessInfo>) : null)),
    ])
      .then(([state, access]) => {
        if (cancelled) return;
        setLock(state);
        setMayLock(access?.role === "owner");
      })
      .catch((reason: unknown) => console.warn("Podium could not read whether this deck is locked", reason));
    return () => {
      cancelled = true;
    };
  }, [deckId, lockUrl, refreshKey]);

  const toggle = useCallback(async () => {
    if (!lock) return;
    if (!lock.locked && !window.confirm("End the call? The deck becomes read-only for everyone but its owner and the admins.")) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(lockUrl, { method: lock.locked ? "DELETE" : "POST" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      const state = (await response.json()) as DeckLockState;
      setLock(state);
      onChange?.(state);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  }, [lock, lockUrl, onChange]);

  if (!lock) return null;
  const when = lock.lockedAt ? new Date(lock.lockedAt).toLocaleString() : "";
  return (
    <span className="end-call" data-testid="end-call">
      {lock.locked && (
        <span className="end-call-badge" data-testid="deck-locked" title={`Locked ${when}${lock.lockedBy ? ` by ${lock.lockedBy.name}` : " after the call's slot"}`}>
          Locked after the call
        </span>
      )}
      {mayLock && (
        <button type="button" className={buttonClassName} disabled={busy} onClick={() => void toggle()}>
          {lock.locked ? "Unlock" : "End call"}
        </button>
      )}
      {error && (
        <span className="end-call-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
