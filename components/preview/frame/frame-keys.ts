// The deck frame's side of the presenting keys. Keys pressed in the app around the frame arrive as
// commands (core/presenter-keys.ts) and move reveal.js as its own keyboard would; in a thumbnail
// (the speaker view's panes, the remote) reveal.js's keyboard is off, so the frame hands the
// presenting keys to the app, which steers the slideshow. Speaker view (S) and full screen (F)
// are the app's: a sandboxed frame may not open windows, and the whole page goes full screen.
import type Reveal from "reveal.js";
import type { FrameMode, FrameToAppMessage } from "../../../core/deck-frame-protocol";
import { deckCommandForKey, pageActionForKey, type DeckCommand } from "../../../core/presenter-keys";

type RevealApi = InstanceType<typeof Reveal>;

export function runDeckCommand(deck: RevealApi | null, command: DeckCommand): void {
  if (!deck) return;
  switch (command) {
    case "next":
      return deck.next();
    case "prev":
      return deck.prev();
    case "left":
      return deck.left();
    case "right":
      return deck.right();
    case "up":
      return deck.up();
    case "down":
      return deck.down();
    case "first":
      return deck.slide(0);
    case "last":
      return deck.slide(Number.MAX_VALUE);
    case "pause":
      return deck.togglePause();
    case "overview":
      return deck.toggleOverview();
  }
}

/** Installs the frame's key listener; `mode()` is read at each key (it is set by each render). */
export function installFrameKeys(mode: () => FrameMode, post: (message: FrameToAppMessage) => void): void {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = { key: event.key, shiftKey: event.shiftKey };
    const current = mode();
    if (current === "slideshow" && pageActionForKey(key) === "speaker-view") {
      // reveal.js's own speaker view opens a pop-up from inside the deck, which the sandbox forbids.
      post({ type: "key", key: "s", shiftKey: false });
    } else if (current === "thumbnail" && (deckCommandForKey(key) || pageActionForKey(key))) {
      event.preventDefault();
      post({ type: "key", key: event.key, shiftKey: event.shiftKey });
    }
  });
}
