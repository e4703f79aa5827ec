"use client";

// The deck's outline, kept current while anyone types (recomputed at most every REFRESH_MS, when idle).
import { useState } from "react";
import type * as Y from "yjs";
import { useTextDerived } from "@/components/sync/use-text-derived";
import { createOutlineBuilder, sameSlide, type Outline } from "./slide-outline";

const REFRESH_MS = 150;
const EMPTY: Outline = [];

/** Typing inside a slide rarely changes the outline: the old one is kept, so nothing re-renders. */
export function useOutline(text: Y.Text): Outline {
  // Each run reads only the slides that changed since the last (whatever the text, it is keyed by content).
  const [build] = useState(() => {
    const builder = createOutlineBuilder();
    return (markdown: string) => builder.build(markdown);
  });
  return useTextDerived(text, build, sameOutline, EMPTY, REFRESH_MS);
}

function sameOutline(a: Outline, b: Outline): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((stack, h) => {
    const other = b[h]!;
    return stack.length === other.length && stack.every((slide, v) => sameSlide(slide, other[v]!));
  });
}
