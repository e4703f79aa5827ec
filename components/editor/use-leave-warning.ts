"use client";

import { useEffect } from "react";
import { useUnsaved, type DeckSession } from "./use-deck-session";

/** Asks before the tab closes or navigates away while `active` (changes the server lacks). */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}

const hasUnsaved = (unsaved: number) => unsaved > 0;

/**
 * The leave warning for a deck session, in a component of its own: it re-renders, not the editor
 * screen, when the changes the server lacks come and go.
 */
export function UnsavedChangesWarning({ session }: { session: DeckSession | null }): null {
  useLeaveWarning(useUnsaved(session, hasUnsaved));
  return null;
}
