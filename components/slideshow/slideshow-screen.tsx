"use client";

// The slideshow: the deck full-window in a sandboxed reveal.js frame, from the same renderer as
// the preview, updated live as the deck is edited. The position lives in this page's URL hash
// (#/h/v/f), so a reload or a shared link keeps it. The frame has the keyboard from the start;
// keys pressed on the toolbar are forwarded to it. The speaker view (S) runs in its own window,
// kept in step over a BroadcastChannel. Who presents is the server's to say (the presenter
// channel, server/sync/presenter-channel.ts): the presenter's moves go to everyone whose
// slideshow is open, and those pages follow whoever presents now, until they step away.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { DeckFrame } from "@/components/preview/deck-frame";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { openPrintWindow } from "./print-window";
import { parseSlideHash, slideHash } from "./slide-hash";
import { SlideshowMessage } from "./slideshow-message";
import { SlideshowToolbar } from "./slideshow-toolbar";
import { parseSpeakerMessage, speakerChannel } from "./speaker-channel";
import { useDeckReader } from "./use-deck-reader";
import { usePresenterChannel } from "./use-presenter-channel";
import { usePresentingKeys } from "./use-presenting-keys";
import "./slideshow.css";

export interface SlideshowScreenProps {
  deckId: string;
  /** May this person present (write access)? The server enforces it too. */
  canBroadcast: boolean;
  follow: boolean;
}

const samePosition = (a: SlideIndices | null, b: SlideIndices | null) =>
  !!a && !!b && a.h === b.h && a.v === b.v && (a.f ?? -1) === (b.f ?? -1);

export function SlideshowScreen({ deckId, canBroadcast, follow }: SlideshowScreenProps) {
  const { reader, synced, endedReason } = useDeckReader(deckId);
  const liveDeck = useLiveDeck(synced && reader ? reader.text : null, "slides");
  const [host, setHost] = useState<DeckFrameHost | null>(null);
  const [kind, setKind] = useState<"slides" | "document" | "empty" | null>(null);
  const [steppedAway, setSteppedAway] = useState(false);
  const [rendered, setRendered] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const total = useRef(0);
  const { client: presenter, view } = usePresenterChannel(reader, "slideshow", (command) => host?.command(command));
  const state = view?.state ?? null;
  const presenting = !!state?.presenter && state.presenter.id === view?.me;
  const following = !!state?.presenter && !presenting;
  /** Where we last sent the frame for the presenter; a report elsewhere means I stepped away. */
  const followedTo = useRef<SlideIndices | null>(null);
  const live = useRef({ presenting, following, steppedAway });
  /** Opening the speaker view or pairing a remote means presenting: start, when nobody does. */
  const presentIfFree = useRef(() => undefined as void);
  useEffect(() => {
    live.current = { presenting, following, steppedAway };
    presentIfFree.current = () => {
      if (canBroadcast && view?.mayPresent && !state?.presenter) presenter?.present(host?.position ?? { h: 0, v: 0 });
    };
  });
  const speakerView = useCallback(() => {
    presentIfFree.current();
    openSpeakerView(deckId);
  }, [deckId]);

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
      if (live.current.presenting) presenter?.move(position);
    },
    [presenter],
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
        if (live.current.following && followedTo.current && !samePosition(position, followedTo.current)) setSteppedAway(true);
        publish(position);
      },
      onRendered: () => setRendered(true),
      onSpeakerKey: speakerView,
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
  }, [host, publish, speakerView]);

  // Keys pressed outside the frame (its toolbar has focus) do what they would inside it.
  usePresentingKeys(host ? { onCommand: (command) => host.command(command), onSpeakerView: speakerView } : null);

  // The speaker view: tells it where we are, follows it when it navigates.
  useEffect(() => {
    if (!host) return;
    const bus = speakerChannel(deckId);
    channel.current = bus;
    bus.onmessage = (event: MessageEvent) => {
      const message = parseSpeakerMessage(event.data);
      if (!message) return;
      if (message.type === "navigate") host.navigate(message.direction);
      else if (message.type === "command") host.command(message.command);
      else if (message.type === "position") host.show(message.position);
      else if (host.position) bus.postMessage({ type: "position", position: host.position, total: total.current });
    };
    return () => {
      bus.close();
      channel.current = null;
    };
  }, [host, deckId]);

  // Following whoever presents now, unless I stepped away; I become the presenter when handed the deck.
  const position = state?.position ?? null;
  const wasPresenting = useRef(false);
  useEffect(() => {
    if (!host || !position) return;
    if (presenting) {
      // Handed the deck: I start where the last presenter was. Later echoes of my own moves lag
      // behind my slide and must not pull me back.
      if (!wasPresenting.current && !samePosition(host.position, position)) host.show(position);
      wasPresenting.current = true;
      followedTo.current = position;
      return;
    }
    wasPresenting.current = false;
    if (!following || steppedAway) return;
    if (!samePosition(position, followedTo.current)) {
      followedTo.current = position;
      host.show(position);
    }
  }, [host, position, presenting, following, steppedAway]);

  // Someone else presents again: a page that had stepped away from an earlier presenter rejoins.
  const presenterId = state?.presenter?.id ?? null;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSteppedAway(false);
  }, [presenterId]);

  const rejoin = () => {
    setSteppedAway(false);
    if (position && host) {
      followedTo.current = position;
      host.show(position);
    }
    host?.focus();
  };

  if (endedReason) return <SlideshowMessage deckId={deckId} title={endedReason} />;
  if (kind === "empty") return <SlideshowMessage deckId={deckId} title="This deck has no slides yet" />;
  if (stuck && !rendered) {
    return <SlideshowMessage deckId={deckId} title="The slides could not be shown" detail="Reload the page; if that does not help, check the deck in the editor." />;
  }

  return (
    <div className="slideshow">
      <DeckFrame mode="slideshow" title="Slideshow" className="slideshow-frame" autoFocus onHost={setHost} />
      {!rendered && <div className="slideshow-loading">Loading the slides…</div>}
      {/* After a control is used the keyboard goes back to the slides (dialogs keep it while open). */}
      <div onClick={(event) => !(event.target as Element).closest("[role='dialog']") && host?.focus()}>
        <SlideshowToolbar
          deckId={deckId}
          canBroadcast={canBroadcast}
          view={view}
          presenting={presenting}
          onPresent={(on) => (on ? presenter?.present(host?.position ?? { h: 0, v: 0 }) : presenter?.send({ type: "stop" }))}
          onSend={(message) => presenter?.send(message)}
          onSpeakerView={speakerView}
          onPairing={() => presentIfFree.current()}
          onPrint={(withNotes) => liveDeck && openPrintWindow(liveDeck, withNotes)}
          follow={follow || following ? { steppedAway, onRejoin: rejoin } : null}
        />
      </div>
    </div>
  );
}

function openSpeakerView(deckId: string): void {
  window.open(`/d/${encodeURIComponent(deckId)}/slides/speaker`, `podium-speaker-${deckId}`, "popup,width=1100,height=700");
}
