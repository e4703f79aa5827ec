// HedgeDoc 1.x's own syntax (public/js/extra.js), rebuilt as markdown-it rules:
//   [name=Ada] [time=…] [color=#f00]  in list items and block quotes (its replaceExtraTags)
//   :::info|success|warning|danger     boxes (markdown-it-container with its renderContainer)
//   [TOC]                              a table of contents of the slide or document (h1–h3)
//   {%youtube id %} {%vimeo id %} {%gist u/id %} {%slideshare u/name %} {%speakerdeck u/name %} {%pdf url %}
//                                      as privacy-respecting placeholders: a link that opens the
//                                      third party only when clicked; nothing loads before
import type { MarkdownIt, StateBlock, StateCore, Token } from "markdown-it";
import { escapeHtml } from "./html-escape";

type TokenConstructor = StateCore["Token"];

export function hedgedocExtrasPlugin(md: MarkdownIt): void {
  md.block.ruler.before("fence", "hedgedoc_container", container, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.hedgedoc_container_open = (tokens, index) => `<div role="alert" class="alert alert-${tokens[index]!.info}">\n`;
  md.renderer.rules.hedgedoc_container_close = () => "</div>\n";
  md.core.ruler.push("hedgedoc_extra_tags", extraTags);
  md.core.ruler.push("hedgedoc_toc", tableOfContents);
  md.core.ruler.push("hedgedoc_embeds", embeds);
}

// ---------------------------------------------------------------- ::: boxes

const BOX_KINDS = new Set(["success", "info", "warning", "danger"]);

function container(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const opening = /^(:{3,})\s*(\w+)\s*$/.exec(state.src.slice(start, max));
  if (!opening || !BOX_KINDS.has(opening[2]!)) return false;
  if (silent) return true;
  const fence = opening[1]!;
  let line = startLine;
  let closed = false;
  while (++line < endLine) {
    const lineStart = state.bMarks[line]! + state.tShift[line]!;
    const lineMax = state.eMarks[line]!;
    if (lineStart < lineMax && state.sCount[line]! < state.blkIndent) break; // a less indented line ends a nested box
    const text = state.src.slice(lineStart, lineMax);
    if (state.sCount[line]! - state.blkIndent < 4 && /^:{3,}\s*$/.test(text) && text.trim().length >= fence.length) {
      closed = true;
      break;
    }
  }
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = "container" as typeof state.parentType;
  state.lineMax = line;
  const open = state.push("hedgedoc_container_open", "div", 1);
  open.info = opening[2]!;
  open.block = true;
  open.map = [startLine, line];
  state.md.block.tokenize(state, startLine + 1, line);
  const close = state.push("hedgedoc_container_close", "div", -1);
  close.block = true;
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = line + (closed ? 1 : 0);
  return true;
}

// ---------------------------------------------------------------- [name=] [time=] [color=]

const COLOR = /\[color=([#()\s,\w]*?)\]/g;
const NAME_AND_TIME = /\[name=(.*?)\]\s*\[time=([:,.+()\s\w-]*?)\]/g;
const NAME = /\[name=(.*?)\]/g;
const TIME = /\[time=([:,.+()\s\w-]*?)\]/g;

/** HedgeDoc's replaceExtraTags, on the text of a paragraph in a list item or block quote. */
export function replaceExtraTags(text: string): string {
  return escapeHtml(text)
    .replace(COLOR, (_whole, color: string) => `<span class="color" data-color="${color}"></span>`)
    .replace(NAME_AND_TIME, (_whole, name: string, time: string) => `<small><i class="fa fa-user"></i> ${name} <i class="fa fa-clock-o"></i> ${time}</small>`)
    .replace(NAME, (_whole, name: string) => `<small><i class="fa fa-user"></i> ${name}</small>`)
    .replace(TIME, (_whole, time: string) => `<small><i class="fa fa-clock-o"></i> ${time}</small>`);
}

function extraTags(state: StateCore): void {
  const tokens = state.tokens;
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.type === "blockquote_open" || token.type === "bullet_list_open" || token.type === "ordered_list_open") open.push(token);
    else if (token.type === "blockquote_close" || token.type === "bullet_list_close" || token.type === "ordered_list_close") open.pop();
    else if (token.type === "inline" && open.length > 0 && token.children && token.content.includes("[")) {
      const colour = rewriteTags(token.children, state.Token);
      // A colour tag in a block quote colours its left border, in a list it shows as a tag.
      const container = open[open.length - 1]!;
      if (colour && container.type === "blockquote_open") container.attrSet("style", `border-left-color: ${colour}`);
    }
  }
}

/** Rewrites the text children holding tags; returns the last colour named, if any. */
function rewriteTags(children: Token[], Token: TokenConstructor): string | null {
  let colour: string | null = null;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== "text" || !/\[(?:name|time|color)=/.test(child.content)) continue;
    for (const match of child.content.matchAll(COLOR)) colour = match[1]!.trim();
    const html = new Token("html_inline", "", 0);
    html.content = replaceExtraTags(child.content);
    children[index] = html;
  }
  return colour;
}

// ---------------------------------------------------------------- [TOC]

interface Heading {
  level: number;
  text: string;
  id: string;
}

function tableOfContents(state: StateCore): void {
  const tokens = state.tokens;
  const tocs: number[] = [];
  for (let index = 0; index + 2 < tokens.length; index++) {
    if (tokens[index]!.type === "paragraph_open" && tokens[index + 1]!.type === "inline" && /^\[TOC\]$/i.test(tokens[index + 1]!.content.trim()) && tokens[index + 2]!.type === "paragraph_close") tocs.push(index);
  }
  if (tocs.length === 0) return;
  const headings: Heading[] = [];
  const used = new Set<string>();
  for (let index = 0; index + 1 < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type !== "heading_open") continue;
    const level = Number(token.tag.slice(1));
    const text = tokens[index + 1]!.content;
    const given = token.attrGet("id");
    let id = given === null ? slug(text) : String(given);
    for (let n = 1; used.has(id); n++) id = `${slug(text)}-${n}`;
    used.add(id);
    token.attrSet("id", id);
    if (level <= 3) headings.push({ level, text, id });
  }
  const html = `<div class="toc">${tocList(headings)}</div>\n`;
  for (const index of tocs.reverse()) {
    const block = new state.Token("html_block", "", 0);
    block.content = html;
    tokens.splice(index, 3, block);
  }
}

/** As HedgeDoc's slugifyWithUTF8: white space to dashes, punctuation dropped. */
function slug(text: string): string {
  return text.trim().replace(/<[^>]*>/g, "").replace(/\s+/g, "-").replace(/[!"#$%&'()*+,./:;<=>?@[\\\]^`{|}~]/g, "") || "section";
}

function tocList(headings: Heading[]): string {
  if (headings.length === 0) return "";
  let html = "";
  let depth = 0;
  const base = Math.min(...headings.map((heading) => heading.level));
  for (const heading of headings) {
    const level = heading.level - base + 1;
    while (depth < level) {
      html += "<ul>";
      depth++;
    }
    while (depth > level) {
      html += "</li></ul>";
      depth--;
    }
    if (html.endsWith("</a>")) html += "</li>";
    html += `<li><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a>`;
  }
  while (depth-- > 0) html += "</li></ul>";
  return html;
}

// ---------------------------------------------------------------- {%embed %}

const EMBED = /\{%(youtube|vimeo|gist|slideshare|speakerdeck|pdf)\s*([\d\D]*?)\s*%\}/g;
const EMBED_IDS: Record<string, RegExp> = {
  youtube: /^[\w-]{11}$/,
  vimeo: /^\d{6,11}$/,
  gist: /^\w+\/\w+$/,
  slideshare: /^\w+\/[\w-]+$/,
  speakerdeck: /^\w+\/[\w-]+$/,
  pdf: /^(?:https?:\/\/|\/)[^\s"'<>]+$/,
};
const EMBED_TARGETS: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${id}`,
  vimeo: (id) => `https://vimeo.com/${id}`,
  gist: (id) => `https://gist.github.com/${id}`,
  slideshare: (id) => `https://slideshare.com/${id}`,
  speakerdeck: (id) => `https://speakerdeck.com/${id}`,
  pdf: (url) => url,
};
const EMBED_LABELS: Record<string, string> = { youtube: "YouTube video", vimeo: "Vimeo video", gist: "GitHub gist", slideshare: "SlideShare deck", speakerdeck: "Speaker Deck deck", pdf: "PDF" };

/** The placeholder for one embed, or null when its id is not of HedgeDoc's form (left as text). */
export function embedPlaceholder(kind: string, id: string): string | null {
  if (!EMBED_IDS[kind]?.test(id)) return null;
  const href = EMBED_TARGETS[kind]!(id);
  return `<a class="embed ${kind}" href="${escapeHtml(href)}" rel="noopener noreferrer" data-embed="${kind}">${EMBED_LABELS[kind]}: ${escapeHtml(id)}</a>`;
}

function embeds(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.children || !token.content.includes("{%")) continue;
    for (let index = 0; index < token.children.length; index++) {
      const child = token.children[index]!;
      if (child.type !== "text" || !child.content.includes("{%")) continue;
      let changed = false;
      const html = escapeHtml(child.content).replace(EMBED, (whole, kind: string, id: string) => {
        const placeholder = embedPlaceholder(kind, id);
        if (placeholder) changed = true;
        return placeholder ?? whole;
      });
      if (!changed) continue;
      const replacement = new state.Token("html_inline", "", 0);
      replacement.content = html;
      token.children[index] = replacement;
    }
  }
}
