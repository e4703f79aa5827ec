// reveal.js's URL hash for a slide, `#/h`, `#/h/v` or `#/h/v/f`, kept in the slideshow's own URL
// (reveal.js runs in a sandboxed frame whose URL nobody sees).
import { parseSlideIndices, type SlideIndices } from "@/core/deck-frame-protocol";

export function slideHash(position: SlideIndices): string {
  const f = position.f ?? -1;
  if (f >= 0) return `#/${position.h}/${position.v}/${f}`;
  return position.v > 0 ? `#/${position.h}/${position.v}` : `#/${position.h}`;
}

export function parseSlideHash(hash: string): SlideIndices | null {
  const match = /^#\/(\d{1,5})(?:\/(\d{1,5}))?(?:\/(-?\d{1,5}))?\/?$/.exec(hash);
  if (!match) return null;
  return parseSlideIndices({ h: Number(match[1]), v: Number(match[2] ?? 0), ...(match[3] === undefined ? {} : { f: Number(match[3]) }) });
}
