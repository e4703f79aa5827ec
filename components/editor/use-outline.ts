"use client";

// The deck's outline, kept current while anyone types (recomputed at most every REFRESH_MS).
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { buildOutline, type Outline } from "./slide-outline";

const REFRESH_MS = 150;

export function useOutline(text: Y.Text): Outline {
  const [outline, setOutline] = useState<Outline>(() => buildOutline(text.toString()));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      const next = buildOutline(text.toString());
      // Typing inside a slide rarely changes the outline: keep the old one, so nothing re-renders.
      setOutline((current) => (sameOutline(current, next) ? current : next));
    };
    const schedule = () => {
      timer ??= setTimeout(refresh, REFRESH_MS);
    };
    refresh();
    text.observe(schedule);
    return () => {
      if (timer) clearTimeout(timer);
      text.unobserve(schedule);
    };
  }, [text]);

  return outline;
}

function sameOutline(a: Outline, b: Outline): boolean {
  if (a.length !== b.length) return false;
  return a.every((stack, h) => {
    const other = b[h]!;
    if (stack.length !== other.length) return false;
    return stack.every((slide, v) => {
      const next = other[v]!;
      return slide.startLine === next.startLine && slide.endLine === next.endLine && slide.contentLine === next.contentLine && slide.title === next.title && slide.budget === next.budget;
    });
  });
}
