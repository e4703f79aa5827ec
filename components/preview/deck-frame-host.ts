// The app's side of one sandboxed deck frame (an <iframe> or a window we opened): posts rendered
// decks into it, sending only what changed since the last post — the content of a slide when
// only that changed, else the horizontal sections that did — and hands the frame's reports to
// the view. Messages from anything but that frame are ignored.
import {
  parseFrameToAppMessage,
  type AppToFrameMessage,
  type FrameMode,
  type FrameToAppMessage,
  type SectionChange,
  type SlideIndices,
} from "@/core/deck-frame-protocol";
import type { DeckCommand } from "@/core/presenter-keys";
import { deckSectionsMarkup, sameSectionMarkup, sectionMarkup, type RenderedDeck, type RevealOptions, type SectionMarkup } from "@/core/render";

export interface DeckFrameEvents {
  onSlideChanged?: (position: SlideIndices, total: number, overview: boolean) => void;
  onClicked?: (position: SlideIndices) => void;
  onSpeakerKey?: () => void;
  /** A presenting key pressed inside a thumbnail frame (its reveal.js keyboard is off). */
  onKey?: (key: { key: string; shiftKey: boolean }) => void;
  onRendered?: (revision: number) => void;
}

/** Fired on the host element when the frame has applied a render or patch (tests, benchmark). */
export const FRAME_RENDERED_EVENT = "podium:deck-frame-rendered";

export class DeckFrameHost {
  private ready = false;
  /** Our end of the port the frame got with "connect" (see core/deck-frame-protocol). */
  private port: MessagePort | null = null;
  /** The frame document load that said "ready" last. */
  private load: string | null = null;
  /** The sections the frame shows, null before the first render. */
  private shown: ShownSections | null = null;
  private shownMeta = "";
  private deck: RenderedDeck | null = null;
  private notes: string | null = null;
  private revision = 0;
  /** Where the frame is, as it last reported; or where we want it before it is ready. */
  position: SlideIndices | null = null;
  private events: DeckFrameEvents = {};

  constructor(
    private readonly target: () => Window | null,
    private readonly mode: FrameMode,
    /** Receives FRAME_RENDERED_EVENT; the iframe element for embedded frames. */
    private readonly element: EventTarget | null,
    /** Options this view sets on top of the deck's (print: showNotes). */
    private readonly optionOverrides: RevealOptions = {},
  ) {
    window.addEventListener("message", this.onMessage);
    // A frame in the server-rendered page may have loaded (and said "ready") before we listened.
    this.postToWindow({ type: "hello" });
  }

  /** Replaces the view's handlers for the frame's reports. */
  listen(events: DeckFrameEvents): void {
    this.events = events;
  }

  destroy(): void {
    window.removeEventListener("message", this.onMessage);
    this.port?.close();
    this.port = null;
  }

  /** The frame (re)loaded: it shows nothing until it gets the whole deck again. */
  frameLoaded(load: string): void {
    // The frame says "ready" when it loads and again in answer to our "hello": only a new load
    // needs the whole deck again (re-sending it would also replay a stale position).
    if (this.ready && load === this.load) return;
    this.load = load;
    this.ready = true;
    this.shown = null;
    this.connect();
    this.flush();
  }

  update(deck: RenderedDeck): void {
    this.deck = deck;
    this.flush();
  }

  show(position: SlideIndices): void {
    const current = this.position;
    this.position = position;
    if (!this.ready || !this.shown) return;
    if (current && current.h === position.h && current.v === position.v && (current.f ?? -1) === (position.f ?? -1)) return;
    this.post({ type: "show", position });
  }

  navigate(direction: "next" | "prev"): void {
    if (this.ready && this.shown) this.post({ type: "navigate", direction });
  }

  /** A presenting key pressed outside the frame (core/presenter-keys.ts). */
  command(command: DeckCommand): void {
    if (this.ready && this.shown) this.post({ type: "command", command });
  }

  /** Gives the frame the keyboard, so reveal.js's own keys work without a click. */
  focus(): void {
    if (this.element instanceof HTMLIFrameElement) this.element.focus();
  }

  /** Shows notes instead of a deck (the speaker view's notes pane). */
  showNotes(html: string): void {
    this.notes = html;
    if (this.ready) this.post({ type: "notes", html });
  }

  /** A new port for this load of the frame; messages already on the old one are dropped with it. */
  private connect(): void {
    this.port?.close();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.postToWindow({ type: "connect" }, [channel.port2]);
  }

  private post(message: AppToFrameMessage): void {
    if (this.port) this.port.postMessage(message);
    else this.postToWindow(message);
  }

  private postToWindow(message: AppToFrameMessage, transfer: Transferable[] = []): void {
    // The frame's origin is opaque ("null"), so no target origin can name it; it is our own frame.
    this.target()?.postMessage(message, "*", transfer);
  }

  private flush(): void {
    if (!this.ready) return;
    if (this.notes !== null) {
      this.post({ type: "notes", html: this.notes });
      return;
    }
    const deck = this.deck;
    if (!deck) return;
    const options = { ...deck.revealOptions, ...this.optionOverrides };
    const meta = JSON.stringify([options, deck.theme, deck.lang, deck.dir]);
    const revision = ++this.revision;
    const previous = this.shown;
    if (!previous || meta !== this.shownMeta) {
      const sections = new ShownSections(deck);
      const html = sections.all().map((section) => section.html);
      this.post({ type: "render", sections: html, options, theme: deck.theme, lang: deck.lang, dir: deck.dir, mode: this.mode, position: this.position, revision });
      this.shown = sections;
      this.shownMeta = meta;
      return;
    }
    // Only sections whose slides changed get markup made and compared: a 3,500-slide deck's
    // markup is megabytes, a keystroke changes one slide.
    const sections = new ShownSections(deck);
    const count = sections.count;
    const changes: SectionChange[] = [];
    for (let index = 0; index < count; index++) {
      if (previous.sameAs(sections, index)) {
        sections.inherit(previous, index);
        continue;
      }
      const after = sections.at(index);
      const before = index < previous.count ? previous.at(index) : undefined;
      if (before?.html === after.html) continue;
      if (before && sameShape(before, after)) {
        after.slides.forEach((html, slide) => {
          if (html !== before.slides[slide]) changes.push({ index, slide, html });
        });
      } else changes.push({ index, html: after.html });
    }
    this.shown = sections;
    if (changes.length === 0 && count === previous.count) return;
    this.post({ type: "patch", changes, count, revision });
    const moved = this.followMovedSlide(previous, sections);
    if (moved) this.show(moved);
  }

  /**
   * Slides added or removed before the one on screen shift its index: find it again by its
   * content, so the audience stays on it. A slide that was itself edited or removed keeps the index.
   */
  private followMovedSlide(previous: ShownSections, sections: ShownSections): SlideIndices | null {
    const position = this.position;
    if (!position || previous.count === sections.count || position.h >= previous.count) return null;
    const current = previous.at(position.h).html;
    if (position.h < sections.count && sections.at(position.h).html === current) return null;
    // The nearest equal section, looked for outwards: a slide added above moves it by one.
    for (let distance = 1; distance < Math.max(position.h + 1, sections.count - position.h); distance++) {
      for (const index of [position.h - distance, position.h + distance]) {
        if (index >= 0 && index < sections.count && sections.at(index).html === current) return { ...position, h: index };
      }
    }
    return null;
  }

  private onMessage = (event: MessageEvent): void => {
    const target = this.target();
    if (!target || event.source !== target) return;
    const message = parseFrameToAppMessage(event.data);
    if (message) this.receive(message);
  };

  private receive(message: FrameToAppMessage): void {
    switch (message.type) {
      case "ready":
        this.frameLoaded(message.load);
        return;
      case "rendered":
        this.events.onRendered?.(message.revision);
        this.element?.dispatchEvent(new CustomEvent(FRAME_RENDERED_EVENT, { detail: { revision: message.revision, appliedAt: message.appliedAt } }));
        return;
      case "slide-changed":
        this.position = message.position;
        this.events.onSlideChanged?.(message.position, message.total, message.overview);
        return;
      case "clicked":
        this.events.onClicked?.(message.position);
        return;
      case "key":
        if (this.mode === "slideshow" && message.key === "s") this.events.onSpeakerKey?.();
        else this.events.onKey?.({ key: message.key, shiftKey: message.shiftKey });
        return;
      case "open-link":
        window.open(message.url, "_blank", "noopener,noreferrer");
        return;
    }
  }
}

/**
 * Whether a section can be updated by replacing its slides' content: same stack, same slide
 * attributes. Content with a <section> of its own would change reveal.js's idea of the stack.
 */
function sameShape(before: SectionMarkup, after: SectionMarkup): boolean {
  if (before.shape !== after.shape) return false;
  return !before.slides.some((html) => html.includes("<section")) && !after.slides.some((html) => html.includes("<section"));
}

/** A rendered deck's horizontal sections, their markup made when first needed. */
class ShownSections {
  private readonly markup: (SectionMarkup | undefined)[] = [];

  constructor(private readonly deck: RenderedDeck) {}

  get count(): number {
    return this.deck.kind === "document" ? 1 : this.deck.slides.length;
  }

  at(index: number): SectionMarkup {
    let markup = this.markup[index];
    if (!markup) {
      markup = this.deck.kind === "document" ? deckSectionsMarkup(this.deck)[0]! : sectionMarkup(this.deck.slides[index]!);
      this.markup[index] = markup;
    }
    return markup;
  }

  all(): SectionMarkup[] {
    return Array.from({ length: this.count }, (_, index) => this.at(index));
  }

  /** Whether section `index` of `other` makes the same markup as ours, known without making it. */
  sameAs(other: ShownSections, index: number): boolean {
    if (this.deck.kind !== "slides" || other.deck.kind !== "slides") return false;
    const mine = this.deck.slides[index];
    const theirs = other.deck.slides[index];
    return mine !== undefined && theirs !== undefined && sameSectionMarkup(mine, theirs);
  }

  /** Takes over the markup `other` already made for an equal section. */
  inherit(other: ShownSections, index: number): void {
    this.markup[index] ??= other.markup[index];
  }
}
