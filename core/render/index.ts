// The deck renderer's public API. Pure and isomorphic: the DOM is only reached through the window
// handed to createHtmlSanitizer.
export { createDeckRenderer, renderDeck, findSlideAtLine, slideAt, deckBody } from "./deck-renderer";
export type { DeckRenderer, DeckRendererOptions, DeckView, HorizontalSlide, RenderedDeck, RenderedSlide, RenderWarning, SlidePosition, TextEdit } from "./deck-renderer";
export { createHtmlSanitizer } from "./html-sanitizer";
export type { HtmlSanitizer, SanitizerWindow } from "./html-sanitizer";
export { deckSectionsHtml, deckSectionsMarkup, deckToRevealHtml, renderSectionAttributes, sameSectionMarkup, sectionMarkup } from "./reveal-html";
export type { RevealHtmlOptions, SectionMarkup } from "./reveal-html";
export { DEFAULT_REVEAL_OPTIONS, DEFAULT_THEME, REVEAL_THEMES, validateSlideOptions } from "./slide-options";
export type { RevealOptions, RevealOptionValue, RevealTheme } from "./slide-options";
export { splitSlides } from "./slide-splitter";
export type { SlideSource, SplitDeck } from "./slide-splitter";
