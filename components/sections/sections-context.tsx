"use client";

// What the outline's section rows and the readiness line share: the sections as the text says
// now, who is writing in each (their cursor's line, from presence), who I am and whether I may
// write, and the people a section can be assigned to (fetched once, names only).
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import type { Peer } from "@/components/editor/use-presence";
import type { SectionPeopleResponse, SectionPerson } from "@/core/api/sections";
import type { DeckSection } from "@/core/sections/deck-sections";
import { SectionRows } from "./section-rows";
import { useSections } from "./use-sections";

export interface SectionsState {
  deckId: string;
  text: Y.Text | null;
  sections: DeckSection[];
  /** Others whose cursor is in each section, by the section's index. */
  writers: Map<number, Peer[]>;
  /** The signed-in person; null for guests, who cannot own a section. */
  me: SectionPerson | null;
  writable: boolean;
  people: SectionPerson[];
}

const SectionsContext = createContext<SectionsState | null>(null);

export function useSectionsState(): SectionsState | null {
  return useContext(SectionsContext);
}

/** For the outline's rows: what they share, which rarely changes, and each row's own view. */
export interface SectionRowsState extends Pick<SectionsState, "text" | "me" | "writable" | "people"> {
  rows: SectionRows;
}

const SectionRowsContext = createContext<SectionRowsState | null>(null);

export function useSectionRowsState(): SectionRowsState | null {
  return useContext(SectionRowsContext);
}

interface Props {
  deckId: string;
  text: Y.Text | null;
  peers: Peer[];
  me: SectionPerson | null;
  writable: boolean;
  children: ReactNode;
}

export function SectionsProvider({ deckId, text, peers, me, writable, children }: Props) {
  const sections = useSections(text);
  const [people, setPeople] = useState<SectionPerson[]>([]);
  const meId = me?.id ?? null;
  const meName = me?.name ?? null;
  const stableMe = useMemo(() => (meId === null || meName === null ? null : { id: meId, name: meName }), [meId, meName]);
  const canAssign = writable && stableMe !== null;

  useEffect(() => {
    if (!canAssign) return;
    let cancelled = false;
    fetch(`/api/sections/people?deck=${encodeURIComponent(deckId)}`)
      .then((response) => (response.ok ? (response.json() as Promise<SectionPeopleResponse>) : null))
      .then((body) => {
        if (body && !cancelled) setPeople(body.people);
      })
      .catch((error: unknown) => console.warn("Podium could not list the people to assign sections to", error));
    return () => {
      cancelled = true;
    };
  }, [deckId, canAssign]);

  const writers = useMemo(() => {
    const bySection = new Map<number, Peer[]>();
    for (const peer of peers) {
      if (peer.isMe || peer.line === null) continue;
      const section = sections.find((candidate) => peer.line! >= candidate.startLine && peer.line! <= candidate.endLine);
      if (section) bySection.set(section.index, [...(bySection.get(section.index) ?? []), peer]);
    }
    return bySection;
  }, [peers, sections]);

  const value = useMemo(() => ({ deckId, text, sections, writers, me: stableMe, writable, people }), [deckId, text, sections, writers, stableMe, writable, people]);
  const [rows] = useState(() => {
    const initial = new SectionRows();
    initial.update(sections, writers);
    return initial;
  });
  // Before paint, so a row never shows a section older than the readiness line's.
  useLayoutEffect(() => rows.update(sections, writers), [rows, sections, writers]);
  const rowsValue = useMemo(() => ({ rows, text, me: stableMe, writable, people }), [rows, text, stableMe, writable, people]);
  return (
    <SectionsContext.Provider value={value}>
      <SectionRowsContext.Provider value={rowsValue}>{children}</SectionRowsContext.Provider>
    </SectionsContext.Provider>
  );
}
