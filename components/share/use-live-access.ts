"use client";

// My access to the open deck, kept current while the editor is open, from what the deck's
// connection (components/sync) reports: the server tells a connection that became read-only with
// y-protocols' permission-denied message, closes a revoked one (access ended), and closes one that
// may now write so that it reconnects (then the role is fetched again).
import { useEffect, useState } from "react";
import { ACCESS_MESSAGES, allows, type DeckAccessInfo, type DeckRole } from "@/core/access";
import type { DeckConnection } from "@/components/sync/deck-connection";

export interface LiveAccess {
  role: DeckRole;
  readOnly: boolean;
  /** Why the editor is read-only. */
  reason: string | null;
  /** Why the server closed the editor for good (access removed). */
  endedReason: string | null;
}

export function useLiveAccess(deckId: string, connection: DeckConnection | null, initialRole: DeckRole): LiveAccess {
  const [state, setState] = useState<LiveAccess>(() => ({
    role: initialRole,
    readOnly: !allows(initialRole, "write"),
    reason: allows(initialRole, "write") ? null : ACCESS_MESSAGES.readOnly,
    endedReason: null,
  }));

  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((event) => {
      if (event.kind === "read-only") {
        const { reason } = event;
        setState((current) => ({ ...current, role: allows(current.role, "write") ? "read" : current.role, readOnly: true, reason }));
      } else if (event.kind === "ended" && event.cause === "access-revoked") {
        setState((current) => ({ ...current, role: "none", readOnly: true, endedReason: event.reason }));
      } else if (event.kind === "reconnect-to-write") {
        fetch(`/api/decks/${encodeURIComponent(deckId)}/access`)
          .then((response) => (response.ok ? (response.json() as Promise<DeckAccessInfo>) : null))
          .then((info) => {
            if (!info) return;
            const writable = allows(info.role, "write");
            setState((current) => ({ ...current, role: info.role, readOnly: !writable, reason: writable ? null : ACCESS_MESSAGES.readOnly }));
          })
          .catch((error: unknown) => console.warn("Podium could not read this deck's access", error));
      }
    });
  }, [deckId, connection]);

  return state;
}
