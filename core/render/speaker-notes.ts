// Speaker notes: a line starting with `note:` (any case, as reveal.js's `^note:` with the `i`
// flag) begins the notes, which run to the end of the slide. Lines inside fenced code do not
// count. The notes are markdown too; they never appear in the slide itself.
import { findFencedLines } from "./fenced-code";

export interface SlideWithNotes {
  /** The slide's markdown without the notes. */
  content: string;
  /** The notes' markdown (without the `note:` marker), or null when the slide has none. */
  notes: string | null;
}

const NOTE_LINE = /^note:/i;

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
