// KaTeX math: `$…$` inline, `$$…$$` display (as a block of its own lines, or inline). KaTeX runs
// with trust off (no \href, \url, \includegraphics, \htmlClass …), never throws, and with limits
// on sizes and macro expansion; over-long formulas are shown as source.
import katex from "katex";
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";
import { escapeHtml } from "./html-escape";
import { LruCache } from "./lru-cache";
import { KATEX_MAX_EXPAND, KATEX_MAX_SIZE, MAX_MATH_CHARS, MAX_MATH_PER_SLIDE, RENDERED_FORMULA_ENTRIES } from "./render-limits";

/** A display formula's closing `$$` is looked for this many lines ahead at most. */
const MAX_MATH_LINES = 200;

// Typing elsewhere in a slide renders its formulas again unchanged: remember them by their source.
const rendered = new LruCache<string, string>(RENDERED_FORMULA_ENTRIES);

export function renderMath(tex: string, displayMode: boolean): string {
  if (tex.length > MAX_MATH_CHARS) {
    return `<code class="math-error">${escapeHtml(tex.slice(0, 200))}…</code>`;
  }
  const key = `${displayMode ? "display" : "inline"}\u0000${tex}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderWithKatex(tex, displayMode);
    rendered.set(key, html);
  }
  return html;
}

function renderWithKatex(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: false,
      trust: false,
      strict: "ignore",
      maxSize: KATEX_MAX_SIZE,
      maxExpand: KATEX_MAX_EXPAND,
      output: "htmlAndMathml",
      globalGroup: false,
    });
  } catch {
    return `<code class="math-error">${escapeHtml(tex)}</code>`;
  }
}

export function mathPlugin(md: MarkdownIt): void {
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.renderer.rules.math_inline = (tokens, index, _options, env) => renderBudgeted(tokens[index]!.content, tokens[index]!.markup === "$$", env);
  md.renderer.rules.math_block = (tokens, index, _options, env) => `<p class="math-display">${renderBudgeted(tokens[index]!.content, true, env)}</p>\n`;
}

/**
 * Renders with KaTeX while the render's formula budget lasts (`env.mathBudget`, default
 * MAX_MATH_PER_SLIDE), then as source.
 */
function renderBudgeted(tex: string, displayMode: boolean, env: Record<string | symbol, unknown> | undefined): string {
  const count = typeof env?.mathCount === "number" ? env.mathCount : 0;
  const budget = typeof env?.mathBudget === "number" ? env.mathBudget : MAX_MATH_PER_SLIDE;
  if (env) env.mathCount = count + 1;
  if (count >= budget) return `<code class="math-source">${escapeHtml(tex)}</code>`;
  return renderMath(tex, displayMode);
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  let max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (pos + 2 > max || state.src.slice(pos, pos + 2) !== "$$") return false;
  pos += 2;
  let firstLine = state.src.slice(pos, max);
  let lastLine = "";
  let next = startLine;
  let found = false;
  if (firstLine.trim().endsWith("$$")) {
    // $$ … $$ on one line
    firstLine = firstLine.trim().slice(0, -2);
    found = true;
  }
  const lastSearchLine = Math.min(endLine, startLine + MAX_MATH_LINES);
  while (!found) {
    next++;
    if (next >= lastSearchLine) break;
    pos = state.bMarks[next]! + state.tShift[next]!;
    max = state.eMarks[next]!;
    if (pos < max && state.sCount[next]! < state.blkIndent) break;
    const line = state.src.slice(pos, max).trim();
    if (line.endsWith("$$")) {
      lastLine = line.slice(0, -2);
      found = true;
    }
  }
  if (!found) return false;
  if (silent) return true;
  state.line = next + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  const middle = next > startLine + 1 ? state.getLines(startLine + 1, next, state.tShift[startLine]!, true) : "";
  token.content = [firstLine, middle, lastLine].filter((part) => part.trim() !== "").join("\n").trim();
  token.map = [startLine, state.line];
  token.markup = "$$";
  return true;
}

function isValidInlineDelimiters(src: string, open: number, close: number, delimiter: number): boolean {
  if (delimiter === 2) return true;
  const after = src.charCodeAt(open + 1);
  const before = src.charCodeAt(close - 1);
  const next = src.charCodeAt(close + 1);
  // Pandoc's rules: no space just inside the dollars, no digit just after the closing one.
  if (after === 0x20 || after === 0x09 || after === 0x0a) return false;
  if (before === 0x20 || before === 0x09 || before === 0x0a) return false;
  if (next >= 0x30 && next <= 0x39) return false;
  return true;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const delimiter = src.charCodeAt(start + 1) === 0x24 ? 2 : 1;
  const marker = delimiter === 2 ? "$$" : "$";
  const contentStart = start + delimiter;
  let search = contentStart;
  let close = -1;
  // bounded scan: a formula never spans more than MAX_MATH_CHARS
  const limit = Math.min(state.posMax, contentStart + MAX_MATH_CHARS + 1);
  while (search < limit) {
    const found = src.indexOf(marker, search);
    if (found < 0 || found >= limit) break;
    if (src.charCodeAt(found - 1) === 0x5c /* \ */) {
      search = found + 1;
      continue;
    }
    close = found;
    break;
  }
  if (close < 0 || close === contentStart) return false;
  if (!isValidInlineDelimiters(src, start, close, delimiter)) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.markup = marker;
    token.content = src.slice(contentStart, close);
  }
  state.pos = close + delimiter;
  return true;
}
