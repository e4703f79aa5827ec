// A deck's Y.Text, rendered again whenever anyone changes it, by the one renderer (core/render) in
// this page with DOMPurify on this window. The renderer re-renders only slides whose text changed.
import type * as Y from "yjs";
import { createDeckRenderer, createHtmlSanitizer, type DeckRenderer, type DeckView, type RenderedDeck } from "@/core/render";

export type LiveDeckListener = (deck: RenderedDeck) => void;

export class LiveDeck {
  private readonly renderer: DeckRenderer;
  private readonly listeners = new Set<LiveDeckListener>();
  /** Rendered since the last microtask checkpoint: further changes until then render once, after it. */
  private rendering = false;
  private stale = false;
  private destroyed = false;
  current: RenderedDeck;

  /** "slides" for the slideshow and speaker view (any note can be presented); "auto" for the preview. */
  constructor(
    private readonly text: Y.Text,
    private view: DeckView = "auto",
  ) {
    this.renderer = createDeckRenderer({ sanitizer: createHtmlSanitizer(window) });
    this.current = this.renderer.render(text.toString(), view);
    text.observe(this.onChange);
  }

  subscribe(listener: LiveDeckListener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Shows the deck as slides or as a document from now on ("auto": as its frontmatter says). */
  setView(view: DeckView): void {
    if (view === this.view) return;
    this.view = view;
    this.render();
  }

  /** The deck as it is now, rendered for another view (print, export) without changing this one. */
  renderAs(view: DeckView): RenderedDeck {
    return view === this.view ? this.current : this.renderer.render(this.text.toString(), view);
  }

  destroy(): void {
    this.text.unobserve(this.onChange);
    this.destroyed = true;
    this.listeners.clear();
  }

  private onChange = (): void => {
    if (this.rendering) {
      this.stale = true;
      return;
    }
    // Right away, from Yjs's observer, in the middle of the keystroke's own work: the preview then
    // gets the change before CodeMirror finishes its update and the socket, IndexedDB and the
    // save status hear of it, and the frame (its own process) works while this page does. Further
    // changes before the next microtask checkpoint render once more, then.
    this.rendering = true;
    this.render();
    queueMicrotask(() => {
      this.rendering = false;
      if (this.stale) {
        this.stale = false;
        this.render();
      }
    });
  };

  private render(): void {
    if (this.destroyed) return;
    try {
      this.current = this.renderer.render(this.text.toString(), this.view);
      for (const listener of this.listeners) listener(this.current);
    } catch (error) {
      // Thrown into Yjs's observer, an error would reach the editor's update instead.
      console.error("Podium could not render the deck", error);
    }
  }
}
