"use client";

// The slideshow: the deck full-window in a sandboxed reveal.js frame, from the same renderer as
// the preview, updated live as the deck is edited. The position lives in this page's URL hash
// (#/h/v/f), so a reload or a shared link keeps it. The speaker view (S) runs in its own window,
// kept in step over a BroadcastChannel; a presenter who may edit can broadcast their position
// to followers (`?follow`) over the deck's WebSocket.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { DeckFrame } from "@/components/preview/deck-frame";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { findPresenter, publishPresenter, type PresenterState } from "./presenter-state";
import { openPrintWindow } from "./print-window";
import { parseSlideHash, slideHash } from "./slide-hash";
import { SlideshowMessage } from "./slideshow-message";
import { SlideshowToolbar } from "./slideshow-toolbar";
import { parseSpeakerMessage, speakerChannel } from "./speaker-channel";
import { useDeckReader } from "./use-deck-reader";
import "./slideshow.css";

export interface SlideshowScreenProps {
  deckId: string;
  /** May this person broadcast (write access)? The server enforces it too. */
  canBroadcast: boolean;
  presenterName: string;
  follow: boolean;
}

const samePosition = (a: SlideIndices | null, b: SlideIndices | null) =>
  !!a && !!b && a.h === b.h && a.v === b.v && (a.f ?? -1) === (b.f ?? -1);

export function SlideshowScreen({ deckId, canBroadcast, presenterName, follow }: SlideshowScreenProps) {
  const { reader, synced, endedReason } = useDeckReader(deckId);
  const liveDeck = useLiveDeck(synced && reader ? reader.text : null, "slides");
  const [host, setHost] = useState<DeckFrameHost | null>(null);
  const [kind, setKind] = useState<"slides" | "document" | "empty" | null>(null);
  const [broadcasting, setBroadcasting] = useState(false);
  const [presenter, setPresenter] = useState<PresenterState | null>(null);
  const [steppedAway, setSteppedAway] = useState(false);
  const [rendered, setRendered] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const total = useRef(0);
  const broadcast = useRef(broadcasting);
  /** Where we last sent the frame for the presenter; a report elsewhere means I stepped away. */
  const followedTo = useRef<SlideIndices | null>(null);
  const away = useRef(steppedAway);
  useEffect(() => {
    broadcast.current = broadcasting;
    away.current = steppedAway;
  });

  // The page says so when the deck is not a slide deck (and recovers when it becomes one).
  useEffect(() => {
    if (!liveDeck) return;
    return liveDeck.subscribe((deck) => {
      const empty = deck.kind === "slides" && deck.slides.length === 0;
      setKind(deck.kind === "document" ? "document" : empty ? "empty" : "slides");
    });
  }, [liveDeck]);

  // The deck, live, into the frame.
  useEffect(() => {
    if (!liveDeck || !host) return;
    return liveDeck.subscribe((deck) => {
      if (deck.kind === "slides" && deck.slides.length > 0) host.update(deck);
    });
  }, [liveDeck, host]);

  // A frame that never shows the deck (its script failed to load, reveal.js threw) must not
  // leave a blank page.
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    if (rendered || kind !== "slides") return;
    const timer = setTimeout(() => setStuck(true), 15_000);
    return () => clearTimeout(timer);
  }, [rendered, kind]);

  const publish = useCallback(
    (position: SlideIndices) => {
      channel.current?.postMessage({ type: "position", position, total: total.current });
      if (broadcast.current && reader) publishPresenter(reader.provider.awareness, { position, name: presenterName });
    },
    [reader, presenterName],
  );

  // The frame reports where the audience is: into the URL, the speaker view, the followers.
  useEffect(() => {
    if (!host) return;
    const start = parseSlideHash(location.hash);
    if (start) host.show(start);
    host.listen({
      onSlideChanged: (position, slides) => {
        total.current = slides;
        history.replaceState(history.state, "", `${location.pathname}${location.search}${slideHash(position)}`);
        if (follow && followedTo.current && !samePosition(position, followedTo.current)) setSteppedAway(true);
        publish(position);
      },
      onRendered: () => setRendered(true),
      onSpeakerKey: () => openSpeakerView(deckId),
    });
    const onHashChange = () => {
      const position = parseSlideHash(location.hash);
      if (position) host.show(position);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => {
      window.removeEventListener("hashchange", onHashChange);
      host.listen({});
    };
  }, [host, deckId, follow, publish]);

  // The speaker view: tells it where we are, follows it when it navigates.
  useEffect(() => {
    if (!host) return;
    const bus = speakerChannel(deckId);
    channel.current = bus;
    bus.onmessage = (event: MessageEvent) => {
      const message = parseSpeakerMessage(event.data);
      if (!message) return;
      if (message.type === "navigate") host.navigate(message.direction);
      else if (message.type === "position") host.show(message.position);
      else if (host.position) bus.postMessage({ type: "position", position: host.position, total: total.current });
    };
    return () => {
      bus.close();
      channel.current = null;
    };
  }, [host, deckId]);

  // Broadcasting: my position in my awareness state while it is on.
  useEffect(() => {
    if (!reader) return;
    const awareness = reader.provider.awareness;
    if (broadcasting && host?.position) publishPresenter(awareness, { position: host.position, name: presenterName });
    if (!broadcasting) publishPresenter(awareness, null);
  }, [broadcasting, reader, host, presenterName]);

  // Following: go where the broadcasting presenter is, unless I stepped away.
  useEffect(() => {
    if (!follow || !reader || !host) return;
    const awareness = reader.provider.awareness;
    const onChange = () => {
      const found = findPresenter(awareness);
      setPresenter(found);
      if (!found || away.current) return;
      if (!samePosition(found.position, followedTo.current)) {
        followedTo.current = found.position;
        host.show(found.position);
      }
    };
    onChange();
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [follow, reader, host]);

  const rejoin = () => {
    setSteppedAway(false);
    away.current = false;
    const found = reader ? findPresenter(reader.provider.awareness) : null;
    if (found && host) {
      followedTo.current = found.position;
      host.show(found.position);
    }
  };

  if (endedReason) return <SlideshowMessage deckId={deckId} title={endedReason} />;
  if (kind === "empty") return <SlideshowMessage deckId={deckId} title="This deck has no slides yet" />;
  if (stuck && !rendered) {
    return <SlideshowMessage deckId={deckId} title="The slides could not be shown" detail="Reload the page; if that does not help, check the deck in the editor." />;
  }

  return (
    <div className="slideshow">
      <DeckFrame mode="slideshow" title="Slideshow" className="slideshow-frame" onHost={setHost} />
      {!rendered && <div className="slideshow-loading">Loading the slides…</div>}
      <SlideshowToolbar
        deckId={deckId}
        canBroadcast={canBroadcast}
        broadcasting={broadcasting}
        onBroadcast={setBroadcasting}
        onSpeakerView={() => openSpeakerView(deckId)}
        onPrint={(withNotes) => liveDeck && openPrintWindow(liveDeck, withNotes)}
        follow={follow ? { presenter: presenter?.name ?? null, steppedAway, onRejoin: rejoin } : null}
      />
    </div>
  );
}

function openSpeakerView(deckId: string): void {
  window.open(`/d/${encodeURIComponent(deckId)}/slides/speaker`, `podium-speaker-${deckId}`, "popup,width=1100,height=700");
}
