"use client";

// The live preview beside the editor: the deck as reveal.js shows it, updated as anyone types,
// on the slide under my cursor. A click on a slide moves my cursor to its source; the renderer's
// warnings show above it and as lint marks in the editor.
import type { EditorView } from "@codemirror/view";
import { useCallback, useEffect, useRef, useState, memo } from "react";
import type * as Y from "yjs";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import { findSlideAtLine, slideAt, type DeckView, type RenderedDeck, type RenderWarning } from "@/core/render";
import { DeckFrame } from "./deck-frame";
import type { DeckFrameHost } from "./deck-frame-host";
import { showRenderWarnings } from "./frontmatter-lint";
import { PreviewViewToggle } from "./preview-view-toggle";
import { RenderWarnings } from "./render-warnings";
import { useLiveDeck } from "./use-live-deck";
import { usePresentingKeys } from "@/components/slideshow/use-presenting-keys";
import "./preview.css";

export interface DeckPreviewProps {
  text: Y.Text;
  /** 1-based line of my cursor; the preview shows its slide. */
  cursorLine: number | null;
  view: EditorView | null;
  /** A slide was clicked: move the cursor to `line`, its first line. */
  onSelectSlide: (slide: { h: number; v: number; line: number }) => void;
  /** The preview alone fills the editor (its "Preview" layout): it takes the keyboard, as a slideshow does. */
  asSlides?: boolean;
}

function showCursorSlide(host: DeckFrameHost, deck: RenderedDeck, line: number | null): void {
  const position: SlideIndices | null = line === null ? null : findSlideAtLine(deck, line);
  if (position) host.show(position);
}

// Memoised: the editor screen re-renders with state of its own (connection, presence), this need not.
export const DeckPreview = memo(function DeckPreview({ text, cursorLine, view, onSelectSlide, asSlides = false }: DeckPreviewProps) {
  const [previewAs, setPreviewAs] = useState<DeckView>("auto");
  const liveDeck = useLiveDeck(text, previewAs);
  const [shown, setShown] = useState<"slides" | "document">("document");
  const [host, setHost] = useState<DeckFrameHost | null>(null);
  const [warnings, setWarnings] = useState<readonly RenderWarning[]>([]);
  const cursor = useRef(cursorLine);
  const select = useRef(onSelectSlide);
  useEffect(() => {
    select.current = onSelectSlide;
  });


  useEffect(() => {
    if (!liveDeck || !host) return;
    host.listen({
      onClicked: (position) => {
        const slide = liveDeck.current.kind === "slides" ? slideAt(liveDeck.current, position) : null;
        if (slide) select.current({ h: position.h, v: position.v, line: slide.startLine });
      },
    });
    let shownWarnings = "";
    const unsubscribe = liveDeck.subscribe((deck) => {
      host.update(deck);
      setShown(deck.kind);
      // Lines may have moved under the cursor (someone else typed): show its slide again.
      showCursorSlide(host, deck, cursor.current);
      const key = JSON.stringify(deck.warnings);
      if (key !== shownWarnings) {
        shownWarnings = key;
        setWarnings(deck.warnings);
      }
    });
    return () => {
      unsubscribe();
      host.listen({});
    };
  }, [liveDeck, host]);

  useEffect(() => {
    cursor.current = cursorLine;
    if (host && liveDeck) showCursorSlide(host, liveDeck.current, cursorLine);
  }, [cursorLine, host, liveDeck]);

  useEffect(() => {
    if (view) showRenderWarnings(view, warnings);
  }, [view, warnings]);

  // Presenting keys pressed around the frame (its warnings, the toolbar) move the slides.
  usePresentingKeys(asSlides && host ? { onCommand: (command) => host.command(command) } : null);

  const selectLine = useCallback((line: number) => select.current({ h: 0, v: 0, line }), []);

  return (
    <section className="deck-preview" aria-label="Preview">
      <div className="preview-bar">
        <PreviewViewToggle shown={shown} onChange={setPreviewAs} />
      </div>
      <RenderWarnings warnings={warnings} onSelectLine={selectLine} />
      <DeckFrame mode="preview" title="Slide preview" className="deck-preview-frame" autoFocus={asSlides} onHost={setHost} />
    </section>
  );
});
