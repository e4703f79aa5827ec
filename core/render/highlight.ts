// Syntax highlighting of fenced code with highlight.js's common languages. Output carries only
// class names (`hljs`, `language-…`, `hljs-keyword` …); the theme's CSS colours them.
// HedgeDoc's info-string suffixes (```js= for line numbers, ```js! to continue numbering) are
// accepted and ignored.
import hljs from "highlight.js/lib/common";
import type { MarkdownIt } from "markdown-it";
import { injectAttributes } from "./element-attributes";
import { escapeHtml } from "./html-escape";
import { LruCache } from "./lru-cache";
import { HIGHLIGHTED_BLOCK_ENTRIES, MAX_HIGHLIGHT_CHARS, MAX_REMEMBERED_CODE_CHARS } from "./render-limits";

/**
 * Renders fences itself so that highlighted and plain blocks look alike and attributes set by
 * `<!-- .element: … -->` land on the <pre>, the fence's element in the DOM.
 */
export function highlightPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index]!;
    let html = highlightCode(token.content, token.info);
    if (!html) {
      const name = (token.info.trim().split(/\s+/, 1)[0] ?? "").replace(/[=!].*$/, "");
      const languageClass = name ? ` class="language-${escapeHtml(name)}"` : "";
      html = `<pre><code${languageClass}>${escapeHtml(token.content)}</code></pre>\n`;
    }
    return token.attrs ? injectAttributes(html, token.attrs) : html;
  };
}

/** The language named by a fence's info string, as highlight.js knows it, or null. */
export function fenceLanguage(info: string): string | null {
  const name = (info.trim().split(/\s+/, 1)[0] ?? "").replace(/[=!].*$/, "").toLowerCase();
  if (!name || !/^[a-z0-9_+#.-]{1,32}$/.test(name)) return null;
  return hljs.getLanguage(name) ? name : null;
}

/**
 * markdown-it's `highlight` option: returns a complete `<pre><code>` block for known languages
 * and "" (markdown-it's default escaping) otherwise.
 */
const highlighted = new LruCache<string, string>(HIGHLIGHTED_BLOCK_ENTRIES);

export function highlightCode(code: string, info: string): string {
  const language = fenceLanguage(info);
  if (!language || code.length > MAX_HIGHLIGHT_CHARS) return "";
  // Typing elsewhere in a slide highlights its code again unchanged: remember small blocks.
  if (code.length > MAX_REMEMBERED_CODE_CHARS) return highlightWith(language, code);
  const key = `${language}\u0000${code}`;
  let html = highlighted.get(key);
  if (html === undefined) {
    html = highlightWith(language, code);
    highlighted.set(key, html);
  }
  return html;
}

function highlightWith(language: string, code: string): string {
  try {
    const { value } = hljs.highlight(code, { language, ignoreIllegals: true });
    return `<pre><code class="hljs language-${escapeHtml(language)}">${value}</code></pre>\n`;
  } catch {
    return `<pre><code class="hljs">${escapeHtml(code)}</code></pre>\n`;
  }
}
