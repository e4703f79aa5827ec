"use client";

// A deck connection's state as React state: components re-render when the status, the sync or the
// end changes, never for the document's own updates.
import { useSyncExternalStore } from "react";
import type { DeckConnection, DeckConnectionState } from "./deck-connection";

const INITIAL: DeckConnectionState = { status: "connecting", synced: false, syncedOnce: false, ended: null };

export function useConnectionState(connection: DeckConnection | null): DeckConnectionState {
  return useSyncExternalStore(
    (onChange) => connection?.subscribe(onChange) ?? (() => {}),
    () => connection?.state ?? INITIAL,
    () => INITIAL,
  );
}
