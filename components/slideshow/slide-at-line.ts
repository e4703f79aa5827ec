// The slide a source line belongs to, from the slide separators alone (no rendering): where
// "Start presenting" opens the slideshow.
import { findFrontmatter } from "@/core/frontmatter";
import { deckBody, splitSlides } from "@/core/render";
import type { SlideIndices } from "@/core/deck-frame-protocol";

export function slideAtLine(markdown: string, line: number): SlideIndices {
  const { body, firstLine } = deckBody(markdown, findFrontmatter(markdown));
  let found: SlideIndices = { h: 0, v: 0 };
  const { horizontals } = splitSlides(body, firstLine);
  for (let h = 0; h < horizontals.length; h++) {
    for (let v = 0; v < horizontals[h]!.length; v++) {
      if (horizontals[h]![v]!.startLine > line) return found;
      found = { h, v };
    }
  }
  return found;
}
