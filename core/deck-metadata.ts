// The derived metadata shown in the library: a deck's title and tags, read from its markdown the
// way HedgeDoc reads them (frontmatter `title`, else the first level-1 heading; `tags` as a list
// or a comma-separated string). The heading is found by the deck scanner, so it is the one the
// slides and the editor's outline show.
import { findFrontmatter, parseFrontmatter } from "./frontmatter";
import { deckBody, firstDeckHeading } from "./markdown/deck-scanner";

export interface DeckMetadataFields {
  title: string;
  tags: string[];
}

const MAX_TITLE_LENGTH = 200;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 64;

export function extractDeckMetadata(markdown: string): DeckMetadataFields {
  const block = findFrontmatter(markdown);
  const data = block ? parseFrontmatter(block).data : {};
  const frontmatterTitle = cleanTitle(typeof data.title === "string" ? data.title : "");
  const title = frontmatterTitle || cleanTitle(firstDeckHeading(deckBody(markdown, block).body)?.text ?? "");
  return { title, tags: parseTags(data.tags) };
}

/** Plain text of a heading: no HTML tags, no emphasis markers, collapsed white space. */
function cleanTitle(raw: string): string {
  const text = raw
    .replace(/<[^>]*>/g, "")
    .replace(/(\*\*|__|~~|==)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_TITLE_LENGTH ? `${text.slice(0, MAX_TITLE_LENGTH - 1)}…` : text;
}

function parseTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const tags: string[] = [];
  for (const item of raw) {
    if (typeof item !== "string" && typeof item !== "number") continue;
    const tag = String(item).trim().slice(0, MAX_TAG_LENGTH);
    if (tag && !tags.includes(tag)) tags.push(tag);
    if (tags.length >= MAX_TAGS) break;
  }
  return tags;
}
