"use client";

// The realtime session of one deck in this tab: the deck's connection (components/sync), kept in
// IndexedDB by y-indexeddb, so edits made offline survive a reload or a closed tab and merge when
// the socket is back. The save tracker counts my edits the server has not yet stored (useUnsaved
// reads it, so the screen does not re-render with every keystroke).
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { DeckConnection, type ConnectionState } from "@/components/sync/deck-connection";
import { useConnectionState } from "@/components/sync/use-deck-connection";
import { SaveTracker } from "./save-tracker";

export type { ConnectionState };

export interface DeckSession {
  connection: DeckConnection;
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  saves: SaveTracker;
}

export interface DeckSessionState {
  session: DeckSession | null;
  status: ConnectionState;
  /** Has the document caught up with the server since the last connect? */
  synced: boolean;
  /** Has the copy kept in this browser been loaded? */
  restoredLocally: boolean;
  /** Why the server ended the session for good (the deck was deleted, access removed). */
  endedReason: string | null;
}

export function useDeckSession(deckId: string): DeckSessionState {
  const [session, setSession] = useState<DeckSession | null>(null);
  const [restoredLocally, setRestoredLocally] = useState(false);
  const { status, synced, ended } = useConnectionState(session?.connection ?? null);

  useEffect(() => {
    const connection = new DeckConnection(deckId);
    const { doc, text, provider } = connection;
    const persistence = new IndexeddbPersistence(`podium-deck-${deckId}`, doc);
    const unsavedKey = `podium.unsaved.${deckId}`;
    const saves = new SaveTracker(doc, provider, new Set([provider, persistence]), unsavedKey);
    const created: DeckSession = { connection, doc, text, provider, persistence, saves };
    // The session is an external resource (a socket) made after mount; state hands it to the UI.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(created);

    const stopEvents = connection.onEvent((event) => {
      if (event.kind !== "ended" || event.cause !== "deck-deleted") return;
      // Nothing left to merge into: forget the copy kept in this browser.
      saves.forget();
      persistence.clearData().catch((error: unknown) => console.warn("Podium could not clear the offline copy", error));
    });
    persistence.whenSynced.then(
      () => setRestoredLocally(true),
      (error: unknown) => console.warn("Podium could not open the offline copy of this deck", error),
    );
    // Expose the session to end-to-end tests and debugging.
    (window as unknown as { podiumSession?: DeckSession }).podiumSession = created;

    return () => {
      stopEvents();
      saves.destroy();
      // Destroying the doc also closes y-indexeddb, after it has written what it holds.
      connection.destroy();
    };
  }, [deckId]);

  return { session, status, synced, restoredLocally, endedReason: ended?.reason ?? null };
}

/**
 * My changes the server has not confirmed as stored, or a value derived from them (`select`):
 * only the components that read it re-render when it changes. With `delayMs`, a change is picked
 * up that much later, together with those that follow: the count moves with every keystroke, and
 * a React commit per keystroke costs the page a millisecond or two the live preview waits for.
 */
export function useUnsaved<T>(session: DeckSession | null, select: (unsaved: number) => T, delayMs = 0): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!session) return () => {};
      let timer: ReturnType<typeof setTimeout> | null = null;
      const changed = () => {
        if (delayMs === 0) onChange();
        else timer ??= setTimeout(() => {
          timer = null;
          onChange();
        }, delayMs);
      };
      session.saves.on("change", changed);
      return () => {
        session.saves.off("change", changed);
        if (timer) clearTimeout(timer);
      };
    },
    [session, delayMs],
  );
  const snapshot = () => select(session?.saves.unsaved ?? 0);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
