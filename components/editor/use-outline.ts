"use client";

// The deck's outline, kept current while anyone types (recomputed at most every REFRESH_MS, when idle).
import type * as Y from "yjs";
import { useTextDerived } from "@/components/sync/use-text-derived";
import { buildOutline, type Outline } from "./slide-outline";

const REFRESH_MS = 150;
const EMPTY: Outline = [];

/** Typing inside a slide rarely changes the outline: the old one is kept, so nothing re-renders. */
export function useOutline(text: Y.Text): Outline {
  return useTextDerived(text, buildOutline, sameOutline, EMPTY, REFRESH_MS);
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
