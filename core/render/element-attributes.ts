// markdown-it plugin applying reveal.js attribute comments at token level (no DOM needed):
//   <!-- .slide: … -->    collected into env.slideAttributes (the slide's <section>)
//   <!-- .element: … -->  set on the element before the comment, as HedgeDoc's reveal-markdown
//                         does on the DOM: the previous sibling element (text and <br> skipped),
//                         else the enclosing element, else (at the top of a slide) the <section>.
// The comments themselves are removed from the output.
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";
import { escapeHtml } from "./html-escape";
import { extractAttributeComments, mergeAttributes, type AttributeList } from "./attribute-comment";

export interface AttributeCommentEnv extends Env {
  /** Attributes gathered for the slide's <section>. Created by the plugin when needed. */
  slideAttributes?: Record<string, string>;
  /** Set to false to leave attribute comments alone (document mode). */
  attributeComments?: boolean;
}

const VOID_TAGS = new Set(["img", "input", "hr", "wbr", "area", "col", "embed", "source", "track"]);
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>$/;
const FIRST_OPENING_TAG = /<([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/;
const ATTRIBUTE_TARGET_BLOCKS = new Set(["fence", "code_block", "hr", "math_block"]);

type Target = { kind: "token"; token: Token } | { kind: "html"; token: Token } | { kind: "slide" };

export function elementAttributesPlugin(md: MarkdownIt): void {
  md.core.ruler.push("attribute_comments", applyAttributeComments);
}

function applyAttributeComments(state: StateCore): void {
  const env = (state.env ?? {}) as AttributeCommentEnv;
  if (env.attributeComments === false) return;
  const tokens = state.tokens;
  const slide = (): Record<string, string> => (env.slideAttributes ??= {});
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === "html_block") {
      const { comments, rest } = extractAttributeComments(token.content);
      if (comments.length === 0) continue;
      const before = token.content.slice(0, token.content.indexOf("<!--"));
      token.content = rest;
      for (const comment of comments) {
        if (comment.kind === "slide") mergeAttributes(slide(), comment.attributes);
        else if (FIRST_OPENING_TAG.test(before)) token.content = injectAttributes(token.content, comment.attributes);
        else apply(blockTarget(tokens, index), comment.attributes, slide);
      }
    } else if (token.type === "inline" && token.children) {
      const children = token.children;
      for (let child = 0; child < children.length; child++) {
        const html = children[child]!;
        if (html.type !== "html_inline") continue;
        const { comments, rest } = extractAttributeComments(html.content);
        if (comments.length === 0) continue;
        html.content = rest;
        for (const comment of comments) {
          if (comment.kind === "slide") mergeAttributes(slide(), comment.attributes);
          else apply(inlineTarget(children, child) ?? blockParent(tokens, index), comment.attributes, slide);
        }
      }
    }
  }
}

function apply(target: Target, attributes: AttributeList, slide: () => Record<string, string>): void {
  if (attributes.length === 0) return;
  if (target.kind === "slide") mergeAttributes(slide(), attributes);
  else if (target.kind === "html") target.token.content = injectAttributes(target.token.content, attributes);
  else for (const [name, value] of attributes) {
    if (name === "class") target.token.attrJoin("class", value);
    else target.token.attrSet(name, value);
  }
}

/** The block before an html_block comment, or the block containing it. */
function blockTarget(tokens: Token[], index: number): Target {
  const level = tokens[index]!.level;
  for (let k = index - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.level > level) continue;
    if (token.level === level && token.nesting === -1) {
      const open = findOpening(tokens, k);
      if (open >= 0 && !tokens[open]!.hidden) return { kind: "token", token: tokens[open]! };
      if (open >= 0) k = open; // a tight list's hidden paragraph: not an element, look further back
      continue;
    }
    if (token.level === level && token.nesting === 0) {
      if (ATTRIBUTE_TARGET_BLOCKS.has(token.type)) return { kind: "token", token };
      if (token.type === "html_block" && FIRST_OPENING_TAG.test(token.content)) return { kind: "html", token };
      continue;
    }
    if (token.level < level && token.nesting === 1) return token.hidden ? blockParent(tokens, k) : { kind: "token", token };
  }
  return { kind: "slide" };
}

/** The nearest visible block element enclosing tokens[index]. */
function blockParent(tokens: Token[], index: number): Target {
  let level = tokens[index]!.level;
  for (let k = index - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.nesting !== 1 || token.level >= level) continue;
    if (!token.hidden) return { kind: "token", token };
    level = token.level;
  }
  return { kind: "slide" };
}

function findOpening(tokens: Token[], closeIndex: number): number {
  const close = tokens[closeIndex]!;
  const openType = close.type.replace(/_close$/, "_open");
  for (let k = closeIndex - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.level === close.level && token.nesting === 1 && token.type === openType) return k;
  }
  return -1;
}

/** The inline element before children[index] (text and <br> skipped), or the one containing it. */
function inlineTarget(children: Token[], index: number): Target | null {
  for (let j = index - 1; j >= 0; j--) {
    const token = children[j]!;
    if (token.nesting === -1) {
      const open = findInlineOpening(children, j);
      return open ? { kind: "token", token: open } : null;
    }
    if (token.nesting === 1) return { kind: "token", token };
    if (token.type === "image" || token.type === "code_inline") return { kind: "token", token };
    if (token.type !== "html_inline") continue;
    const tag = TAG.exec(token.content.trim());
    if (!tag) continue;
    const [, closing, rawName] = tag;
    const name = rawName!.toLowerCase();
    if (name === "br") continue;
    if (!closing) return { kind: "html", token }; // a void element before us, or an open one around us
    const open = findHtmlOpening(children, j, name);
    if (open) return { kind: "html", token: open };
  }
  return null;
}

function findInlineOpening(children: Token[], closeIndex: number): Token | null {
  let depth = 0;
  for (let k = closeIndex; k >= 0; k--) {
    const token = children[k]!;
    depth -= token.nesting;
    if (depth === 0) return token;
  }
  return null;
}

function findHtmlOpening(children: Token[], closeIndex: number, name: string): Token | null {
  let depth = 0;
  for (let k = closeIndex - 1; k >= 0; k--) {
    const token = children[k]!;
    if (token.type !== "html_inline") continue;
    const tag = TAG.exec(token.content.trim());
    if (!tag || tag[2]!.toLowerCase() !== name || VOID_TAGS.has(name) || tag[3]) continue;
    if (tag[1]) depth++;
    else if (depth === 0) return token;
    else depth--;
  }
  return null;
}

/** Adds attributes to the first opening tag of a piece of raw HTML. */
export function injectAttributes(html: string, attributes: readonly (readonly [string, string | number])[]): string {
  const match = FIRST_OPENING_TAG.exec(html);
  if (!match) return html;
  const text = attributes.map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`).join("");
  const end = match.index + match[0].length - (match[2] ? 2 : 1);
  return html.slice(0, end) + text + html.slice(end);
}
