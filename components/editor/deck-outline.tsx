"use client";

// The sidebar: the deck's slides as a tree (horizontal slides with their vertical ones), who is
// editing on each, and the slide under my cursor. Clicking a slide asks to show it.
import { memo, type ComponentType } from "react";
import type * as Y from "yjs";
import { PersonAvatar } from "./person-avatar";
import { formatDuration } from "@/core/presenter-pacing";
import { outlineBudget, slideAtLine, type OutlineSlide } from "./slide-outline";
import { useOutline } from "./use-outline";
import type { Peer } from "./use-presence";

export interface SlideSelection {
  h: number;
  v: number;
  /** 1-based line of the slide's first text. */
  line: number;
}

interface Props {
  text: Y.Text;
  peers: Peer[];
  /** 1-based line of my cursor. */
  cursorLine: number | null;
  onSelectSlide: (slide: SlideSelection) => void;
  /** Rendered under each section's first slide, and under the heading (components/sections). */
  SectionSlot?: ComponentType<{ h: number }>;
  Summary?: ComponentType;
}

const key = (slide: { h: number; v: number }) => `${slide.h}.${slide.v}`;
const NOBODY: Peer[] = [];

// Memoised: the editor screen re-renders with state of its own (connection, presence), this need not.
export const DeckOutline = memo(function DeckOutline({ text, peers, cursorLine, onSelectSlide, SectionSlot, Summary }: Props) {
  const outline = useOutline(text);
  const current = cursorLine === null ? null : slideAtLine(outline, cursorLine);
  const editors = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (peer.isMe || peer.line === null) continue;
    const slide = slideAtLine(outline, peer.line);
    if (!slide) continue;
    editors.set(key(slide), [...(editors.get(key(slide)) ?? []), peer]);
  }
  const count = outline.reduce((total, stack) => total + stack.length, 0);
  const budget = outlineBudget(outline);

  const item = (slide: OutlineSlide, label: string) => (
    <OutlineItem
      h={slide.h}
      v={slide.v}
      line={slide.contentLine}
      title={slide.title}
      budget={slide.budget}
      label={label}
      people={editors.get(key(slide)) ?? NOBODY}
      isCurrent={current !== null && key(current) === key(slide)}
      onSelectSlide={onSelectSlide}
    />
  );

  return (
    <nav className="outline" aria-label="Slides" data-testid="deck-outline">
      <div className="outline-heading">
        Slides <span className="outline-count">{count}</span>
        {budget !== null && (
          <span className="outline-budget-total" data-testid="outline-budget-total" title="Time budgeted for the sections (data-timing)">
            {formatDuration(budget * 1000)}
          </span>
        )}
      </div>
      {Summary && <Summary />}
      <ol className="outline-list">
        {outline.map((stack) => (
          <li key={stack[0]!.h}>
            {item(stack[0]!, String(stack[0]!.h + 1))}
            {SectionSlot && <SectionSlot h={stack[0]!.h} />}
            {stack.length > 1 && (
              <ol className="outline-list outline-verticals">
                {stack.slice(1).map((slide) => (
                  <li key={slide.v}>{item(slide, `${slide.h + 1}.${slide.v + 1}`)}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
});

interface ItemProps {
  h: number;
  v: number;
  line: number;
  title: string;
  budget: number | null;
  label: string;
  people: Peer[];
  isCurrent: boolean;
  onSelectSlide: (slide: SlideSelection) => void;
}

// Memoised with plain props: typing in a heading changes one title, and only its item re-renders.
const OutlineItem = memo(function OutlineItem({ h, v, line, title, budget, label, people, isCurrent, onSelectSlide }: ItemProps) {
  return (
    <button
      type="button"
      className="outline-item"
      data-testid="outline-slide"
      data-slide={`${h}.${v}`}
      aria-current={isCurrent ? "location" : undefined}
      onClick={() => onSelectSlide({ h, v, line })}
    >
      <span className="outline-number">{label}</span>
      <span className={title ? "outline-title" : "outline-title untitled"}>{title || "Untitled slide"}</span>
      {budget !== null && (
        <span className="outline-budget" data-testid="outline-budget" title="Time budget of this section">
          {formatDuration(budget * 1000)}
        </span>
      )}
      {people.length > 0 && (
        <span className="outline-people" data-testid="outline-people">
          {people.map((peer) => (
            <PersonAvatar key={peer.clientId} name={peer.name} color={peer.color} size="small" title={`${peer.name} is editing here`} />
          ))}
        </span>
      )}
    </button>
  );
});
