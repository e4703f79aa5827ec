// A deck's Y.Text, rendered again whenever anyone changes it, by the one renderer (core/render) in
// this page with DOMPurify on this window. Changes that arrive together are rendered once; the
// renderer re-renders only slides whose text changed.
import type * as Y from "yjs";
import { createDeckRenderer, createHtmlSanitizer, type DeckRenderer, type RenderedDeck } from "@/core/render";

export type LiveDeckListener = (deck: RenderedDeck) => void;

export class LiveDeck {
  private readonly renderer: DeckRenderer;
  private readonly listeners = new Set<LiveDeckListener>();
  private scheduled = false;
  private destroyed = false;
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
    this.destroyed = true;
    this.listeners.clear();
  }

  private onChange = (): void => {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the keystroke's own work (CodeMirror, the socket) but in the same task: a timer would
    // let the browser paint first and cost the preview a whole frame (~16 ms) per keystroke.
    // Changes made together in one task still render once.
    queueMicrotask(this.render);
  };

  private render = (): void => {
    this.scheduled = false;
    if (this.destroyed) return;
    this.current = this.renderer.render(this.text.toString());
    for (const listener of this.listeners) listener(this.current);
  };
}
