"use client";

// The panes of a speaker view (the speaker view window, the remote): the current and next slide
// and the current slide's notes, each in a sandboxed thumbnail frame, following `position`; the
// section budgets for pacing; and every presenting key, pressed on the page or inside a pane,
// sent to `steer`.
import { useEffect, useMemo, useState } from "react";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import type { DeckCommand } from "@/core/presenter-keys";
import { deckBudgets } from "@/core/presenter-pacing";
import { slideAt, type RenderedDeck } from "@/core/render";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";
import type { LiveDeck } from "@/components/preview/live-deck";
import { handlePresentingKey, usePresentingKeys } from "./use-presenting-keys";

function nextSlide(deck: RenderedDeck, position: SlideIndices): SlideIndices | null {
  const stack = deck.slides[position.h];
  if (stack && position.v + 1 < stack.verticals.length) return { h: position.h, v: position.v + 1 };
  return position.h + 1 < deck.slides.length ? { h: position.h + 1, v: 0 } : null;
}

export function useSpeakerPanes(liveDeck: LiveDeck | null, position: SlideIndices, steer: (command: DeckCommand) => void) {
  const [current, setCurrent] = useState<DeckFrameHost | null>(null);
  const [next, setNext] = useState<DeckFrameHost | null>(null);
  const [notes, setNotes] = useState<DeckFrameHost | null>(null);
  const [deck, setDeck] = useState<RenderedDeck | null>(null);

  useEffect(() => {
    if (!liveDeck) return;
    return liveDeck.subscribe((rendered) => {
      setDeck(rendered);
      current?.update(rendered);
      next?.update(rendered);
    });
  }, [liveDeck, current, next]);

  const upcoming = useMemo(() => (deck ? nextSlide(deck, position) : null), [deck, position]);
  const notesHtml = deck ? (slideAt(deck, position)?.notesHtml ?? "") : "";
  const budgets = useMemo(() => (deck ? deckBudgets(deck) : []), [deck]);
  useEffect(() => {
    current?.show(position);
  }, [current, position]);
  useEffect(() => {
    if (upcoming) next?.show(upcoming);
  }, [next, upcoming]);
  useEffect(() => {
    notes?.showNotes(notesHtml);
  }, [notes, notesHtml]);

  usePresentingKeys({ onCommand: steer });
  useEffect(() => {
    for (const pane of [current, next]) pane?.listen({ onKey: (key) => handlePresentingKey(key, { onCommand: steer }) });
  }, [current, next, steer]);

  return { upcoming, budgets, setCurrent, setNext, setNotes };
}
