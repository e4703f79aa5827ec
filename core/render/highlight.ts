// Syntax highlighting of fenced code with highlight.js's common languages. Output carries only
// class names (`hljs`, `language-…`, `hljs-keyword` …); the theme's CSS colours them.
// HedgeDoc's line numbers (```js= from 1, ```js=101 from 101, ```js=+ continuing the previous
// numbered block) are drawn as HedgeDoc draws them: a gutter of data-linenumber spans beside the
// code (extra.js highlightRender; the look's CSS numbers them). ```js! (wrap) is accepted.
import hljs from "highlight.js/lib/common";
import type { MarkdownIt } from "markdown-it";
import { diagramFence } from "./diagram-fence";
import { injectAttributes } from "./element-attributes";
import { escapeHtml } from "./html-escape";
import { LruCache } from "./lru-cache";
import { HIGHLIGHTED_BLOCK_ENTRIES, MAX_HIGHLIGHT_CHARS, MAX_REMEMBERED_CODE_CHARS } from "./render-limits";

/**
 * Renders fences itself so that highlighted and plain blocks look alike and attributes set by
 * `<!-- .element: … -->` land on the <pre>, the fence's element in the DOM.
 */
export function highlightPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, index, _options, env) => {
    const token = tokens[index]!;
    const diagram = diagramFence(token.content, token.info);
    if (diagram) return token.attrs ? injectAttributes(diagram, token.attrs) : diagram;
    let html = highlightCode(token.content, token.info);
    if (!html) {
      const name = (token.info.trim().split(/\s+/, 1)[0] ?? "").replace(/[=!].*$/, "");
      const languageClass = name ? ` class="language-${escapeHtml(name)}"` : "";
      html = `<pre><code${languageClass}>${escapeHtml(token.content)}</code></pre>\n`;
    }
    html = withLineNumbers(html, token.content, token.info, (env ?? {}) as LineNumberEnv);
    return token.attrs ? injectAttributes(html, token.attrs) : html;
  };
}

export { DIAGRAM_LANGUAGES } from "./diagram-fence";

interface LineNumberEnv {
  /** The number after the last numbered block's last line, for ```lang=+. */
  nextLineNumber?: number;
}

const LINE_NUMBERS = /=(\d{0,9}|\+)$/;

/** Wraps a rendered block's code in HedgeDoc's line-number gutter when its info string asks. */
function withLineNumbers(html: string, code: string, info: string, env: LineNumberEnv): string {
  const language = info.trim().split(/\s+/, 1)[0] ?? "";
  const match = LINE_NUMBERS.exec(language);
  if (!match) return html;
  const start = match[1] === "+" ? (env.nextLineNumber ?? 1) : match[1] ? Number(match[1]) : 1;
  const lines = Math.max(code.split("\n").length - 1, 1);
  env.nextLineNumber = start + lines;
  const numbers = Array.from({ length: lines }, (_, line) => `<span data-linenumber="${start + line}"></span>`).join("\n");
  const gutter = `<div class="gutter linenumber${match[1] === "+" ? " continue" : ""}">${numbers}</div>`;
  return html.replace(/^(<pre><code[^>]*>)([\s\S]*)(<\/code><\/pre>\n)$/, (_whole, open: string, body: string, close: string) => `${open}<div class="wrapper">${gutter}<div class="code">${body}</div></div>${close}`);
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
