"use client";

// Elapsed time of the talk (the presenter channel's clock when it runs, else since this view
// opened; resettable) and the time of day.
import { useEffect, useState } from "react";

const pad = (value: number) => String(value).padStart(2, "0");

function elapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

export function SpeakerClock({ elapsedMs = null, onReset }: { elapsedMs?: number | null; onReset?: () => void }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // The clock starts in the browser (the server's time would not match on hydration).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStartedAt(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null || startedAt === null) return null;
  const clock = new Date(now);
  const reset = () => {
    setStartedAt(Date.now());
    onReset?.();
  };
  return (
    <>
      <span className="speaker-time" data-testid="speaker-elapsed" title="Elapsed">
        {elapsed(elapsedMs ?? now - startedAt)}
      </span>
      <button type="button" className="slideshow-button" onClick={reset}>
        Reset timer
      </button>
      <span className="speaker-time" data-testid="speaker-clock" title="Clock">
        {pad(clock.getHours())}:{pad(clock.getMinutes())}
      </span>
    </>
  );
}
