// A rendered deck as reveal.js markup: `<div class="slides">` with one <section> per horizontal
// slide, nested <section>s for vertical stacks and `<aside class="notes">` for speaker notes.
// The same markup serves the live preview, the slideshow and the HTML export.
import type { HorizontalSlide, RenderedDeck, RenderedSlide } from "./deck-renderer";
import { escapeHtml } from "./html-escape";

export interface RevealHtmlOptions {
  /** Adds data-source-line-start/-end to every slide section, for editor ↔ preview sync. */
  sourceLines?: boolean;
}

const ATTRIBUTE_NAME = /^(?:class|id|style|data-[a-z0-9_.-]+)$/;

/** Ids the deck frame (public/deck-frame.html) uses itself: a slide never takes them. */
export const FRAME_IDS: ReadonlySet<string> = new Set(["deck-theme"]);

export function renderSectionAttributes(attributes: Record<string, string>): string {
  let html = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) continue; // the renderer only produces these; stay strict anyway
    html += ` ${name}="${escapeHtml(value)}"`;
  }
  return html;
}

/** A horizontal section's markup, with what a view needs to update one of its slides in place. */
export interface SectionMarkup {
  /** The whole <section> (a vertical stack nests its slides). */
  html: string;
  /** The opening tags of the section and of its slides: sections of equal shape differ only in content. */
  shape: string;
  /** The inner HTML of each slide: one for a plain slide, one per slide of a stack. */
  slides: string[];
}

function slideParts(slide: RenderedSlide, options: RevealHtmlOptions): { open: string; inner: string } {
  const attributes = { ...slide.attributes };
  if (options.sourceLines) {
    attributes["data-source-line-start"] = String(slide.startLine);
    attributes["data-source-line-end"] = String(slide.endLine);
  }
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : "";
  return { open: `<section${renderSectionAttributes(attributes)}>`, inner: `${slide.html}${notes}` };
}

/** One entry per horizontal slide (a document becomes a single section), for views that update slides one by one. */
export function deckSectionsMarkup(deck: RenderedDeck, options: RevealHtmlOptions = {}): SectionMarkup[] {
  if (deck.kind === "document") return [{ html: `<section>${deck.html}</section>`, shape: "<section>", slides: [deck.html] }];
  return deck.slides.map((horizontal) => sectionMarkup(horizontal, options));
}

/** One horizontal slide's markup (see deckSectionsMarkup). */
export function sectionMarkup(horizontal: HorizontalSlide, options: RevealHtmlOptions = {}): SectionMarkup {
  const parts = horizontal.verticals.map((slide) => slideParts(slide, options));
  const slides = parts.map((part) => part.inner);
  if (parts.length === 1) return { html: `${parts[0]!.open}${slides[0]}</section>`, shape: parts[0]!.open, slides };
  return {
    html: `<section>${parts.map((part) => `${part.open}${part.inner}</section>`).join("")}</section>`,
    shape: `<section>${parts.map((part) => part.open).join("")}`,
    slides,
  };
}

/**
 * Whether two horizontal slides make the same markup (without source lines), without making it: a
 * deck renderer hands out the same HTML strings for unchanged slides, so on a deck of thousands
 * of slides this is a few pointer comparisons per slide instead of megabytes of markup.
 */
export function sameSectionMarkup(a: HorizontalSlide, b: HorizontalSlide): boolean {
  if (a === b) return true;
  if (a.verticals.length !== b.verticals.length) return false;
  return a.verticals.every((slide, index) => {
    const other = b.verticals[index]!;
    return slide.html === other.html && slide.notesHtml === other.notesHtml && sameAttributes(slide.attributes, other.attributes);
  });
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  const otherNames = Object.keys(b);
  return names.length === otherNames.length && names.every((name, index) => otherNames[index] === name && a[name] === b[name]);
}

/** One top-level <section> per horizontal slide (a vertical stack nests its slides). */
export function deckSectionsHtml(deck: RenderedDeck, options: RevealHtmlOptions = {}): string[] {
  return deckSectionsMarkup(deck, options).map((section) => section.html);
}

/** The deck's slides as reveal.js's `.slides` element (a document becomes a single slide). */
export function deckToRevealHtml(deck: RenderedDeck, options: RevealHtmlOptions = {}): string {
  return `<div class="slides">${deckSectionsHtml(deck, options).join("")}</div>`;
}
