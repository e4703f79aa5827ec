// splitSlides again after a keystroke, without reading the whole deck again when it cannot have
// changed the slides: an edit within one line that is, before and after, neither blank, nor a
// separator, nor a code fence changes only the text of the slide holding that line. Anything else
// (a new line, a fence, a separator, the frontmatter's length) splits the whole body, as before.
// On a 2 MB deck this turns a split of ~50,000 lines into finding the changed line.
import { splitSlides, type SlideSource, type SplitDeck } from "./slide-splitter";

/** Could change where slides start or which lines are code: blank, `---`/`----`, a fence. */
const STRUCTURAL_LINE = /^\s*$|^(?:---|----)\r?$|^[ \t]*(?:`{3,}|~{3,})/;
/** Compared in slices of this length first (string comparison is native), then by character. */
const CHUNK = 4096;

export interface IncrementalSplitter {
  split(body: string, firstLine: number): SplitDeck;
}

export function createIncrementalSplitter(maxSlides?: number): IncrementalSplitter {
  let last: { body: string; firstLine: number; split: SplitDeck } | null = null;
  return {
    split(body, firstLine) {
      const reused = last && last.firstLine === firstLine ? editWithinLine(last.body, body, last.split, firstLine) : null;
      const split = reused ?? splitSlides(body, firstLine, maxSlides);
      last = { body, firstLine, split };
      return split;
    },
  };
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
