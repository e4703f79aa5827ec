"use client";

// The speaker view, in its own window next to the slideshow: the current slide, the next one,
// the current slide's notes, elapsed time and clock. It follows the slideshow and steers it
// (arrows, buttons) over a BroadcastChannel. Slides and notes stay in sandboxed frames.
import { useEffect, useRef, useState } from "react";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { slideAt, type RenderedDeck } from "@/core/render";
import { DeckFrame } from "@/components/preview/deck-frame";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { SlideshowMessage } from "./slideshow-message";
import { SpeakerClock } from "./speaker-clock";
import { parseSpeakerMessage, speakerChannel, type SpeakerMessage } from "./speaker-channel";
import { useDeckReader } from "./use-deck-reader";
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const direction = ["ArrowRight", "ArrowDown", "PageDown", " "].includes(event.key) ? "next" : ["ArrowLeft", "ArrowUp", "PageUp"].includes(event.key) ? "prev" : null;
      if (!direction) return;
      event.preventDefault();
      channel.current?.postMessage({ type: "navigate", direction } satisfies SpeakerMessage);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

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
        <SpeakerClock />
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
