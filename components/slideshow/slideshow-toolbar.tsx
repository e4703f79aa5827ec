"use client";

// The slideshow's few controls, out of the audience's way (top right, shown on hover or focus):
// speaker view, print, broadcast for presenters; the follow status for followers.
import Link from "next/link";
import { useState } from "react";

export interface FollowStatus {
  presenter: string | null;
  steppedAway: boolean;
  onRejoin: () => void;
}

export interface SlideshowToolbarProps {
  deckId: string;
  canBroadcast: boolean;
  broadcasting: boolean;
  onBroadcast: (on: boolean) => void;
  onSpeakerView: () => void;
  onPrint: (withNotes: boolean) => void;
  follow: FollowStatus | null;
}

export function SlideshowToolbar({ deckId, canBroadcast, broadcasting, onBroadcast, onSpeakerView, onPrint, follow }: SlideshowToolbarProps) {
  const [withNotes, setWithNotes] = useState(false);
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
        {canBroadcast && !follow && (
          <button type="button" className="slideshow-button" aria-pressed={broadcasting} onClick={() => onBroadcast(!broadcasting)}>
            {broadcasting ? "Stop broadcast" : "Broadcast"}
          </button>
        )}
      </nav>
      {broadcasting && <div className="slideshow-badge" data-testid="broadcasting">Broadcasting: followers see your slide</div>}
      {follow && (
        <div className="slideshow-badge" data-testid="follow-status">
          {!follow.presenter ? (
            "Waiting for the presenter to broadcast…"
          ) : follow.steppedAway ? (
            <>
              You left {follow.presenter}&apos;s slide.{" "}
              <button type="button" className="slideshow-button" onClick={follow.onRejoin}>
                Rejoin
              </button>
            </>
          ) : (
            `Following ${follow.presenter}`
          )}
        </div>
      )}
    </>
  );
}
