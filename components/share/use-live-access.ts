"use client";

// My access to the open deck, kept current while the editor is open: the server tells a connection
// that became read-only with y-protocols' permission-denied message, closes a revoked one with 4403,
// and closes one that may now write with 4001 (then the role is fetched again).
import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import * as decoding from "lib0/decoding";
import { ACCESS_MESSAGES, allows, type DeckAccessInfo, type DeckRole } from "@/core/access";
import { MessageType } from "@/core/sync-protocol";
import { WsCloseCode } from "@/core/ws-close-codes";

export interface LiveAccess {
  role: DeckRole;
  readOnly: boolean;
  /** Why the editor is read-only. */
  reason: string | null;
  /** Why the server closed the editor for good (access removed). */
  endedReason: string | null;
}

/** y-websocket only logs the auth message; this provider hands its reason to the UI instead. */
function onPermissionDenied(provider: WebsocketProvider, handle: (reason: string) => void): void {
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    // y-protocols/auth: a sub-type (0 = permission denied), then the reason.
    if (decoding.readVarUint(decoder) === 0) handle(decoding.readVarString(decoder));
  };
}

export function useLiveAccess(deckId: string, provider: WebsocketProvider | null, initialRole: DeckRole): LiveAccess {
  const [state, setState] = useState<LiveAccess>(() => ({
    role: initialRole,
    readOnly: !allows(initialRole, "write"),
    reason: allows(initialRole, "write") ? null : ACCESS_MESSAGES.readOnly,
    endedReason: null,
  }));

  useEffect(() => {
    if (!provider) return;
    onPermissionDenied(provider, (reason) =>
      setState((current) => ({ ...current, role: allows(current.role, "write") ? "read" : current.role, readOnly: true, reason })),
    );
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === WsCloseCode.accessRevoked) {
        setState((current) => ({ ...current, role: "none", readOnly: true, endedReason: event.reason || ACCESS_MESSAGES.revoked }));
      } else if (event?.code === WsCloseCode.accessChanged) {
        fetch(`/api/decks/${encodeURIComponent(deckId)}/access`)
          .then((response) => (response.ok ? (response.json() as Promise<DeckAccessInfo>) : null))
          .then((info) => {
            if (!info) return;
            const writable = allows(info.role, "write");
            setState((current) => ({ ...current, role: info.role, readOnly: !writable, reason: writable ? null : ACCESS_MESSAGES.readOnly }));
          })
          .catch((error: unknown) => console.warn("Podium could not read this deck's access", error));
      }
    };
    provider.on("connection-close", onClose);
    return () => provider.off("connection-close", onClose);
  }, [deckId, provider]);

  return state;
}
