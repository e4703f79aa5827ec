// The deck's slides as an outline, split by the renderer's own splitter (core/render), so the
// outline, the preview and the slideshow always agree on where a slide starts.
import emojis from "markdown-it-emoji/lib/data/full.mjs";
import { findFrontmatter } from "@/core/frontmatter";
import { deckBody } from "@/core/render/deck-renderer";
import { splitSlides } from "@/core/render/slide-splitter";

export interface OutlineSlide {
  h: number;
  v: number;
  /** 1-based document lines of the slide. */
  startLine: number;
  endLine: number;
  /** 1-based line of the slide's first text (the blank line after a separator skipped). */
  contentLine: number;
  /** The first heading, else the first line of text; "" for an empty slide. */
  title: string;
}

/** Horizontal slides, each with its vertical slides (the first one is the horizontal slide itself). */
export type Outline = OutlineSlide[][];

const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MAX_TITLE = 80;

export function buildOutline(markdown: string): Outline {
  const { body, firstLine } = deckBody(markdown, findFrontmatter(markdown));
  return splitSlides(body, firstLine).horizontals.map((stack, h) =>
    stack.map((slide, v) => ({
      h,
      v,
      startLine: slide.startLine,
      endLine: slide.endLine,
      contentLine: Math.min(slide.startLine + leadingBlankLines(slide.text), slide.endLine),
      title: slideTitle(slide.text),
    })),
  );
}

/** The slide showing a 1-based line: the last one starting at or before it. */
export function slideAtLine(outline: Outline, line: number): OutlineSlide | null {
  let found: OutlineSlide | null = null;
  for (const stack of outline) {
    for (const slide of stack) {
      if (slide.startLine > line) return found ?? slide;
      found = slide;
    }
  }
  return found;
}

function leadingBlankLines(text: string): number {
  const match = /^(?:[ \t]*\r?\n)*/.exec(text)![0];
  return match.split("\n").length - 1;
}

function slideTitle(text: string): string {
  let firstText = "";
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = null;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    if (/^note:/i.test(line)) break;
    const heading = HEADING.exec(line);
    if (heading) return clean(heading[1]!);
    const trimmed = line.trim();
    if (!firstText && trimmed && !trimmed.startsWith("<!--")) firstText = trimmed;
  }
  return clean(firstText);
}

/** Plain words for a title: HTML tags (`<font color>` headings), markdown emphasis, links and images stripped. */
function clean(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/^[-+*>]\s+/, "")
    .replace(/:([a-z0-9_+-]+):/gi, (code, name: string) => emojis[name] ?? code)
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > MAX_TITLE ? `${plain.slice(0, MAX_TITLE - 1)}…` : plain;
}
