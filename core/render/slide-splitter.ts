// Splits a deck's body into slides exactly where reveal.js's markdown plugin splits it with
// HedgeDoc's separators, `^\r?\n---\r?\n$` (horizontal) and `^\r?\n----\r?\n$` (vertical) as
// multiline regexes: a `---` or `----` line with an empty line before and after it (or with the
// end of the text right after its newline). Separators inside fenced code blocks do not count.
// Every slide keeps its 1-based source line range for cursor ↔ slide mapping.
import { findFencedLines } from "./fenced-code";
import { MAX_SLIDES } from "./render-limits";

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

const stripCr = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);

/**
 * @param body the deck after its frontmatter
 * @param firstLine the 1-based document line on which `body` starts
 */
export function splitSlides(body: string, firstLine = 1, maxSlides = MAX_SLIDES): SplitDeck {
  const lines = body.split("\n");
  const offsets = new Array<number>(lines.length);
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    offsets[index] = offset;
    offset += lines[index]!.length + 1;
  }
  // `lines` ends with "" when the body ends with a newline: that is not a line of its own.
  const lastLine = lines.length > 1 && lines[lines.length - 1] === "" ? lines.length - 2 : lines.length - 1;
  const fenced = findFencedLines(lines);

  const horizontals: SlideSource[][] = [];
  let contentStart = 0;
  let slides = 0;
  let truncated = false;
  // Whether the separator before the slide being placed was a vertical one.
  let pendingVertical = false;
  const place = (slide: SlideSource): void => {
    if (pendingVertical && horizontals.length > 0) horizontals[horizontals.length - 1]!.push(slide);
    else horizontals.push([slide]);
  };
  const slideFrom = (start: number, endExclusive: number, endOffset: number): SlideSource => ({
    text: body.slice(offsets[start] ?? body.length, endOffset),
    startLine: firstLine + start,
    endLine: firstLine + Math.max(start, endExclusive - 1),
  });

  for (let index = 1; index + 1 < lines.length; index++) {
    const line = stripCr(lines[index]!);
    if (line !== "---" && line !== "----") continue;
    if (fenced[index] || stripCr(lines[index - 1]!) !== "" || stripCr(lines[index + 1]!) !== "") continue;
    if (slides + 1 >= maxSlides) {
      truncated = true;
      break;
    }
    // The match starts at the empty line before the separator; the next slide at the empty line after.
    const slide = slideFrom(contentStart, index - 1, offsets[index - 1]!);
    place(slide);
    pendingVertical = line === "----";
    slides++;
    contentStart = index + 1;
  }
  const last = slideFrom(contentStart, lastLine + 1, body.length);
  place(last);
  return { horizontals, truncated };
}
