// What tells a deck from others of the same title in the library ("SCS Community Call" × 103),
// for decks without a call date: a date in its title slide, else its first heading when that is
// not just the title again.
import { extractDeckMetadata } from "../deck-metadata";
import { dateFromTitleSlide, titleSlideText } from "./deck-date";

export function deckDistinction(markdownHead: string, title: string): string | null {
  const date = dateFromTitleSlide(markdownHead);
  if (date && "date" in date) return date.date;
  const heading = firstHeadingText(markdownHead);
  if (heading && heading.toLowerCase() !== title.toLowerCase()) return heading;
  return null;
}

function firstHeadingText(markdown: string): string | null {
  // The title slide's first heading, read as the library reads titles (no frontmatter title).
  const body = titleSlideText(markdown).split("\n").slice(1).join("\n");
  const { title } = extractDeckMetadata(body);
  return title || null;
}
