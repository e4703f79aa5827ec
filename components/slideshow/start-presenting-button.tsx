"use client";

// Opens the slideshow in a new tab, at the slide under my cursor.
import type * as Y from "yjs";
import { slideAtLine } from "./slide-at-line";
import { slideHash } from "./slide-hash";

export function StartPresentingButton({ deckId, text, cursorLine }: { deckId: string; text: Y.Text | null; cursorLine: number | null }) {
  const start = () => {
    const position = text && cursorLine !== null ? slideAtLine(text.toString(), cursorLine) : { h: 0, v: 0 };
    window.open(`/d/${encodeURIComponent(deckId)}/slides${slideHash(position)}`, "_blank", "noopener");
  };
  return (
    <button type="button" className="button start-presenting" onClick={start} data-testid="start-presenting">
      Start presenting
    </button>
  );
}
