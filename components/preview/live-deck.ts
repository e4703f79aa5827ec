// A deck's Y.Text, rendered again whenever anyone changes it, by the one renderer (core/render) in
// this page with DOMPurify on this window. Changes that arrive together are rendered once; the
// renderer re-renders only slides whose text changed.
import type * as Y from "yjs";
import { createDeckRenderer, createHtmlSanitizer, type DeckRenderer, type RenderedDeck } from "@/core/render";

export type LiveDeckListener = (deck: RenderedDeck) => void;

export class LiveDeck {
  private readonly renderer: DeckRenderer;
  private readonly listeners = new Set<LiveDeckListener>();
  private scheduled: ReturnType<typeof setTimeout> | null = null;
  current: RenderedDeck;

  constructor(private readonly text: Y.Text) {
    this.renderer = createDeckRenderer({ sanitizer: createHtmlSanitizer(window) });
    this.current = this.renderer.render(text.toString());
    text.observe(this.onChange);
  }

  subscribe(listener: LiveDeckListener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.text.unobserve(this.onChange);
    if (this.scheduled) clearTimeout(this.scheduled);
    this.listeners.clear();
  }

  private onChange = (): void => {
    // After the keystroke's own work (CodeMirror, the socket), not inside it.
    this.scheduled ??= setTimeout(this.render, 0);
  };

  private render = (): void => {
    this.scheduled = null;
    this.current = this.renderer.render(this.text.toString());
    for (const listener of this.listeners) listener(this.current);
  };
}
