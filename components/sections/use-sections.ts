"use client";

// The deck's sections, kept current while anyone types (re-read at most every REFRESH_MS).
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { parseSections, type DeckSection } from "@/core/sections/deck-sections";

const REFRESH_MS = 200;

export function useSections(text: Y.Text | null): DeckSection[] {
  const [sections, setSections] = useState<DeckSection[]>(() => (text ? parseSections(text.toString()) : []));

  useEffect(() => {
    if (!text) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      const next = parseSections(text.toString());
      setSections((current) => (sameSections(current, next) ? current : next));
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

  return sections;
}

function sameSections(a: DeckSection[], b: DeckSection[]): boolean {
  return a.length === b.length && a.every((section, index) => JSON.stringify(section) === JSON.stringify(b[index]));
}
