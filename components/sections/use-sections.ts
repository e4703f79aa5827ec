"use client";

// The deck's sections, kept current while anyone types (re-read at most every REFRESH_MS, when idle).
import type * as Y from "yjs";
import { useTextDerived } from "@/components/sync/use-text-derived";
import { parseSections, type DeckSection } from "@/core/sections/deck-sections";

const REFRESH_MS = 200;
const NONE: DeckSection[] = [];

export function useSections(text: Y.Text | null): DeckSection[] {
  return useTextDerived(text, parseSections, sameSections, NONE, REFRESH_MS);
}

function sameSections(a: DeckSection[], b: DeckSection[]): boolean {
  return a.length === b.length && a.every((section, index) => JSON.stringify(section) === JSON.stringify(b[index]));
}
