"use client";

// The speaker view, in its own window next to the slideshow: the current slide, the next one,
// the current slide's notes, elapsed time and clock, and the pacing of the current section
// (the presenter channel's clock). It follows the slideshow and steers it (every presenting key,
// buttons) over a BroadcastChannel. Slides and notes stay in sandboxed frames.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DeckCommand } from "@/core/presenter-keys";
import { deckBudgets } from "@/core/presenter-pacing";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { slideAt, type RenderedDeck } from "@/core/render";
import { DeckFrame } from "@/components/preview/deck-frame";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { SlideshowMessage } from "./slideshow-message";
import { SpeakerClock } from "./speaker-clock";
import { parseSpeakerMessage, speakerChannel, type SpeakerMessage } from "./speaker-channel";
import { useDeckReader } from "./use-deck-reader";
import { PacingPanel } from "./pacing-panel";
import { usePresenterChannel } from "./use-presenter-channel";
import { usePresenterClock } from "./use-presenter-clock";
import { handlePresentingKey, usePresentingKeys } from "./use-presenting-keys";
import "./slideshow.css";

function nextSlide(deck: RenderedDeck, position: SlideIndices): SlideIndices | null {
  const stack = deck.slides[position.h];
  if (stack && position.v + 1 < stack.verticals.length) return { h: position.h, v: position.v + 1 };
  return position.h + 1 < deck.slides.length ? { h: position.h + 1, v: 0 } : null;
}

export function SpeakerView({ deckId }: { deckId: string }) {
  const { reader, synced, endedReason } = useDeckReader(deckId);
  const liveDeck = useLiveDeck(synced && reader ? reader.text : null, "slides");
  const [current, setCurrent] = useState<DeckFrameHost | null>(null);
  const [next, setNext] = useState<DeckFrameHost | null>(null);
  const [notes, setNotes] = useState<DeckFrameHost | null>(null);
  const [position, setPosition] = useState<SlideIndices>({ h: 0, v: 0 });
  const [deck, setDeck] = useState<RenderedDeck | null>(null);
  const [connected, setConnected] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const { client: presenter, view } = usePresenterChannel(reader, "speaker");
  const clock = usePresenterClock(view);
  const budgets = useMemo(() => (deck ? deckBudgets(deck) : []), [deck]);

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

  useEffect(() => {
    if (!liveDeck) return;
    return liveDeck.subscribe((rendered) => {
      setDeck(rendered);
      current?.update(rendered);
      next?.update(rendered);
    });
  }, [liveDeck, current, next]);

  const upcoming = deck ? nextSlide(deck, position) : null;
  const notesHtml = deck ? (slideAt(deck, position)?.notesHtml ?? "") : "";
  useEffect(() => {
    current?.show(position);
  }, [current, position]);
  useEffect(() => {
    if (upcoming) next?.show(upcoming);
  }, [next, upcoming]);
  useEffect(() => {
    notes?.showNotes(notesHtml);
  }, [notes, notesHtml]);

  // Every presenting key steers the slideshow, from the page and from inside the slide panes.
  const steer = useCallback((command: DeckCommand) => channel.current?.postMessage({ type: "command", command } satisfies SpeakerMessage), []);
  usePresentingKeys({ onCommand: steer });
  useEffect(() => {
    for (const pane of [current, next]) pane?.listen({ onKey: (key) => handlePresentingKey(key, { onCommand: steer }) });
  }, [current, next, steer]);

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
      <section className="speaker-pane speaker-current">
        <h2 className="speaker-label">Current slide</h2>
        <DeckFrame mode="thumbnail" title="Current slide" testId="speaker-current" onHost={setCurrent} />
      </section>
      <section className="speaker-pane">
        <h2 className="speaker-label">{upcoming ? "Next slide" : "End of the deck"}</h2>
        <DeckFrame mode="thumbnail" title="Next slide" testId="speaker-next" onHost={setNext} />
      </section>
      <section className="speaker-pane speaker-notes">
        <h2 className="speaker-label">Notes</h2>
        <DeckFrame mode="thumbnail" title="Speaker notes" testId="speaker-notes" onHost={setNotes} />
      </section>
    </div>
  );
}
