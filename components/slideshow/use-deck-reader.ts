"use client";

// A deck's live text for viewers (slideshow, speaker view): the Y.Doc synced over /ws/<id>,
// without the editor's offline copy, and never edited here. Its awareness carries the
// presenter's position when they broadcast.
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "@/core/sync-protocol";
import { WsCloseCode } from "@/core/ws-close-codes";

export interface DeckReader {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
}

export interface DeckReaderState {
  reader: DeckReader | null;
  /** Has the text caught up with the server once? Until then it may be empty. */
  synced: boolean;
  /** Why the server ended the session for good (the deck was deleted, access removed). */
  endedReason: string | null;
}

/** `pairing`: a paired device's secret (server/access/presenter-pairings.ts) instead of the session cookie. */
export function useDeckReader(deckId: string | null, pairing: string | null = null): DeckReaderState {
  const [state, setState] = useState<DeckReaderState>({ reader: null, synced: false, endedReason: null });

  useEffect(() => {
    if (deckId === null) return;
    const doc = new Y.Doc();
    const serverUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    const provider = new WebsocketProvider(serverUrl, deckId, doc, { maxBackoffTime: 5_000, ...(pairing ? { params: { pairing } } : {}) });
    const reader: DeckReader = { doc, text: doc.getText(DECK_TEXT_NAME), provider };
    // The socket is made after mount; state hands it to the UI.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ reader, synced: false, endedReason: null });
    const onSync = (synced: boolean) => {
      if (synced) setState((current) => ({ ...current, synced: true }));
    };
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === WsCloseCode.deckDeleted || event?.code === WsCloseCode.accessRevoked) {
        provider.disconnect();
        const reason = event.code === WsCloseCode.deckDeleted ? "This deck was deleted." : "You can no longer see this deck.";
        setState((current) => ({ ...current, endedReason: event.reason || reason }));
      }
    };
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    (window as unknown as { podiumReader?: DeckReader }).podiumReader = reader;
    return () => {
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      provider.destroy();
      doc.destroy();
    };
  }, [deckId, pairing]);

  return state;
}
