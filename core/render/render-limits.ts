// Bounds on the work the renderer does for one document, so that hostile or accidental input
// (a pasted 10 MB log, 10,000 nested quotes, a KaTeX macro bomb) cannot freeze the preview.
import { DEFAULT_MAX_DECK_CHARS } from "../limits";

/** Longest markdown the renderer looks at; the rest is cut off with a warning. */
export const MAX_RENDER_CHARS = DEFAULT_MAX_DECK_CHARS;
/** markdown-it's nesting cap (block and inline). Its default is 100; decks never need that much. */
export const MAX_MARKDOWN_NESTING = 50;
/**
 * Most slides (horizontal and vertical together) in one deck; later separators are ignored. A deck
 * at the size limit of ordinary slides (~570 characters each) has ~3,500; this leaves room for
 * short ones (200 characters) while bounding the frame's DOM against a deck of bare separators.
 */
export const MAX_SLIDES = 10_000;
/** Longest TeX source rendered by KaTeX; longer formulas are shown as source. */
export const MAX_MATH_CHARS = 4000;
/** KaTeX's own limits: largest size in em, most macro expansions. */
export const KATEX_MAX_SIZE = 20;
export const KATEX_MAX_EXPAND = 500;
/** Longest code block that is syntax highlighted; longer ones are shown plain. */
export const MAX_HIGHLIGHT_CHARS = 50_000;
/** Slides a deck renderer remembers beyond those its last render used (render-cache). */
export const SLIDE_CACHE_ENTRIES = 500;
/** KaTeX output remembered by formula source (a formula is at most MAX_MATH_CHARS). */
export const RENDERED_FORMULA_ENTRIES = 500;
/** Highlighted code blocks remembered by their source, when at most MAX_REMEMBERED_CODE_CHARS long. */
export const HIGHLIGHTED_BLOCK_ENTRIES = 200;
export const MAX_REMEMBERED_CODE_CHARS = 10_000;
/**
 * Longest slide rendered as markdown; longer ones are shown as plain text. Real slides are a few
 * kilobytes (HedgeDoc's limit for a whole note is 100,000 characters); this keeps the cost of
 * sanitizing one slide (DOM work, linear in its size) well under a second even on jsdom.
 */
export const MAX_SLIDE_CHARS = 50_000;
/** Formulas KaTeX renders per slide; later ones are shown as source. */
export const MAX_MATH_PER_SLIDE = 100;
/** Formulas KaTeX renders per (non-slide) document. */
export const MAX_MATH_PER_DOCUMENT = 2000;
/** Deepest nesting of raw HTML elements; deeper raw HTML is shown as text. */
export const MAX_HTML_DEPTH = 100;
/** Most raw HTML tags per slide (or document); later raw HTML is shown as text. */
export const MAX_RAW_HTML_TAGS = 5000;
