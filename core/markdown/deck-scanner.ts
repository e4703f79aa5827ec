// One reading of a deck's markdown structure, shared by the renderer's splitting (slides and
// speaker notes), the editor's outline and the library's derived title, so that the three agree on
// where fenced code is, where a slide starts and which line is a heading. The rules follow
// markdown-it (CommonMark) where HedgeDoc's renderer does:
// - a fence is ``` or ~~~ (three or more) indented by at most three spaces; a backtick fence's info
//   string holds no backtick; it closes on a line of the same character, at least as long, with
//   nothing after it;
// - slide separators (`---`, `----` between empty lines) and `note:` lines inside closed fenced code
//   do not count. A fence without a closing fence is not code for splitting (it would otherwise
//   swallow every later slide), but inside its slide markdown-it renders it as code to the end;
// - a heading is an ATX heading (`#` to `######`), outside fenced code, on the slide itself (the
//   speaker notes are not on the slide), after the slide's indentation is removed as HedgeDoc does.
import type { FrontmatterBlock } from "../frontmatter";
import { MAX_SLIDES } from "../render/render-limits";
import { stripSlideIndentation } from "../render/slide-indentation";

export interface Fence {
  char: string;
  length: number;
  /** Text after the fence marker: an opening fence's info string. */
  rest: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const NOTE_LINE = /^note:/i;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t](.*))?$/;

const stripCr = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);

/** The fence a line opens or closes (``` or ~~~, at most three spaces in), or null. */
export function readFence(line: string): Fence | null {
  if (line.length < 3) return null;
  const match = FENCE.exec(stripCr(line));
  if (!match) return null;
  const marker = match[1]!;
  const rest = match[2]!;
  if (marker[0] === "`" && rest.includes("`")) return null;
  return { char: marker[0]!, length: marker.length, rest };
}

/** Does `candidate` close the fence `open` opened? */
export const fenceCloses = (open: Fence, candidate: Fence | null): boolean =>
  candidate !== null && candidate.char === open.char && candidate.length >= open.length && candidate.rest.trim() === "";

/**
 * Closed fenced code blocks, found as a reader walks the lines in order: a fence's closer is looked
 * for when its opener is reached, so a reader that stops early (the first heading) reads no further.
 */
class ClosedFences {
  private readonly fences: (Fence | null | undefined)[] = [];
  /** The last line of the closed fence around the lines reached, or -1. */
  private fenceEnd = -1;
  private reached = -1;
  /**
   * For each fence character, the shortest opening length already known to have no closer: any
   * later opener at least that long has none either (this keeps hostile decks linear).
   */
  private readonly unclosedFrom: Record<string, number> = { "`": Infinity, "~": Infinity };

  /** `line(index)`: the text's line, undefined past its end. */
  constructor(private readonly line: (index: number) => string | undefined) {}

  /** Is line `index` inside a closed fence (its fence lines included)? Asked for increasing indices. */
  covers(index: number): boolean {
    while (this.reached < index) {
      this.reached++;
      if (this.reached > this.fenceEnd) this.open(this.reached);
    }
    return index <= this.fenceEnd;
  }

  private fence(index: number): Fence | null {
    let fence = this.fences[index];
    if (fence === undefined) fence = this.fences[index] = readFence(this.line(index)!);
    return fence;
  }

  private open(index: number): void {
    const open = this.fence(index);
    if (!open || open.length >= this.unclosedFrom[open.char]!) return;
    for (let next = index + 1; this.line(next) !== undefined; next++) {
      if (fenceCloses(open, this.fence(next))) {
        this.fenceEnd = next;
        return;
      }
    }
    this.unclosedFrom[open.char] = open.length;
  }
}

/** A text's lines (as `split("\n")` makes them), split only as far as they are read. */
class LazyLines {
  private readonly lines: string[] = [];
  /** Where the next line starts; -1 once the last line is read. */
  private next = 0;

  constructor(private readonly text: string) {}

  at(index: number): string | undefined {
    while (this.lines.length <= index && this.next >= 0) {
      const end = this.text.indexOf("\n", this.next);
      this.lines.push(this.text.slice(this.next, end < 0 ? this.text.length : end));
      this.next = end < 0 ? -1 : end + 1;
    }
    return this.lines[index];
  }

  /** How many lines the text has (counted, not split). */
  count(): number {
    if (this.next < 0) return this.lines.length;
    let count = this.lines.length + 1;
    for (let at = this.text.indexOf("\n", this.next); at >= 0; at = this.text.indexOf("\n", at + 1)) count++;
    return count;
  }
}

/** Marks lines inside a closed fenced code block, fence lines included. */
export function findFencedLines(lines: readonly string[]): Uint8Array {
  const fences = new ClosedFences((index) => lines[index]);
  const fenced = new Uint8Array(lines.length);
  for (let index = 0; index < lines.length; index++) if (fences.covers(index)) fenced[index] = 1;
  return fenced;
}

/**
 * The body after the frontmatter, as HedgeDoc gets it from the front-matter package: blank lines
 * right after the closing fence are dropped, so the first slide never starts with a separator.
 */
export function deckBody(markdown: string, block: FrontmatterBlock | null): { body: string; firstLine: number } {
  if (!block) return { body: markdown, firstLine: 1 };
  let offset = block.bodyOffset;
  let line = block.endLine + 1;
  for (;;) {
    const end = markdown.indexOf("\n", offset);
    if (end < 0 || markdown.slice(offset, end).trim() !== "") break;
    offset = end + 1;
    line++;
  }
  return { body: markdown.slice(offset), firstLine: line };
}

export interface SlideSource {
  /** The slide's markdown, exactly the text reveal.js would hand to the markdown renderer. */
  text: string;
  /** 1-based line in the whole document where the slide's text starts. */
  startLine: number;
  /** 1-based last line of the slide's text (≥ startLine, even for an empty slide). */
  endLine: number;
}

export interface SplitDeck {
  /** Horizontal slides, each a stack of one or more vertical slides. */
  horizontals: SlideSource[][];
  /** True when the deck had more than `maxSlides` slides and the tail was merged into the last. */
  truncated: boolean;
}

/**
 * Splits a deck's body into slides exactly where reveal.js's markdown plugin splits it with
 * HedgeDoc's separators, `^\r?\n---\r?\n$` (horizontal) and `^\r?\n----\r?\n$` (vertical) as
 * multiline regexes: a `---` or `----` line with an empty line before and after it (or with the
 * end of the text right after its newline), outside fenced code. Every slide keeps its 1-based
 * source line range for cursor ↔ slide mapping.
 * @param body the deck after its frontmatter
 * @param firstLine the 1-based document line on which `body` starts
 */
export function splitSlides(body: string, firstLine = 1, maxSlides = MAX_SLIDES): SplitDeck {
  return splitSlidesAt(body, firstLine, maxSlides).split;
}

/**
 * splitSlides, with where each slide's text starts in `body` (slides in order, stack by stack):
 * what an edit at a position needs to find its slide without reading the body again.
 */
export function splitSlidesAt(body: string, firstLine = 1, maxSlides = MAX_SLIDES): { split: SplitDeck; offsets: number[] } {
  const horizontals: SlideSource[][] = [];
  const offsets: number[] = [];
  const slides = readSlides(body, firstLine, maxSlides);
  for (let next = slides.next(); ; next = slides.next()) {
    if (next.done) return { split: { horizontals, truncated: next.value }, offsets };
    const { slide, vertical, offset } = next.value;
    offsets.push(offset);
    if (vertical && horizontals.length > 0) horizontals[horizontals.length - 1]!.push(slide);
    else horizontals.push([slide]);
  }
}

/** The slides in order, each with whether a vertical separator came before it and where its text starts; returns `truncated`. */
function* readSlides(body: string, firstLine: number, maxSlides: number): Generator<{ slide: SlideSource; vertical: boolean; offset: number }, boolean> {
  // Lines are split as the walk reaches them: a reader that stops at the first slides (the
  // library title) never splits a large deck's rest.
  const lines = new LazyLines(body);
  const fences = new ClosedFences((index) => lines.at(index));
  const slideFrom = (start: number, startOffset: number, endExclusive: number, endOffset: number): SlideSource => ({
    text: body.slice(Math.min(startOffset, body.length), endOffset),
    startLine: firstLine + start,
    endLine: firstLine + Math.max(start, endExclusive - 1),
  });
  /** The last slide runs to the end; a final "" after the body's last newline is not a line of its own. */
  const lastSlide = (start: number, startOffset: number): SlideSource => {
    const count = lines.count();
    const lastLine = count > 1 && body.endsWith("\n") ? count - 2 : count - 1;
    return slideFrom(start, startOffset, lastLine + 1, body.length);
  };

  let contentStart = 0;
  let contentOffset = 0;
  let slides = 0;
  // Whether the separator before the slide being read was a vertical one.
  let vertical = false;
  let previousOffset = 0;
  let offset = lines.at(0)!.length + 1;
  for (let index = 1; lines.at(index + 1) !== undefined; index++) {
    const text = lines.at(index)!;
    const lineOffset = offset;
    offset += text.length + 1;
    const line = stripCr(text);
    const isSeparator =
      (line === "---" || line === "----") && stripCr(lines.at(index - 1)!) === "" && stripCr(lines.at(index + 1)!) === "" && !fences.covers(index);
    if (!isSeparator) {
      previousOffset = lineOffset;
      continue;
    }
    if (slides + 1 >= maxSlides) {
      yield { slide: lastSlide(contentStart, contentOffset), vertical, offset: Math.min(contentOffset, body.length) };
      return true;
    }
    // The match starts at the empty line before the separator; the next slide at the empty line after.
    yield { slide: slideFrom(contentStart, contentOffset, index - 1, previousOffset), vertical, offset: Math.min(contentOffset, body.length) };
    vertical = line === "----";
    slides++;
    contentStart = index + 1;
    contentOffset = offset;
    previousOffset = lineOffset;
  }
  yield { slide: lastSlide(contentStart, contentOffset), vertical, offset: Math.min(contentOffset, body.length) };
  return false;
}

export interface SlideWithNotes {
  /** The slide's markdown without the notes. */
  content: string;
  /** The notes' markdown (without the `note:` marker), or null when the slide has none. */
  notes: string | null;
}

/**
 * Speaker notes: a line starting with `note:` (any case, as reveal.js's `^note:` with the `i`
 * flag) begins the notes, which run to the end of the slide. Lines inside fenced code do not count.
 */
export function splitSpeakerNotes(markdown: string): SlideWithNotes {
  if (!/^note:/im.test(markdown)) return { content: markdown, notes: null };
  const lines = markdown.split("\n");
  const fenced = findFencedLines(lines);
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!fenced[index] && NOTE_LINE.test(line)) {
      return { content: markdown.slice(0, offset), notes: markdown.slice(offset + "note:".length).trim() };
    }
    offset += line.length + 1;
  }
  return { content: markdown, notes: null };
}

export interface Heading {
  level: number;
  /** The heading's source text, without the `#` markers and the closing sequence. */
  text: string;
}

export interface SlideScan {
  /** The slide's first heading of any level. */
  firstHeading: Heading | null;
  /** Its first level-1 heading. */
  firstH1: Heading | null;
  /** Its first line of text outside fenced code that is not an HTML comment, trimmed; "" when none. */
  firstText: string;
}

function readHeading(line: string): Heading | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  // A closing sequence of `#` counts only after white space (`# C#` is "C#").
  const text = (match[2] ?? "").trim().replace(/(^|[ \t])#+$/, "").trim();
  return { level: match[1]!.length, text };
}

/** What a slide shows, as markdown-it renders it: its headings and first text, notes left out. */
export function scanSlide(slideText: string): SlideScan {
  const { content } = splitSpeakerNotes(stripSlideIndentation(slideText));
  const scan: SlideScan = { firstHeading: null, firstH1: null, firstText: "" };
  let fence: Fence | null = null;
  for (const raw of content.split("\n")) {
    const line = stripCr(raw);
    const marker = readFence(line);
    if (fence) {
      if (fenceCloses(fence, marker)) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = readHeading(line);
    // An empty heading (`#` alone) names nothing: neither a title nor text.
    if (heading && !heading.text) continue;
    if (heading) {
      scan.firstHeading ??= heading;
      if (heading.level === 1) {
        scan.firstH1 = heading;
        break;
      }
      continue;
    }
    const trimmed = line.trim();
    if (!scan.firstText && trimmed && !trimmed.startsWith("<!--")) scan.firstText = trimmed;
  }
  return scan;
}

/**
 * How far into a deck its title is looked for. The title is derived again whenever a deck is
 * stored, and a 2 MB deck without any level-1 heading would be read whole every time; past this
 * the heading would be far down a deck nobody names by it.
 */
const MAX_TITLE_SCAN_CHARS = 100_000;
/** A slide without this has no level-1 heading, even after its indentation is removed. */
const H1_HINT = /#(?:[ \t]|$)/m;

/**
 * The deck's first level-1 heading on a slide, in slide order, within its first
 * MAX_TITLE_SCAN_CHARS (about the 5,000 lines read before the scanner); null when there is none. It reads the deck only as far as that slide.
 * @param body the deck after its frontmatter (`deckBody`)
 */
export function firstDeckHeading(body: string): Heading | null {
  let left = MAX_TITLE_SCAN_CHARS;
  for (const { slide } of readSlides(body, 1, MAX_SLIDES)) {
    const text = slide.text.length > left ? slide.text.slice(0, left) : slide.text;
    const heading = H1_HINT.test(text) ? scanSlide(text).firstH1 : null;
    if (heading) return heading;
    left -= slide.text.length;
    if (left <= 0) break;
  }
  return null;
}
