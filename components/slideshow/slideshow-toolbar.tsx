"use client";

// The slideshow's few controls, out of the audience's way (top right, shown on hover or focus):
// speaker view, print, presenting for people who may edit (start, stop, hand over, answer a
// request, ask for the deck, take it over when its presenter left); who presents and whether I
// follow them, for everyone.
import Link from "next/link";
import { useState } from "react";
import type { PresenterClientMessage } from "@/core/presenter-protocol";
import type { PresenterView } from "./presenter-client";
import { RemoteControlButton } from "./remote-control-button";
import { EndCallButton } from "@/components/sections/end-call-button";

export interface FollowStatus {
  steppedAway: boolean;
  onRejoin: () => void;
}

export interface SlideshowToolbarProps {
  deckId: string;
  canBroadcast: boolean;
  view: PresenterView | null;
  presenting: boolean;
  onPresent: (on: boolean) => void;
  onSend: (message: PresenterClientMessage) => void;
  onSpeakerView: () => void;
  /** A remote is being paired (it steers the presenter's slideshow). */
  onPairing: () => void;
  onPrint: (withNotes: boolean) => void;
  follow: FollowStatus | null;
}

export function SlideshowToolbar({ deckId, canBroadcast, view, presenting, onPresent, onSend, onSpeakerView, onPairing, onPrint, follow }: SlideshowToolbarProps) {
  const [withNotes, setWithNotes] = useState(false);
  const state = view?.state ?? null;
  const presenter = state?.presenter ?? null;
  const someoneElse = !!presenter && !presenting;
  const mayPresent = canBroadcast && (view?.mayPresent ?? false);
  const asked = !!state?.request && state.request.id === view?.me;
  return (
    <>
      <nav className="slideshow-toolbar" aria-label="Slideshow">
        <Link href={`/d/${encodeURIComponent(deckId)}`} className="slideshow-button">
          Editor
        </Link>
        <button type="button" className="slideshow-button" onClick={onSpeakerView} title="Speaker view (S)">
          Speaker view
        </button>
        <button type="button" className="slideshow-button" onClick={() => onPrint(withNotes)}>
          Print / PDF
        </button>
        <label className="slideshow-check">
          <input type="checkbox" checked={withNotes} onChange={(event) => setWithNotes(event.target.checked)} /> with notes
        </label>
        {canBroadcast && <RemoteControlButton deckId={deckId} onOpen={onPairing} />}
        <EndCallButton deckId={deckId} buttonClassName="slideshow-button" />
        {mayPresent && !someoneElse && (
          <button type="button" className="slideshow-button" aria-pressed={presenting} onClick={() => onPresent(!presenting)}>
            {presenting ? "Stop broadcast" : "Broadcast"}
          </button>
        )}
        {presenting && state && state.candidates.length > 0 && (
          <label className="slideshow-check">
            Hand over to
            <select
              className="slideshow-select"
              aria-label="Hand over to"
              value=""
              onChange={(event) => event.target.value && onSend({ type: "hand-over", to: Number(event.target.value) })}
            >
              <option value="">…</option>
              {state.candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {mayPresent && someoneElse && presenter.connected && (
          <button type="button" className="slideshow-button" disabled={asked} onClick={() => onSend({ type: "request" })}>
            {asked ? `Asked ${presenter.name}…` : "Ask to present"}
          </button>
        )}
        {mayPresent && someoneElse && !presenter.connected && (
          <button type="button" className="slideshow-button" onClick={() => onPresent(true)}>
            Take over
          </button>
        )}
      </nav>
      {presenting && <div className="slideshow-badge" data-testid="broadcasting">Broadcasting: followers see your slide</div>}
      {presenting && state?.request && (
        <div className="slideshow-badge slideshow-request" role="alert" data-testid="hand-over-request">
          {state.request.name} asks to present.{" "}
          <button type="button" className="slideshow-button" onClick={() => onSend({ type: "hand-over", to: state.request!.id })}>
            Hand over
          </button>{" "}
          <button type="button" className="slideshow-button" onClick={() => onSend({ type: "decline" })}>
            Decline
          </button>
        </div>
      )}
      {view?.refused && <div className="slideshow-badge slideshow-refused" role="status">{view.refused}</div>}
      {follow && !presenting && (
        <div className="slideshow-badge" data-testid="follow-status">
          {!presenter ? (
            "Waiting for the presenter to broadcast…"
          ) : !presenter.connected ? (
            `${presenter.name} left; staying on their slide.`
          ) : follow.steppedAway ? (
            <>
              You left {presenter.name}&apos;s slide.{" "}
              <button type="button" className="slideshow-button" onClick={follow.onRejoin}>
                Rejoin
              </button>
            </>
          ) : (
            `Following ${presenter.name}`
          )}
        </div>
      )}
    </>
  );
}
