// The deck's slides as an outline, split and read by the deck scanner (core/markdown), as the
// renderer splits them, so the outline, the preview, the slideshow and the library's title always
// agree on where a slide starts and which line is its heading.
import emojis from "markdown-it-emoji/lib/data/full.mjs";
import { findFrontmatter, parseFrontmatter } from "@/core/frontmatter";
import { parseTiming, sectionBudgets } from "@/core/presenter-pacing";
import { extractAttributeComments } from "@/core/render/attribute-comment";
import { createIncrementalSplitter } from "@/core/render/incremental-split";
import { RenderCache } from "@/core/render/render-cache";
import { validateSlideOptions } from "@/core/render/slide-options";
import { deckBody, scanSlide } from "@/core/markdown/deck-scanner";

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
  /**
   * The section's time budget in seconds, on a section's first slide (core/presenter-pacing.ts):
   * its first slide's data-timing, else its slides' timings summed; null without any.
   */
  budget: number | null;
}

/** Horizontal slides, each with its vertical slides (the first one is the horizontal slide itself). */
export type Outline = OutlineSlide[][];

const MAX_TITLE = 80;

export function buildOutline(markdown: string): Outline {
  return createOutlineBuilder().build(markdown);
}

/**
 * Builds the outline of one deck again and again as it is edited, reading again only the slides
 * whose text changed: each slide's reading is kept by its text (as the renderer keeps its HTML,
 * core/render/render-cache.ts), and typing within a line splits the deck without reading it
 * (core/render/incremental-split.ts). Unchanged slides keep their very OutlineSlide objects, so
 * comparing two outlines is mostly comparing references. On a 2 MB deck a run after a keystroke
 * reads one slide instead of 3,500.
 */
export interface OutlineBuilder {
  build(markdown: string): Outline;
  /** How many slides the builder has read so far (its work, for tests). */
  readonly slidesRead: number;
}

/** What an outline takes from a slide's text alone. */
interface SlideReading {
  title: string;
  leadingBlankLines: number;
  timing: number | null;
}

/** Slides of past edits kept beyond those of the last build (an undo brings them back). */
const RECENT_SLIDES = 64;

export function createOutlineBuilder(): OutlineBuilder {
  const splitter = createIncrementalSplitter();
  const readings = new RenderCache<SlideReading>(RECENT_SLIDES);
  let frontmatter: { yaml: string; timing: number | null } | null = null;
  let previous: Outline = [];
  let slidesRead = 0;

  const read = (text: string): SlideReading => {
    let reading = readings.get(text);
    if (!reading) {
      slidesRead++;
      reading = { title: slideTitle(text), leadingBlankLines: leadingBlankLines(text), timing: slideTiming(text) };
      readings.set(text, reading);
    }
    return reading;
  };

  return {
    get slidesRead() {
      return slidesRead;
    },
    build(markdown) {
      const block = findFrontmatter(markdown);
      const { body, firstLine } = deckBody(markdown, block);
      const horizontals = splitter.split(body, firstLine).horizontals;
      const stacks = horizontals.map((stack) => stack.map((slide) => read(slide.text)));
      readings.endRender();
      if (block && frontmatter?.yaml !== block.yaml) frontmatter = { yaml: block.yaml, timing: defaultTiming(block) };
      const budgets = sectionBudgets(
        stacks.map((stack) => stack.map((reading) => reading.timing)),
        block ? frontmatter!.timing : null,
      );
      const outline = horizontals.map((stack, h) =>
        stack.map((slide, v): OutlineSlide => {
          const reading = stacks[h]![v]!;
          const contentLine = Math.min(slide.startLine + reading.leadingBlankLines, slide.endLine);
          const budget = v === 0 ? budgets[h]! : null;
          const old = previous[h]?.[v];
          // Compared before a new object is made: most slides are the old ones.
          if (old && old.startLine === slide.startLine && old.endLine === slide.endLine && old.contentLine === contentLine && old.title === reading.title && old.budget === budget) return old;
          return { h, v, startLine: slide.startLine, endLine: slide.endLine, contentLine, title: reading.title, budget };
        }),
      );
      previous = outline;
      return outline;
    },
  };
}

export function sameSlide(a: OutlineSlide, b: OutlineSlide): boolean {
  return (
    a === b ||
    (a.h === b.h && a.v === b.v && a.startLine === b.startLine && a.endLine === b.endLine && a.contentLine === b.contentLine && a.title === b.title && a.budget === b.budget)
  );
}

/** The sum of the sections' budgets, in seconds; null when no section has one. */
export function outlineBudget(outline: Outline): number | null {
  let total: number | null = null;
  for (const stack of outline) if (stack[0]?.budget != null) total = (total ?? 0) + stack[0].budget;
  return total;
}

/** `data-timing` from the slide's attribute comment (`<!-- .slide: data-timing="300" -->`), as the renderer reads it. */
function slideTiming(text: string): number | null {
  if (!text.includes("data-timing")) return null;
  let timing: number | null = null;
  for (const comment of extractAttributeComments(text).comments) {
    if (comment.kind !== "slide") continue;
    for (const [name, value] of comment.attributes) if (name === "data-timing") timing = parseTiming(value);
  }
  return timing;
}

function defaultTiming(block: NonNullable<ReturnType<typeof findFrontmatter>>): number | null {
  const { data } = parseFrontmatter(block);
  const value = validateSlideOptions(data.slideOptions, block).revealOptions.defaultTiming;
  return typeof value === "number" ? value : null;
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
  const { firstHeading, firstText } = scanSlide(text);
  return clean(firstHeading?.text ?? firstText);
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
