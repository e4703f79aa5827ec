"use client";

// The speaker view, in its own window next to the slideshow: the current slide, the next one,
// the current slide's notes, elapsed time and clock, and the pacing of the current section
// (the presenter channel's clock). It follows the slideshow and steers it (every presenting key,
// buttons) over a BroadcastChannel. Slides and notes stay in sandboxed frames.
import { useCallback, useEffect, useRef, useState } from "react";
import type { DeckCommand } from "@/core/presenter-keys";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { SlideshowMessage } from "./slideshow-message";
import { SpeakerClock } from "./speaker-clock";
import { parseSpeakerMessage, speakerChannel, type SpeakerMessage } from "./speaker-channel";
import { useDeckReader } from "./use-deck-reader";
import { PacingPanel } from "./pacing-panel";
import { usePresenterChannel } from "./use-presenter-channel";
import { usePresenterClock } from "./use-presenter-clock";
import { SpeakerPane } from "./speaker-pane";
import { useSpeakerPanes } from "./use-speaker-panes";
import "./slideshow.css";

export function SpeakerView({ deckId }: { deckId: string }) {
  const { reader, synced, endedReason } = useDeckReader(deckId);
  const liveDeck = useLiveDeck(synced && reader ? reader.text : null, "slides");
  const [position, setPosition] = useState<SlideIndices>({ h: 0, v: 0 });
  const [connected, setConnected] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const { client: presenter, view } = usePresenterChannel(reader, "speaker");
  const clock = usePresenterClock(view);
  // Every presenting key steers the slideshow, from the page and from inside the slide panes.
  const steer = useCallback((command: DeckCommand) => channel.current?.postMessage({ type: "command", command } satisfies SpeakerMessage), []);
  const { upcoming, budgets, setCurrent, setNext, setNotes } = useSpeakerPanes(liveDeck, position, steer);

  useEffect(() => {
    const bus = speakerChannel(deckId);
    channel.current = bus;
    bus.onmessage = (event: MessageEvent) => {
      const message = parseSpeakerMessage(event.data);
      if (message?.type !== "position") return;
      setConnected(true);
      setPosition(message.position);
    };
    bus.postMessage({ type: "hello" } satisfies SpeakerMessage);
    return () => {
      bus.close();
      channel.current = null;
    };
  }, [deckId]);

  if (endedReason) return <SlideshowMessage deckId={deckId} title={endedReason} />;
  const navigate = (direction: "next" | "prev") => channel.current?.postMessage({ type: "navigate", direction } satisfies SpeakerMessage);

  return (
    <div className="speaker-view">
      <header className="speaker-header">
        <span className="speaker-position" data-testid="speaker-position">
          {connected ? `Slide ${position.h + 1}${position.v > 0 ? `.${position.v + 1}` : ""}` : "Waiting for the slideshow window…"}
        </span>
        <button type="button" className="slideshow-button" onClick={() => navigate("prev")}>
          Previous
        </button>
        <button type="button" className="slideshow-button" onClick={() => navigate("next")}>
          Next
        </button>
        <SpeakerClock elapsedMs={clock?.running || clock?.elapsedMs ? clock.elapsedMs : null} onReset={() => presenter?.send({ type: "reset-timer" })} />
        <PacingPanel budgets={budgets} clock={clock} />
      </header>
      <SpeakerPane label="Current slide" title="Current slide" testId="speaker-current" className="speaker-current" onHost={setCurrent} />
      <SpeakerPane label={upcoming ? "Next slide" : "End of the deck"} title="Next slide" testId="speaker-next" onHost={setNext} />
      <SpeakerPane label="Notes" title="Speaker notes" testId="speaker-notes" className="speaker-notes" onHost={setNotes} />
    </div>
  );
}
