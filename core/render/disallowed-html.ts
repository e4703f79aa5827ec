// Raw HTML tags a deck may not use are shown as the text the person typed, as HedgeDoc 1.x shows
// them (js-xss escapes every tag outside its white list: `use the <link> syntax` reads as
// written there). DOMPurify, which runs after, would delete them with their words. Only the raw
// HTML in the markdown (html_block, html_inline tokens) is looked at; the tags markdown-it makes
// itself are ours. Escaping never makes anything executable: the sanitizer still runs on all of it.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { escapeHtml } from "./html-escape";

/**
 * HedgeDoc 1.12's white list (js-xss's default plus what public/js/render.js adds), less iframe
 * (Podium loads no third party into a deck: see docs/hedgedoc-compatibility.md), plus inline SVG
 * and MathML, which Podium has always drawn.
 */
const HEDGEDOC_TAGS = [
  "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "br", "caption",
  "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
  "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "li", "mark", "nav", "ol", "p",
  "pre", "s", "section", "small", "span", "sub", "summary", "sup", "strong", "strike", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "tt", "u", "ul", "video", "source", "track",
  "style", "kbd", "ruby", "rp", "rt",
];
const SVG_TAGS = [
  "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "textpath", "defs", "use",
  "symbol", "marker", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "image", "title", "desc",
];
const MATHML_TAGS = [
  "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot",
  "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "semantics", "annotation", "mpadded", "mphantom",
];

export const ALLOWED_RAW_TAGS: ReadonlySet<string> = new Set([...HEDGEDOC_TAGS, ...SVG_TAGS, ...MATHML_TAGS]);

// A comment (left whole: attribute comments are read later), or a tag as js-xss finds one: `<`,
// an optional `/`, a name, then anything up to the next `>` that is not inside quotes.
const COMMENT_OR_TAG = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:[^<>"']|"[^"]*"|'[^']*')*>/g;

/** Escapes, in a piece of raw HTML, every tag whose name is not allowed. */
export function escapeDisallowedTags(html: string): string {
  if (!html.includes("<")) return html;
  return html.replace(COMMENT_OR_TAG, (tag, name: string | undefined) => (name === undefined || ALLOWED_RAW_TAGS.has(name.toLowerCase()) ? tag : escapeHtml(tag)));
}

/**
 * Runs right after inline parsing, before plugins that emit HTML tokens of their own (the task
 * list's checkboxes): registered after them with ruler.after("inline"), it runs before them.
 */
export function disallowedHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "disallowed_html_as_text", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === "html_block") token.content = escapeDisallowedTags(token.content);
      else if (token.type === "inline" && token.children) escapeInline(token.children);
    }
  });
}

function escapeInline(children: Token[]): void {
  for (const child of children) {
    if (child.type === "html_inline") child.content = escapeDisallowedTags(child.content);
  }
}
