"use client";

// The remote: a touch speaker view for a phone (or a second laptop) that steers the presenter's
// slideshow through the server's presenter channel, never through the browser. It runs for a
// signed-in person who may edit the deck, or with a pairing: the one-time code from the QR link
// (?pair=…) is redeemed for a device secret kept in this tab's sessionStorage, and the code
// leaves the address bar. Big previous/next, the current and next slide, the notes, the talk's
// clock and the pacing. A clicker paired with the phone works too (its keys are presenting keys).
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ApiErrorBody } from "@/core/api/errors";
import type { RedeemedPairing } from "@/core/api/pairings";
import type { DeckCommand } from "@/core/presenter-keys";
import { useLiveDeck } from "@/components/preview/use-live-deck";
import { PacingPanel } from "./pacing-panel";
import { SlideshowMessage } from "./slideshow-message";
import { SpeakerClock } from "./speaker-clock";
import { useDeckReader } from "./use-deck-reader";
import { usePresenterChannel } from "./use-presenter-channel";
import { usePresenterClock } from "./use-presenter-clock";
import { SpeakerPane } from "./speaker-pane";
import { useSpeakerPanes } from "./use-speaker-panes";
import "./slideshow.css";

const secretKey = (deckId: string) => `podium-pairing:${deckId}`;

type Pairing = { phase: "starting" } | { phase: "code"; error: string | null } | { phase: "ready"; secret: string | null };

export function RemoteScreen({ deckId, signedInWriter }: { deckId: string; signedInWriter: boolean }) {
  const [pairing, setPairing] = useState<Pairing>({ phase: "starting" });

  const redeem = useCallback(
    async (code: string) => {
      const response = await fetch(`/api/decks/${encodeURIComponent(deckId)}/pairings/redeem`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
      const body = (await response.json().catch(() => null)) as (Partial<RedeemedPairing> & Partial<ApiErrorBody>) | null;
      if (!response.ok || !body?.secret) {
        setPairing({ phase: "code", error: body?.error?.message ?? "This pairing code did not work." });
        return;
      }
      sessionStorage.setItem(secretKey(deckId), body.secret);
      setPairing({ phase: "ready", secret: body.secret });
    },
    [deckId],
  );

  useEffect(() => {
    const url = new URL(location.href);
    const code = url.searchParams.get("pair");
    if (code !== null) {
      // The code works once: it leaves the address bar (and the history) before anything else.
      url.searchParams.delete("pair");
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void redeem(code);
      return;
    }
    // The pairing lives in this tab's storage, read once the page runs in the browser.
    const stored = sessionStorage.getItem(secretKey(deckId));
    if (stored) setPairing({ phase: "ready", secret: stored });
    else setPairing(signedInWriter ? { phase: "ready", secret: null } : { phase: "code", error: null });
  }, [deckId, signedInWriter, redeem]);

  if (pairing.phase === "starting") return <main className="remote-form">Pairing…</main>;
  if (pairing.phase === "code") return <PairingForm error={pairing.error} onCode={(code) => void redeem(code)} />;
  return (
    <RemoteControl
      deckId={deckId}
      secret={pairing.secret}
      onUnpair={() => {
        sessionStorage.removeItem(secretKey(deckId));
        setPairing({ phase: "code", error: null });
      }}
    />
  );
}

function PairingForm({ error, onCode }: { error: string | null; onCode: (code: string) => void }) {
  const [code, setCode] = useState("");
  return (
    <form
      className="remote-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim()) onCode(code.trim());
      }}
    >
      <h1>Control the slides</h1>
      <p>Enter the code shown under &quot;Control from another device&quot; in the slideshow, or sign in with an account that may edit the deck.</p>
      {error && (
        <p role="alert" data-testid="remote-error">
          {error}
        </p>
      )}
      <input aria-label="Pairing code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" placeholder="XXXX-XXXX-XXXX" />
      <button type="submit">Pair</button>
    </form>
  );
}

function RemoteControl({ deckId, secret, onUnpair }: { deckId: string; secret: string | null; onUnpair: () => void }) {
  const { reader, synced, endedReason } = useDeckReader(deckId, secret);
  const liveDeck = useLiveDeck(synced && reader ? reader.text : null, "slides");
  const { client, view } = usePresenterChannel(reader, "remote");
  const clock = usePresenterClock(view);
  const [slow, setSlow] = useState(false);

  // A refused pairing (expired, revoked) never connects: say so instead of waiting forever.
  useEffect(() => {
    if (synced) return;
    const timer = setTimeout(() => setSlow(true), 8_000);
    return () => clearTimeout(timer);
  }, [synced]);

  const state = view?.state ?? null;
  const position = useMemo(() => state?.position ?? { h: 0, v: 0 }, [state]);
  const steer = useCallback((command: DeckCommand) => client?.command(command), [client]);
  const { upcoming, budgets, setCurrent, setNext, setNotes } = useSpeakerPanes(liveDeck, position, steer);

  if (endedReason) return <SlideshowMessage deckId={deckId} title={endedReason} />;
  const presenter = state?.presenter ?? null;
  const canSteer = !!presenter?.connected;
  const status = !synced
    ? slow
      ? "Cannot reach the deck: the pairing may have expired or been revoked."
      : "Connecting…"
    : !presenter
      ? "Nobody is presenting: start the slideshow and press Broadcast."
      : !presenter.connected
        ? `${presenter.name}'s slideshow is not connected.`
        : `Steering ${presenter.name}'s slideshow — slide ${position.h + 1}${position.v > 0 ? `.${position.v + 1}` : ""}`;

  return (
    <div className="remote">
      <div className="remote-status" data-testid="remote-status">
        {status}
        {slow && !synced && secret && (
          <button type="button" className="slideshow-button" onClick={onUnpair}>
            Pair again
          </button>
        )}
      </div>
      {view?.refused && <div role="status">{view.refused}</div>}
      <div className="speaker-header">
        <SpeakerClock elapsedMs={clock?.running || clock?.elapsedMs ? clock.elapsedMs : null} onReset={() => client?.send({ type: "reset-timer" })} />
      </div>
      <PacingPanel budgets={budgets} clock={clock} />
      <div className="remote-slides">
        <SpeakerPane label="Current slide" title="Current slide" testId="remote-current" onHost={setCurrent} />
        <SpeakerPane label={upcoming ? "Next slide" : "End of the deck"} title="Next slide" testId="remote-next" onHost={setNext} />
      </div>
      <SpeakerPane label="Notes" title="Speaker notes" testId="remote-notes" className="remote-notes" onHost={setNotes} />
      <div className="remote-nav">
        <button type="button" disabled={!canSteer} onClick={() => steer("prev")}>
          ‹ Previous
        </button>
        <button type="button" disabled={!canSteer} onClick={() => steer("next")}>
          Next ›
        </button>
      </div>
    </div>
  );
}
