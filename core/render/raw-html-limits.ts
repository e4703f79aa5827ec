// Bounds on raw HTML in markdown: markdown syntax is held to markdown-it's maxNesting, but raw
// tags (`<div>` × 20,000) could nest without limit and make the sanitizer's DOM work explode.
// Raw HTML past MAX_HTML_DEPTH levels, or past MAX_RAW_HTML_TAGS tags, is shown as text.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { escapeHtml } from "./html-escape";
import { MAX_HTML_DEPTH, MAX_RAW_HTML_TAGS } from "./render-limits";

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*?)?(\/?)>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

export interface RawHtmlLimits {
  maxDepth: number;
  maxTags: number;
}

/** Walks raw HTML tokens in document order; returns false once the limits are exceeded. */
export function createRawHtmlBudget(limits: RawHtmlLimits = { maxDepth: MAX_HTML_DEPTH, maxTags: MAX_RAW_HTML_TAGS }) {
  let depth = 0;
  let tags = 0;
  let exhausted = false;
  return {
    /** Accounts for a piece of raw HTML; false when it must not be rendered as HTML. */
    admit(html: string): boolean {
      if (exhausted) return false;
      for (const match of html.matchAll(TAG)) {
        tags++;
        const name = match[2]!.toLowerCase();
        if (match[1]) depth = Math.max(0, depth - 1);
        else if (!match[3] && !VOID.has(name)) depth++;
        if (depth > limits.maxDepth || tags > limits.maxTags) {
          exhausted = true;
          return false;
        }
      }
      return true;
    },
  };
}

export function rawHtmlLimitsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("raw_html_limits", (state: StateCore) => {
    const budget = createRawHtmlBudget();
    const visit = (token: Token): void => {
      if ((token.type === "html_block" || token.type === "html_inline") && !budget.admit(token.content)) {
        token.content = escapeHtml(token.content);
      }
    };
    for (const token of state.tokens) {
      visit(token);
      if (token.children) for (const child of token.children) visit(child);
    }
  });
}
