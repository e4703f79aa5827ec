"use client";

// The realtime session of one deck in this tab: a Y.Doc synced over /ws/<id> by y-websocket.
// Edits made while disconnected stay in the document and are sent when the socket is back.
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "@/core/sync-protocol";
import { WsCloseCode } from "@/core/ws-close-codes";

export type ConnectionState = "connecting" | "connected" | "disconnected";

export interface DeckSession {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
}

export interface DeckSessionState {
  session: DeckSession | null;
  status: ConnectionState;
  /** Has the document caught up with the server since the last connect? */
  synced: boolean;
  /** Why the server ended the session for good (e.g. the deck was deleted). */
  endedReason: string | null;
}

export function useDeckSession(deckId: string): DeckSessionState {
  const [state, setState] = useState<DeckSessionState>({
    session: null,
    status: "connecting",
    synced: false,
    endedReason: null,
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const serverUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    const provider = new WebsocketProvider(serverUrl, deckId, doc, { maxBackoffTime: 5_000 });
    const session: DeckSession = { doc, text: doc.getText(DECK_TEXT_NAME), provider };
    // The session is an external resource (a socket) made after mount; state hands it to the UI.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState((current) => ({ ...current, session }));

    const onStatus = ({ status }: { status: ConnectionState }) =>
      setState((current) => ({ ...current, status, synced: status === "connected" ? current.synced : false }));
    const onSync = (synced: boolean) => setState((current) => ({ ...current, synced }));
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === WsCloseCode.deckDeleted) {
        provider.disconnect();
        setState((current) => ({ ...current, endedReason: event.reason || "This deck was deleted." }));
      }
    };
    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    // Expose the session to end-to-end tests and debugging.
    (window as unknown as { podiumSession?: DeckSession }).podiumSession = session;

    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      provider.destroy();
      doc.destroy();
    };
  }, [deckId]);

  return state;
}
