// splitSlides again after a keystroke, without reading the whole deck again when it cannot have
// changed the slides: an edit within one line that is, before and after, neither blank, nor a
// separator, nor a code fence changes only the text of the slide holding that line. Anything else
// (a new line, a fence, a separator, the frontmatter's length) splits the whole body, as before.
// On a 2 MB deck this turns a split of ~50,000 lines into finding the changed line; given the
// edit's position (a Yjs delta) rather than the new body, into a binary search among the slides.
import { splitSlidesAt, type SlideSource, type SplitDeck } from "../markdown/deck-scanner";

/** Could change where slides start or which lines are code: blank, `---`/`----`, a fence. */
const STRUCTURAL_LINE = /^\s*$|^(?:---|----)\r?$|^[ \t]*(?:`{3,}|~{3,})/;
/** Compared in slices of this length first (string comparison is native), then by character. */
const CHUNK = 4096;

/** Where an edit changed a split: the slide (horizontal, vertical) and its text before. */
export interface SlideEdit {
  split: SplitDeck;
  h: number;
  v: number;
  before: SlideSource;
  /** Lines the edit added (negative: removed): every later slide moved by as many. */
  lineShift: number;
}

export interface IncrementalSplitter {
  split(body: string, firstLine: number): SplitDeck;
  /**
   * The last split with body[from, to) replaced by `insert`, when that is an edit within one
   * non-structural line of one slide; null (the split unchanged) when the body must be split again.
   */
  edit(from: number, to: number, insert: string): SlideEdit | null;
}

interface LastSplit {
  /** The body split; null once edits changed the split without the body (the next split reads all). */
  body: string | null;
  firstLine: number;
  split: SplitDeck;
  /** Where each slide's text starts in the body, slides in order; null when not known. */
  offsets: number[] | null;
  /** For each slide in order, its horizontal and vertical index. */
  positions: { h: number; v: number }[] | null;
}

export function createIncrementalSplitter(maxSlides?: number): IncrementalSplitter {
  let last: LastSplit | null = null;
  return {
    split(body, firstLine) {
      const reused = last && last.body !== null && last.firstLine === firstLine ? editWithinLine(last.body, body, last.split, firstLine) : null;
      if (reused) {
        last = { body, firstLine, split: reused, offsets: shiftedOffsets(last!, reused, body.length - last!.body!.length), positions: last!.positions };
        return reused;
      }
      const { split, offsets } = splitSlidesAt(body, firstLine, maxSlides);
      last = { body, firstLine, split, offsets, positions: positionsOf(split) };
      return split;
    },
    edit(from, to, insert) {
      if (!last || last.offsets === null || last.positions === null) return null;
      const { offsets, positions } = last;
      const index = slideAtOffset(offsets, from);
      if (index < 0) return null;
      const { h, v } = positions[index]!;
      const slide = last.split.horizontals[h]![v]!;
      const start = from - offsets[index]!;
      const end = to - offsets[index]!;
      if (end > slide.text.length) return null; // beyond the slide's text: a separator's lines
      if (!keepsSlides(slide.text, start, end, insert)) return null;
      const lineShift = newlines(insert) - newlines(slide.text.slice(start, end));
      const edited: SlideSource = { ...slide, text: slide.text.slice(0, start) + insert + slide.text.slice(end), endLine: slide.endLine + lineShift };
      const horizontals = last.split.horizontals.slice();
      const moved = (source: SlideSource): SlideSource => ({ ...source, startLine: source.startLine + lineShift, endLine: source.endLine + lineShift });
      horizontals[h] = horizontals[h]!.map((other, at) => (at === v ? edited : at > v && lineShift !== 0 ? moved(other) : other));
      // Lines added or removed move every later slide's lines.
      if (lineShift !== 0) for (let after = h + 1; after < horizontals.length; after++) horizontals[after] = horizontals[after]!.map(moved);
      const split = { horizontals, truncated: last.split.truncated };
      const shift = insert.length - (to - from);
      const shifted = shift === 0 ? offsets : offsets.map((offset, at) => (at > index ? offset + shift : offset));
      last = { body: null, firstLine: last.firstLine, split, offsets: shifted, positions };
      return { split, h, v, before: slide, lineShift };
    },
  };
}

/** The same slides but one edited in place: the slides after it start `shift` characters later. */
function shiftedOffsets(last: LastSplit, split: SplitDeck, shift: number): number[] | null {
  if (last.offsets === null || last.positions === null) return null;
  if (shift === 0) return last.offsets;
  const edited = last.positions.findIndex(({ h, v }) => split.horizontals[h]![v] !== last.split.horizontals[h]![v]);
  return edited < 0 ? null : last.offsets.map((offset, at) => (at > edited ? offset + shift : offset));
}

const SEPARATOR_LINE = /^(?:---|----)\r?$/;
const FENCE_LINE = /^[ \t]*(?:`{3,}|~{3,})/;
const BLANK_LINE = /^\r?$/;

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Whether replacing text[start, end) of a slide by `insert` leaves every slide boundary where it
 * was. A separator is a `---`/`----` line between blank lines, outside fenced code: so the lines
 * the edit touches must, before and after it, be neither separators nor fences, and if any of
 * them is blank, the lines around them (within the slide) must not be `---`/`----` either.
 */
function keepsSlides(text: string, start: number, end: number, insert: string): boolean {
  const lineStart = start === 0 ? 0 : text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = endOfLine(text, end);
  const before = text.slice(lineStart, lineEnd).split("\n");
  const after = (text.slice(lineStart, start) + insert + text.slice(end, lineEnd)).split("\n");
  const touched = [...before, ...after];
  if (touched.some((line) => SEPARATOR_LINE.test(line) || FENCE_LINE.test(line))) return false;
  if (!touched.some((line) => BLANK_LINE.test(line))) return true;
  // The lines around: within the slide's text (its first and last lines border separators).
  if (lineStart === 0 || lineEnd >= text.length) return false;
  const previous = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1);
  const next = text.slice(lineEnd + 1, endOfLine(text, lineEnd + 1));
  return !SEPARATOR_LINE.test(previous) && !SEPARATOR_LINE.test(next);
}

function positionsOf(split: SplitDeck): { h: number; v: number }[] {
  const positions: { h: number; v: number }[] = [];
  split.horizontals.forEach((stack, h) => stack.forEach((_, v) => positions.push({ h, v })));
  return positions;
}

/** The last slide whose text starts at or before `offset`; -1 before the first. */
function slideAtOffset(offsets: number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The split of `after`, from that of `before`, when they differ within one non-structural line. */
function editWithinLine(before: string, after: string, split: SplitDeck, firstLine: number): SplitDeck | null {
  if (before === after) return split;
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shorter);
  const suffix = commonSuffix(before, after, shorter - start);
  const removed = before.slice(start, before.length - suffix);
  const inserted = after.slice(start, after.length - suffix);
  if (removed.includes("\n") || inserted.includes("\n")) return null;
  const lineStart = before.lastIndexOf("\n", start - 1) + 1;
  const lineEndBefore = endOfLine(before, start);
  const lineEndAfter = endOfLine(after, start);
  if (STRUCTURAL_LINE.test(before.slice(lineStart, lineEndBefore)) || STRUCTURAL_LINE.test(after.slice(lineStart, lineEndAfter))) return null;

  // The slide holding the line, by its 0-based line in the body.
  let line = 0;
  for (let at = before.indexOf("\n"); at >= 0 && at < lineStart; at = before.indexOf("\n", at + 1)) line++;
  const documentLine = firstLine + line;
  for (let h = 0; h < split.horizontals.length; h++) {
    const stack = split.horizontals[h]!;
    for (let v = 0; v < stack.length; v++) {
      const slide = stack[v]!;
      if (documentLine < slide.startLine || documentLine > slide.endLine) continue;
      // Where the line starts in the slide's text: after (documentLine - startLine) newlines.
      let offset = 0;
      for (let skipped = slide.startLine; skipped < documentLine; skipped++) {
        offset = slide.text.indexOf("\n", offset) + 1;
        if (offset === 0) return null;
      }
      const at = offset + (start - lineStart);
      if (slide.text.slice(at, at + removed.length) !== removed) return null; // the text is not where it should be
      const edited: SlideSource = { ...slide, text: slide.text.slice(0, at) + inserted + slide.text.slice(at + removed.length) };
      const horizontals = split.horizontals.slice();
      horizontals[h] = stack.map((other, index) => (index === v ? edited : other));
      return { horizontals, truncated: split.truncated };
    }
  }
  return null; // a line in no slide: past the slide limit, or between slides
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

function commonPrefix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(length, length + CHUNK) === b.slice(length, length + CHUNK)) length += CHUNK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

