// Image sizes in the syntax of markdown-it-imsize, which HedgeDoc uses:
//   ![alt](url =600x)  ![alt](url =50%x)  ![alt](url =960x612)  ![alt](url =x200 "title")
// The size becomes width/height attributes. This replaces markdown-it's `image` rule with a copy
// that understands the size; everything else is as in markdown-it 15.
import type { MarkdownIt, StateInline } from "markdown-it";

export interface ImageSize {
  width: string;
  height: string;
  /** Index just after the size. */
  end: number;
}

const SIZE = /^=(\d{1,5}(?:\.\d{1,3})?(?:%|px)?)?x(\d{1,5}(?:\.\d{1,3})?(?:%|px)?)?(?=[\s)]|$)/;

/** Parses `=WxH` at `pos` in `src`; either side may be empty, not both. */
export function parseImageSize(src: string, pos: number, max: number): ImageSize | null {
  if (src.charCodeAt(pos) !== 0x3d /* = */) return null;
  const match = SIZE.exec(src.slice(pos, Math.min(max, pos + 40)));
  if (!match || (!match[1] && !match[2])) return null;
  return { width: match[1] ?? "", height: match[2] ?? "", end: pos + match[0].length };
}

export function imageSizePlugin(md: MarkdownIt): void {
  md.inline.ruler.at("image", imageWithSize);
}

function skipSpace(state: StateInline, pos: number, max: number): number {
  for (; pos < max; pos++) {
    const code = state.src.charCodeAt(pos);
    if (!state.md.utils.isSpace(code) && code !== 0x0a) break;
  }
  return pos;
}

function imageWithSize(state: StateInline, silent: boolean): boolean {
  let href = "";
  let title = "";
  let label: string | undefined;
  let size: ImageSize | null = null;
  const oldPos = state.pos;
  const max = state.posMax;
  if (state.src.charCodeAt(state.pos) !== 0x21 /* ! */ || state.src.charCodeAt(state.pos + 1) !== 0x5b /* [ */) return false;
  const labelStart = state.pos + 2;
  const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos + 1, false);
  if (labelEnd < 0) return false;
  let pos = labelEnd + 1;
  if (pos < max && state.src.charCodeAt(pos) === 0x28 /* ( */) {
    pos = skipSpace(state, pos + 1, max);
    if (pos >= max) return false;
    const destination = state.md.helpers.parseLinkDestination(state.src, pos, state.posMax);
    if (destination.ok) {
      href = state.md.normalizeLink(destination.str);
      if (state.md.validateLink(href)) pos = destination.pos;
      else href = "";
    }
    let start = pos;
    pos = skipSpace(state, pos, max);
    if (pos > start || href === "") {
      size = parseImageSize(state.src, pos, max);
      if (size) {
        pos = skipSpace(state, size.end, max);
        start = size.end;
      }
    }
    const parsedTitle = state.md.helpers.parseLinkTitle(state.src, pos, state.posMax);
    if (pos < max && start !== pos && parsedTitle.ok) {
      title = parsedTitle.str;
      const afterTitle = parsedTitle.pos;
      pos = skipSpace(state, afterTitle, max);
      if (!size && pos > afterTitle) {
        size = parseImageSize(state.src, pos, max);
        if (size) pos = skipSpace(state, size.end, max);
      }
    }
    if (pos >= max || state.src.charCodeAt(pos) !== 0x29 /* ) */) {
      state.pos = oldPos;
      return false;
    }
    pos++;
  } else {
    const references = (state.env as { references?: Record<string, { href: string; title: string }> }).references;
    if (typeof references === "undefined") return false;
    if (pos < max && state.src.charCodeAt(pos) === 0x5b /* [ */) {
      const start = pos + 1;
      pos = state.md.helpers.parseLinkLabel(state, pos);
      if (pos >= 0) label = state.src.slice(start, pos++);
      else pos = labelEnd + 1;
    } else pos = labelEnd + 1;
    if (!label) label = state.src.slice(labelStart, labelEnd);
    const reference = references[state.md.utils.normalizeReference(label)];
    if (!reference) {
      state.pos = oldPos;
      return false;
    }
    href = reference.href;
    title = reference.title;
  }
  if (!silent) {
    const content = state.src.slice(labelStart, labelEnd);
    const children: ReturnType<StateInline["push"]>[] = [];
    state.md.inline.parse(content, state.md, state.env, children);
    const token = state.push("image", "img", 0);
    const attrs: [string, string][] = [["src", href], ["alt", ""]];
    token.attrs = attrs;
    token.children = children;
    token.content = content;
    if (title) attrs.push(["title", title]);
    if (size?.width) attrs.push(["width", size.width]);
    if (size?.height) attrs.push(["height", size.height]);
  }
  state.pos = pos;
  state.posMax = max;
  return true;
}
