// A deck's Y.Text, rendered again whenever anyone changes it, by the one renderer (core/render) in
// this page with DOMPurify on this window. The renderer re-renders only slides whose text changed,
// and is handed the changes as the editor hints them (components/sync/edit-hints.ts) or as Yjs
// reports them (its deltas), so that typing within a line of a 2 MB deck never makes a string of
// the whole text; a render that takes more than a few milliseconds even so makes the next wait for
// the editor's paint, so typing never waits for the preview.
import type * as Y from "yjs";
import { editsOfChange } from "@/components/sync/edit-hints";
import { createDeckRenderer, createHtmlSanitizer, type DeckRenderer, type DeckView, type RenderedDeck, type TextEdit } from "@/core/render";

export type LiveDeckListener = (deck: RenderedDeck) => void;

/**
 * A render that took longer than this makes the next ones of its kind (of the edited slides alone,
 * or of the whole text) wait for the editor's paint: the keystroke shows in the editor first, the
 * preview follows in the task after it. Cheaper renders (a slide; a deck of a few hundred slides)
 * run in the keystroke's own task, where they cost the editor less than a frame and the preview
 * shows the change in the same frame.
 */
export const SAME_TASK_RENDER_MS = 4;
const SHORT_RENDERS_KEPT = 3;
/** A hidden tab paints no frames (no requestAnimationFrame): render anyway after this. */
const HIDDEN_TAB_RENDER_MS = 100;

export class LiveDeck {
  private readonly renderer: DeckRenderer;
  private readonly listeners = new Set<LiveDeckListener>();
  /** Rendered since the last microtask checkpoint: further changes until then render once, after it. */
  private rendering = false;
  private stale = false;
  /** A render waits for the next paint (see SAME_TASK_RENDER_MS). */
  private scheduled = false;
  /**
   * How long the last renders of the edited slides alone took, in ms (the quickest of the last few
   * decides: one slow render on a busy machine should not send typing in one slide after the paint),
   * and the last of the whole text.
   */
  private readonly shortRenderMs: number[] = [];
  private lastWholeRenderMs = 0;
  private destroyed = false;
  /** The changes since the last render, in order; null when they are not known (render the whole text). */
  private edits: TextEdit[] | null = [];
  current: RenderedDeck;

  /** "slides" for the slideshow and speaker view (any note can be presented); "auto" for the preview. */
  constructor(
    private readonly text: Y.Text,
    private view: DeckView = "auto",
  ) {
    this.renderer = createDeckRenderer({ sanitizer: createHtmlSanitizer(window) });
    const started = performance.now();
    this.current = this.renderer.render(text.toString(), view);
    this.lastWholeRenderMs = performance.now() - started;
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
    if (this.scheduled || this.stale) {
      this.stale = false;
      this.render();
    }
    if (view === this.view) return this.current;
    // Another view's render is not the last one the edits since build on.
    this.edits = null;
    return this.renderer.render(this.text.toString(), view);
  }

  destroy(): void {
    this.text.unobserve(this.onChange);
    this.destroyed = true;
    this.listeners.clear();
  }

  private onChange = (event: Y.YTextEvent): void => {
    this.noteEdits(event);
    if (this.scheduled) return; // the render waiting for the paint will see this change too
    if (this.rendering) {
      this.stale = true;
      return;
    }
    // Right away, from Yjs's observer, in the middle of the keystroke's own work: the preview then
    // gets the change before CodeMirror finishes its update and the socket, IndexedDB and the
    // save status hear of it, and the frame (its own process) works while this page does. Further
    // changes before the next microtask checkpoint render once more, then.
    this.rendering = true;
    this.renderSoon();
    queueMicrotask(() => {
      this.rendering = false;
      if (this.stale) {
        this.stale = false;
        this.renderSoon();
      }
    });
  };

  /** Now if renders like this one are cheap, else after the editor's paint. */
  private renderSoon(): void {
    const shortMs = this.shortRenderMs.length > 0 ? Math.min(...this.shortRenderMs) : 0;
    if (this.edits !== null && shortMs <= SAME_TASK_RENDER_MS && this.renderEditedSlides()) return;
    if (this.lastWholeRenderMs <= SAME_TASK_RENDER_MS) this.render();
    else this.renderAfterPaint();
  }

  /** Renders the edited slides alone, if the edits allow it; else the next render is of the whole text. */
  private renderEditedSlides(): boolean {
    if (this.destroyed) return true;
    const edits = this.edits ?? [];
    this.edits = [];
    const started = performance.now();
    let deck: RenderedDeck | null = null;
    try {
      deck = this.renderer.tryRenderEdits(edits, this.view);
      if (deck) this.publish(deck);
    } catch (error) {
      console.error("Podium could not render the deck", error);
    }
    if (!deck) {
      this.edits = null;
      return false;
    }
    this.noteShortRender(performance.now() - started);
    return true;
  }

  /** The event's change as edits of the text (from the editor's hint, else from the delta). */
  private noteEdits(event: Y.YTextEvent): void {
    if (this.edits === null) return;
    const edits = editsOfChange(event);
    if (edits) this.edits.push(...edits);
    else this.edits = null;
  }

  /**
   * requestAnimationFrame runs just before the frame that paints the keystroke; a message posted
   * from it is handled just after that paint. Changes until then render once.
   */
  private renderAfterPaint(): void {
    this.scheduled = true;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      if (this.scheduled) this.render();
    };
    const fallback = setTimeout(run, HIDDEN_TAB_RENDER_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        run();
      };
      channel.port2.postMessage(null);
    });
  }

  private render(): void {
    this.scheduled = false;
    if (this.destroyed) return;
    const started = performance.now();
    const edits = this.edits;
    this.edits = [];
    let short = false;
    try {
      const edited = edits ? this.renderer.tryRenderEdits(edits, this.view) : null;
      short = edited !== null;
      this.publish(edited ?? this.renderer.render(this.text.toString(), this.view));
    } catch (error) {
      // Thrown into Yjs's observer, an error would reach the editor's update instead.
      console.error("Podium could not render the deck", error);
    }
    if (short) this.noteShortRender(performance.now() - started);
    else this.lastWholeRenderMs = performance.now() - started;
  }

  private noteShortRender(ms: number): void {
    this.shortRenderMs.push(ms);
    if (this.shortRenderMs.length > SHORT_RENDERS_KEPT) this.shortRenderMs.shift();
  }

  private publish(deck: RenderedDeck): void {
    this.current = deck;
    for (const listener of this.listeners) listener(deck);
  }
}
