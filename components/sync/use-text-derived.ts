"use client";

// A value derived from a deck's live text (its outline, its sections), kept current while anyone
// types (idle-throttle.ts), and kept as the same object while `same` says nothing changed, so
// nothing re-renders.
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { idleThrottle } from "./idle-throttle";
import { textSnapshot } from "./text-snapshot";

export function useTextDerived<T>(text: Y.Text | null, derive: (markdown: string) => T, same: (a: T, b: T) => boolean, empty: T, refreshMs: number): T {
  const [value, setValue] = useState<T>(() => (text ? derive(textSnapshot(text)) : empty));

  useEffect(() => {
    if (!text) return;
    const refresh = () => {
      const next = derive(textSnapshot(text));
      setValue((current) => (same(current, next) ? current : next));
    };
    const throttle = idleThrottle(refresh, refreshMs);
    refresh();
    text.observe(throttle.schedule);
    return () => {
      throttle.cancel();
      text.unobserve(throttle.schedule);
    };
  }, [text, derive, same, empty, refreshMs]);

  return value;
}
