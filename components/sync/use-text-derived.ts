"use client";

// A value derived from a deck's live text (its outline, its sections), kept current while anyone
// types: recomputed at most every `refreshMs`, in the browser's idle time so that a keystroke's
// paint never waits for a pass over a large deck, and kept as the same object while `same` says
// nothing changed, so nothing re-renders.
import { useEffect, useState } from "react";
import type * as Y from "yjs";

export function useTextDerived<T>(text: Y.Text | null, derive: (markdown: string) => T, same: (a: T, b: T) => boolean, empty: T, refreshMs: number): T {
  const [value, setValue] = useState<T>(() => (text ? derive(text.toString()) : empty));

  useEffect(() => {
    if (!text) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    const refresh = () => {
      idle = null;
      timer = null;
      const next = derive(text.toString());
      setValue((current) => (same(current, next) ? current : next));
    };
    const schedule = () => {
      if (timer !== null || idle !== null) return;
      timer = setTimeout(() => {
        // No later than one more refresh interval, even while the page never idles.
        if (typeof requestIdleCallback === "function") idle = requestIdleCallback(refresh, { timeout: refreshMs });
        else refresh();
      }, refreshMs);
    };
    refresh();
    text.observe(schedule);
    return () => {
      if (timer !== null) clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
      text.unobserve(schedule);
    };
  }, [text, derive, same, empty, refreshMs]);

  return value;
}
