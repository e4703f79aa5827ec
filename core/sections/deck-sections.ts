// A deck's sections: each horizontal slide with its vertical ones, as a team lead owns it in a
// community call ("Team IaaS — Report by …"). Who owns a section and how far it is are stored in
// the markdown itself, as a HedgeDoc-style attribute comment on the section's first slide:
//   <!-- .slide: data-owner="<account id>" data-owner-name="Ada" data-status="ready" -->
// so they survive export, import, revisions and a trip through HedgeDoc (which puts data-* on the
// <section> and ignores them). The owner is named by the account's id, never by its email address:
// decks are published to public minutes repositories, and an id means nothing outside Podium;
// data-owner-name is there for the humans reading the markdown (it may go stale, the id does not).
// Split with the renderer's own splitter, so sections are exactly the slides the preview shows.
import { findFrontmatter } from "../frontmatter";
import { parseAttributeComment } from "../render/attribute-comment";
import { deckBody } from "../render/deck-renderer";
import { findFencedLines } from "../render/fenced-code";
import { splitSlides } from "../render/slide-splitter";

export const SECTION_STATUSES = ["todo", "writing", "ready"] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = { todo: "to do", writing: "writing", ready: "ready" };

/** The attributes this feature reads and writes, as they appear in the comment. */
export const SECTION_ATTRIBUTES = {
  owner: "data-owner",
  ownerName: "data-owner-name",
  status: "data-status",
  continued: "data-continued",
} as const;

export interface DeckSection {
  /** Horizontal index of the section's first slide (reveal.js's `h`). */
  index: number;
  title: string;
  /** The owner's account id; null when nobody claimed it. */
  owner: string | null;
  ownerName: string | null;
  status: SectionStatus;
  /** Marked to be carried into the next call's deck (carry-over.ts). */
  continued: boolean;
  /** Has any section attribute: counts in the readiness summary (an untouched slide does not). */
  tracked: boolean;
  /** 1-based document lines: the section's first slide's first line and its last slide's last line. */
  startLine: number;
  endLine: number;
  /** 1-based document lines of the section's first slide (where its attribute comment lives). */
  firstSlideEndLine: number;
}

/** What the server keeps in Deck.sections (only the tracked sections): [{ index, title, owner, … }]. */
export interface StoredSection {
  index: number;
  title: string;
  owner: string | null;
  ownerName: string | null;
  status: SectionStatus;
  continued: boolean;
}

/** A single-line attribute comment on a section's first slide, with its place in the document. */
export interface SlideComment {
  /** Offsets in the whole document of `<!--` and just after `-->`. */
  from: number;
  to: number;
  attributes: Map<string, string>;
}

const MAX_TITLE = 120;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
const COMMENT = /<!--([\s\S]*?)-->/g;

export function isSectionStatus(value: unknown): value is SectionStatus {
  return typeof value === "string" && (SECTION_STATUSES as readonly string[]).includes(value);
}

/** Every horizontal slide of the deck as a section. */
export function parseSections(markdown: string): DeckSection[] {
  return readSections(markdown).map(({ section }) => section);
}

/** The sections as stored in Deck.sections: the tracked ones, without their line ranges. */
export function sectionSummary(markdown: string): StoredSection[] {
  return parseSections(markdown)
    .filter((section) => section.tracked)
    .map(({ index, title, owner, ownerName, status, continued }) => ({ index, title, owner, ownerName, status, continued }));
}

/** The sections with the attribute comments of their first slides (for section-edit.ts). */
export function readSections(markdown: string): Array<{ section: DeckSection; comments: SlideComment[] }> {
  const lines = markdown.split("\n");
  const lineOffsets = offsetsOf(lines);
  const fenced = findFencedLines(lines);
  const { body, firstLine } = deckBody(markdown, findFrontmatter(markdown));
  return splitSlides(body, firstLine).horizontals.map((stack, index) => {
    const first = stack[0]!;
    const last = stack[stack.length - 1]!;
    const comments: SlideComment[] = [];
    for (let line = first.startLine; line <= first.endLine && line <= lines.length; line++) {
      if (fenced[line - 1] || !lines[line - 1]!.includes("<!--")) continue;
      for (const match of lines[line - 1]!.matchAll(COMMENT)) {
        const comment = parseAttributeComment(match[1]!);
        if (comment?.kind !== "slide") continue;
        const from = lineOffsets[line - 1]! + match.index;
        comments.push({ from, to: from + match[0].length, attributes: new Map(comment.attributes) });
      }
    }
    // Later comments win, as the renderer merges them.
    const attributes = new Map<string, string>();
    for (const comment of comments) for (const [name, value] of comment.attributes) attributes.set(name, value);
    const status = attributes.get(SECTION_ATTRIBUTES.status);
    const owner = attributes.get(SECTION_ATTRIBUTES.owner) ?? null;
    const section: DeckSection = {
      index,
      title: sectionTitle(lines, first.startLine, first.endLine, fenced),
      owner,
      ownerName: owner === null ? null : (attributes.get(SECTION_ATTRIBUTES.ownerName) ?? null),
      status: isSectionStatus(status) ? status : "todo",
      continued: attributes.get(SECTION_ATTRIBUTES.continued) === "true",
      tracked: Object.values(SECTION_ATTRIBUTES).some((name) => attributes.has(name)),
      startLine: first.startLine,
      endLine: last.endLine,
      firstSlideEndLine: first.endLine,
    };
    return { section, comments };
  });
}

/** Offsets of each line's first character. */
export function offsetsOf(lines: readonly string[]): number[] {
  const offsets = new Array<number>(lines.length);
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    offsets[index] = offset;
    offset += lines[index]!.length + 1;
  }
  return offsets;
}

/** The first heading of the slide, else its first line of text; plain text. */
function sectionTitle(lines: readonly string[], startLine: number, endLine: number, fenced: Uint8Array): string {
  let fallback = "";
  for (let line = startLine; line <= endLine && line <= lines.length; line++) {
    if (fenced[line - 1]) continue;
    const text = lines[line - 1]!.replace(/\r$/, "");
    const heading = HEADING.exec(text);
    if (heading) return plainText(heading[1]!);
    if (!fallback) fallback = plainText(text.replace(COMMENT, ""));
  }
  return fallback;
}

function plainText(raw: string): string {
  const text = raw
    .replace(/<[^>]*>/g, "")
    .replace(/(\*\*|__|~~|==|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}
