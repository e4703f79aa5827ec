// reveal.js's presenting keys as commands, for keys that reach the app instead of the deck frame
// (focus on the slideshow's toolbar, the speaker view, the remote): the same key does what
// reveal.js's own keyboard handler does in the frame (reveal.js 5, controllers/keyboard.js).
// Clickers send Page Up/Down or the arrow keys.

export const DECK_COMMANDS = ["next", "prev", "left", "right", "up", "down", "first", "last", "pause", "overview"] as const;
export type DeckCommand = (typeof DECK_COMMANDS)[number];

/** What the page around the frame does itself: the frame cannot go full screen or open windows on its own. */
export type PageKeyAction = "fullscreen" | "speaker-view";

export interface PresentingKey {
  key: string;
  shiftKey?: boolean;
}

/** The command for a key, as reveal.js maps it; null for keys it does not use. */
export function deckCommandForKey({ key, shiftKey = false }: PresentingKey): DeckCommand | null {
  switch (key) {
    case "ArrowRight":
    case "l":
    case "L":
      return shiftKey ? "last" : "right";
    case "ArrowLeft":
    case "h":
    case "H":
      return shiftKey ? "first" : "left";
    case "ArrowUp":
    case "k":
    case "K":
      return "up";
    case "ArrowDown":
    case "j":
    case "J":
      return "down";
    case " ":
    case "Spacebar":
      return shiftKey ? "prev" : "next";
    case "PageDown":
    case "n":
    case "N":
      return "next";
    case "PageUp":
    case "p":
    case "P":
      return "prev";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "b":
    case "B":
    case ".":
    case "v":
    case "V":
    case "/":
      return "pause";
    case "o":
    case "O":
    case "Escape":
      return "overview";
    default:
      return null;
  }
}

export function pageActionForKey({ key }: PresentingKey): PageKeyAction | null {
  if (key === "f" || key === "F") return "fullscreen";
  if (key === "s" || key === "S") return "speaker-view";
  return null;
}

/** Where a key must stay with the page: typing into a field, pressing a focused button with Space or Enter. */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (typeof Element === "undefined" || !(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='dialog']")) return true;
  return (key === " " || key === "Enter") && target.closest("button, a[href], summary") !== null;
}
