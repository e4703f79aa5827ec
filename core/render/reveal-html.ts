// A rendered deck as reveal.js markup: `<div class="slides">` with one <section> per horizontal
// slide, nested <section>s for vertical stacks and `<aside class="notes">` for speaker notes.
// The same markup serves the live preview, the slideshow and the HTML export.
import type { RenderedDeck, RenderedSlide } from "./deck-renderer";
import { escapeHtml } from "./html-escape";

export interface RevealHtmlOptions {
  /** Adds data-source-line-start/-end to every slide section, for editor ↔ preview sync. */
  sourceLines?: boolean;
}

const ATTRIBUTE_NAME = /^(?:class|data-[a-z0-9_.-]+)$/;

export function renderSectionAttributes(attributes: Record<string, string>): string {
  let html = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) continue; // the renderer only produces these; stay strict anyway
    html += ` ${name}="${escapeHtml(value)}"`;
  }
  return html;
}

function slideSection(slide: RenderedSlide, options: RevealHtmlOptions): string {
  const attributes = { ...slide.attributes };
  if (options.sourceLines) {
    attributes["data-source-line-start"] = String(slide.startLine);
    attributes["data-source-line-end"] = String(slide.endLine);
  }
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : "";
  return `<section${renderSectionAttributes(attributes)}>${slide.html}${notes}</section>`;
}

/**
 * One top-level <section> per horizontal slide (a vertical stack nests its slides), for views that
 * update slides one by one; a document becomes a single section.
 */
export function deckSectionsHtml(deck: RenderedDeck, options: RevealHtmlOptions = {}): string[] {
  if (deck.kind === "document") return [`<section>${deck.html}</section>`];
  return deck.slides.map((horizontal) =>
    horizontal.verticals.length === 1
      ? slideSection(horizontal.verticals[0]!, options)
      : `<section>${horizontal.verticals.map((slide) => slideSection(slide, options)).join("")}</section>`,
  );
}

/** The deck's slides as reveal.js's `.slides` element (a document becomes a single slide). */
export function deckToRevealHtml(deck: RenderedDeck, options: RevealHtmlOptions = {}): string {
  return `<div class="slides">${deckSectionsHtml(deck, options).join("")}</div>`;
}
