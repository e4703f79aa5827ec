"use client";

// The sidebar: the deck's slides as a tree (horizontal slides with their vertical ones), who is
// editing on each, and the slide under my cursor. Clicking a slide asks to show it.
// A deck may have thousands of slides: the list comes in blocks of BLOCK_STACKS sections whose
// rendering the browser skips while they are off screen (content-visibility in globals.css), so
// a frame after a keystroke lays out, paints and hit-tests the few blocks in view, not every row.
// The rows stay in the document, for find-in-page, the accessibility tree and the keyboard.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type ComponentType } from "react";
import type * as Y from "yjs";
import { PersonAvatar } from "./person-avatar";
import { formatDuration } from "@/core/presenter-pacing";
import { outlineBudget, slideAtLine, type Outline, type OutlineSlide } from "./slide-outline";
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
/** Sections per block: the blocks in view are laid out whole, and every block costs the browser a little each frame. */
const BLOCK_STACKS = 40;
/** An item's height (.outline-item's min-height): a block's size until it has been shown once. */
const ITEM_PX = 34;

// Memoised: the editor screen re-renders with state of its own (connection, presence), this need not.
export const DeckOutline = memo(function DeckOutline({ text, peers, cursorLine, onSelectSlide, SectionSlot, Summary }: Props) {
  const outline = useOutline(text);
  const current = cursorLine === null ? null : slideAtLine(outline, cursorLine);
  const editors = new Map<string, Editor[]>();
  for (const peer of peers) {
    if (peer.isMe || peer.line === null) continue;
    const slide = slideAtLine(outline, peer.line);
    if (!slide) continue;
    editors.set(key(slide), [...(editors.get(key(slide)) ?? []), { peer, slide }]);
  }
  const count = outline.reduce((total, stack) => total + stack.length, 0);
  const budget = outlineBudget(outline);

  // Items get no line (it moves with every new line above them): a click looks it up here.
  const latest = useRef(outline);
  useLayoutEffect(() => {
    latest.current = outline;
  }, [outline]);
  const select = useCallback(
    (h: number, v: number) => {
      const slide = latest.current[h]?.[v];
      if (slide) onSelectSlide({ h, v, line: slide.contentLine });
    },
    [onSelectSlide],
  );

  const blocks: Outline[] = [];
  for (let from = 0; from < outline.length; from += BLOCK_STACKS) blocks.push(outline.slice(from, from + BLOCK_STACKS));
  const currentKey = current && key(current);

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
      {blocks.map((block) => {
        const first = block[0]![0]!.h;
        const last = block[block.length - 1]![0]!.h;
        const inBlock = (slide: { h: number } | null) => slide !== null && slide.h >= first && slide.h <= last;
        return (
          <OutlineBlock
            key={first}
            stacks={block}
            currentKey={inBlock(current) ? currentKey : null}
            editors={[...editors].some(([, people]) => inBlock(people[0]!.slide)) ? editors : NO_EDITORS}
            onSelect={select}
            SectionSlot={SectionSlot}
          />
        );
      })}
    </nav>
  );
});

interface BlockProps {
  stacks: Outline;
  currentKey: string | null;
  /** The editors by slide, when one of them is in this block. */
  editors: Map<string, Editor[]>;
  onSelect: (h: number, v: number) => void;
  SectionSlot?: ComponentType<{ h: number }>;
}

interface Editor {
  peer: Peer;
  slide: OutlineSlide;
}

const NO_EDITORS = new Map<string, Editor[]>();

/** Equal when the block would render the same: its slides' titles and budgets (not their lines), its current slide, its editors. */
function sameBlock(a: BlockProps, b: BlockProps): boolean {
  if (a.currentKey !== b.currentKey || a.onSelect !== b.onSelect || a.SectionSlot !== b.SectionSlot || a.stacks.length !== b.stacks.length) return false;
  if (a.editors !== b.editors && (a.editors !== NO_EDITORS || b.editors !== NO_EDITORS)) {
    if (editorsKey(a.editors) !== editorsKey(b.editors)) return false;
  }
  return a.stacks.every((stack, index) => {
    const other = b.stacks[index]!;
    return stack.length === other.length && stack.every((slide, v) => shownSame(slide, other[v]!));
  });
}

const shownSame = (a: OutlineSlide, b: OutlineSlide) => a === b || (a.h === b.h && a.v === b.v && a.title === b.title && a.budget === b.budget);

function editorsKey(editors: Map<string, Editor[]>): string {
  return [...editors].map(([slide, people]) => `${slide}:${people.map(({ peer }) => `${peer.clientId}/${peer.name}/${peer.color}`).join(",")}`).join(";");
}

// Memoised: a new line moves the slides below it, which a row does not show; a keystroke
// re-renders the block whose title it changed, not the thousands of other rows.
const OutlineBlock = memo(function OutlineBlock({ stacks, currentKey, editors, onSelect, SectionSlot }: BlockProps) {
  const item = (slide: OutlineSlide, label: string) => (
    <OutlineItem
      h={slide.h}
      v={slide.v}
      title={slide.title}
      budget={slide.budget}
      label={label}
      people={editors.get(key(slide))?.map(({ peer }) => peer) ?? NOBODY}
      isCurrent={currentKey === key(slide)}
      onSelect={onSelect}
    />
  );
  const items = stacks.reduce((total, stack) => total + stack.length, 0);
  return (
    <ol className="outline-list outline-block" style={{ containIntrinsicSize: `auto ${items * ITEM_PX}px` }}>
      {stacks.map((stack) => (
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
  );
}, sameBlock);

interface ItemProps {
  h: number;
  v: number;
  title: string;
  budget: number | null;
  label: string;
  people: Peer[];
  isCurrent: boolean;
  onSelect: (h: number, v: number) => void;
}

// Memoised with plain props: typing in a heading changes one title, and only its item re-renders.
const OutlineItem = memo(function OutlineItem({ h, v, title, budget, label, people, isCurrent, onSelect }: ItemProps) {
  const button = useRef<HTMLButtonElement>(null);
  // The slide under my cursor stays in sight as the cursor moves through a long deck.
  useEffect(() => {
    if (isCurrent) button.current?.scrollIntoView({ block: "nearest" });
  }, [isCurrent]);
  return (
    <button
      ref={button}
      type="button"
      className="outline-item"
      data-testid="outline-slide"
      data-slide={`${h}.${v}`}
      aria-current={isCurrent ? "location" : undefined}
      onClick={() => onSelect(h, v)}
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
