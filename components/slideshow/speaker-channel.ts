// The slideshow window and its speaker view keep in step over a BroadcastChannel (both are
// Podium pages of one origin): positions both ways, navigation from the speaker view.
import { parseSlideIndices, type SlideIndices } from "@/core/deck-frame-protocol";
import { DECK_COMMANDS, type DeckCommand } from "@/core/presenter-keys";

export type SpeakerMessage =
  | { type: "position"; position: SlideIndices; total: number }
  | { type: "navigate"; direction: "next" | "prev" }
  /** A presenting key pressed in the speaker view (core/presenter-keys.ts). */
  | { type: "command"; command: DeckCommand }
  | { type: "hello" };

export function speakerChannel(deckId: string): BroadcastChannel {
  return new BroadcastChannel(`podium-speaker-${deckId}`);
}

export function parseSpeakerMessage(data: unknown): SpeakerMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case "position": {
      const position = parseSlideIndices(message.position);
      const total = typeof message.total === "number" && Number.isInteger(message.total) && message.total >= 0 ? message.total : 0;
      return position ? { type: "position", position, total } : null;
    }
    case "navigate":
      return message.direction === "next" || message.direction === "prev" ? { type: "navigate", direction: message.direction } : null;
    case "command":
      return (DECK_COMMANDS as readonly unknown[]).includes(message.command) ? { type: "command", command: message.command as DeckCommand } : null;
    case "hello":
      return { type: "hello" };
    default:
      return null;
  }
}
