"use client";

import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import type { DeckView } from "@/core/render";
import { LiveDeck } from "./live-deck";

/** The live rendering of a deck's text, for as long as the component shows it, as `view` asks. */
export function useLiveDeck(text: Y.Text | null, view: DeckView = "auto"): LiveDeck | null {
  const [liveDeck, setLiveDeck] = useState<LiveDeck | null>(null);
  const initialView = useRef(view);
  useEffect(() => {
    liveDeck?.setView(view);
  }, [liveDeck, view]);
  useEffect(() => {
    if (!text) return;
    const live = new LiveDeck(text, initialView.current);
    // The renderer needs this window (DOMPurify), so it is made after mount.
    setLiveDeck(live);
    return () => {
      live.destroy();
      setLiveDeck(null);
    };
  }, [text]);
  return liveDeck;
}
