"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { LiveDeck } from "./live-deck";

/** The live rendering of a deck's text, for as long as the component shows it. */
export function useLiveDeck(text: Y.Text | null): LiveDeck | null {
  const [liveDeck, setLiveDeck] = useState<LiveDeck | null>(null);
  useEffect(() => {
    if (!text) return;
    const live = new LiveDeck(text);
    // The renderer needs this window (DOMPurify), so it is made after mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLiveDeck(live);
    return () => {
      live.destroy();
      setLiveDeck(null);
    };
  }, [text]);
  return liveDeck;
}
