"use client";

// The call's clock from the presenter channel's last state, running on between states: the
// server sent durations as of its sending, and they grow with local time while the clock runs.
import { useEffect, useState } from "react";
import type { PresenterView } from "./presenter-client";

export interface PresenterClock {
  elapsedMs: number;
  sectionMs: Record<number, number>;
  currentH: number | null;
  running: boolean;
}

export function usePresenterClock(view: PresenterView | null): PresenterClock | null {
  const [now, setNow] = useState(0);
  const running = view?.state?.timing.running ?? false;
  useEffect(() => {
    const tick = () => setNow(performance.now());
    // The clock runs in the browser only (the server's render has no performance clock).
    tick();
    if (!running) return;
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [running, view]);
  const state = view?.state;
  if (!state || now === 0) return null;
  const extra = state.timing.running ? Math.max(0, now - view.receivedAt) : 0;
  const currentH = state.position?.h ?? null;
  const sectionMs = { ...state.timing.sectionMs };
  if (extra > 0 && currentH !== null) sectionMs[currentH] = (sectionMs[currentH] ?? 0) + extra;
  return { elapsedMs: state.timing.elapsedMs + extra, sectionMs, currentH, running: state.timing.running };
}
