// Print / PDF: the deck in reveal.js's print layout (one slide per page, notes below when asked),
// in a window of its own so the browser's "Save as PDF" prints exactly that. The window loads the
// same sandboxed deck frame document, which keeps its opaque origin there too (its CSP sandbox).
import { DeckFrameHost } from "@/components/preview/deck-frame-host";
import type { LiveDeck } from "@/components/preview/live-deck";

export function openPrintWindow(liveDeck: LiveDeck, withNotes: boolean): void {
  const printed = window.open("/deck-frame.html?print-pdf", "_blank", "popup,width=1000,height=800");
  if (!printed) return;
  const host = new DeckFrameHost(() => printed, "print", null, withNotes ? { showNotes: true } : {});
  // A copy of the deck as it is now, as slides whatever its frontmatter says (HedgeDoc prints any
  // note as slides): a handout does not change under the printer.
  host.update(liveDeck.renderAs("slides"));
  const closed = setInterval(() => {
    if (!printed.closed) return;
    clearInterval(closed);
    host.destroy();
  }, 1000);
}
