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
      setOutline(buildOutline(text.toString()));
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
