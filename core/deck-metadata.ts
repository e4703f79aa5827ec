// The derived metadata shown in the library: a deck's title and tags, read from its markdown the
// way HedgeDoc reads them (frontmatter `title`, else the first level-1 heading; `tags` as a list
// or a comma-separated string).
import { findFrontmatter, parseFrontmatter } from "./frontmatter";

export interface DeckMetadataFields {
  title: string;
  tags: string[];
}

const MAX_TITLE_LENGTH = 200;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 64;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

export function extractDeckMetadata(markdown: string): DeckMetadataFields {
  const block = findFrontmatter(markdown);
  const data = block ? parseFrontmatter(block).data : {};
  const body = block ? markdown.slice(block.bodyOffset) : markdown;
  const frontmatterTitle = typeof data.title === "string" ? data.title : "";
  const title = cleanTitle(frontmatterTitle) || cleanTitle(firstHeading(body) ?? "");
  return { title, tags: parseTags(data.tags) };
}

function firstHeading(body: string): string | null {
  let fence: string | null = null;
  for (const line of body.split("\n", 5000)) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = H1.exec(line);
    if (heading) return heading[1]!;
  }
  return null;
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
