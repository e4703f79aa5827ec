"use client";

// The realtime session of one deck in this tab: a Y.Doc synced over /ws/<id> by y-websocket and
// kept in IndexedDB by y-indexeddb, so edits made offline survive a reload or a closed tab and
// merge when the socket is back. The save tracker counts my edits the server has not yet stored
// (useUnsaved reads it, so the screen does not re-render with every keystroke).
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "@/core/sync-protocol";
import { WsCloseCode } from "@/core/ws-close-codes";
import { SaveTracker } from "./save-tracker";

export type ConnectionState = "connecting" | "connected" | "disconnected";

export interface DeckSession {
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
  /** Why the server ended the session for good (e.g. the deck was deleted). */
  endedReason: string | null;
}

export function useDeckSession(deckId: string): DeckSessionState {
  const [state, setState] = useState<DeckSessionState>({
    session: null,
    status: "connecting",
    synced: false,
    restoredLocally: false,
    endedReason: null,
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const serverUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    const provider = new WebsocketProvider(serverUrl, deckId, doc, { maxBackoffTime: 5_000 });
    const persistence = new IndexeddbPersistence(`podium-deck-${deckId}`, doc);
    const unsavedKey = `podium.unsaved.${deckId}`;
    const saves = new SaveTracker(doc, provider, new Set([provider, persistence]), unsavedKey);
    const session: DeckSession = { doc, text: doc.getText(DECK_TEXT_NAME), provider, persistence, saves };
    // The session is an external resource (a socket) made after mount; state hands it to the UI.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState((current) => ({ ...current, session }));

    const onStatus = ({ status }: { status: ConnectionState }) =>
      setState((current) => ({ ...current, status, synced: status === "connected" ? current.synced : false }));
    const onSync = (synced: boolean) => setState((current) => ({ ...current, synced }));
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === WsCloseCode.deckDeleted) {
        provider.disconnect();
        // Nothing left to merge into: forget the copy kept in this browser.
        saves.forget();
        persistence.clearData().catch((error: unknown) => console.warn("Podium could not clear the offline copy", error));
        setState((current) => ({ ...current, endedReason: event.reason || "This deck was deleted." }));
      }
    };
    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    persistence.whenSynced.then(
      () => setState((current) => ({ ...current, restoredLocally: true })),
      (error: unknown) => console.warn("Podium could not open the offline copy of this deck", error),
    );
    // Expose the session to end-to-end tests and debugging.
    (window as unknown as { podiumSession?: DeckSession }).podiumSession = session;

    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      saves.destroy();
      provider.destroy();
      // Destroying the doc also closes y-indexeddb, after it has written what it holds.
      doc.destroy();
    };
  }, [deckId]);

  return state;
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
