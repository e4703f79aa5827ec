"use client";

// A deck's live text for viewers (slideshow, speaker view, remote): the deck's connection
// (components/sync), without the editor's offline copy, and never edited here. Its awareness
// carries the presenter's position when they broadcast.
import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { DeckConnection } from "@/components/sync/deck-connection";
import { useConnectionState } from "@/components/sync/use-deck-connection";

export interface DeckReader {
  connection: DeckConnection;
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
  const [reader, setReader] = useState<DeckReader | null>(null);
  const { syncedOnce, ended } = useConnectionState(reader?.connection ?? null);

  useEffect(() => {
    if (deckId === null) return;
    const connection = new DeckConnection(deckId, { pairing });
    const created: DeckReader = { connection, doc: connection.doc, text: connection.text, provider: connection.provider };
    // The socket is made after mount; state hands it to the UI.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReader(created);
    (window as unknown as { podiumReader?: DeckReader }).podiumReader = created;
    return () => connection.destroy();
  }, [deckId, pairing]);

  return { reader, synced: syncedOnce, endedReason: ended?.reason ?? null };
}
