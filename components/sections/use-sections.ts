"use client";

// The deck's sections, kept current while anyone types (re-read at most every REFRESH_MS, when idle).
import { useState } from "react";
import type * as Y from "yjs";
import { useTextDerived } from "@/components/sync/use-text-derived";
import { createSectionsReader, sameSection, type DeckSection } from "@/core/sections/deck-sections";

const REFRESH_MS = 200;
const NONE: DeckSection[] = [];

export function useSections(text: Y.Text | null): DeckSection[] {
  // Each run reads only the first slides that changed since the last (whatever the text, it is keyed by content).
  const [read] = useState(() => {
    const reader = createSectionsReader();
    return (markdown: string) => reader.read(markdown);
  });
  return useTextDerived(text, read, sameSections, NONE, REFRESH_MS);
}

function sameSections(a: DeckSection[], b: DeckSection[]): boolean {
  return a === b || (a.length === b.length && a.every((section, index) => sameSection(section, b[index]!)));
}
