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
import { createIncrementalSplitter } from "../render/incremental-split";
import { RenderCache } from "../render/render-cache";
import { splitSlides, type SlideSource } from "../render/slide-splitter";

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
    const comments = slideComments(lines, first.startLine - 1, Math.min(first.endLine, lines.length), fenced, lineOffsets);
    const section: DeckSection = {
      index,
      ...sectionFields(comments, sectionTitle(lines, first.startLine - 1, Math.min(first.endLine, lines.length), fenced)),
      startLine: first.startLine,
      endLine: last.endLine,
      firstSlideEndLine: first.endLine,
    };
    return { section, comments };
  });
}

/** What a section takes from its first slide's text alone. */
type SlideFields = Omit<DeckSection, "index" | "startLine" | "endLine" | "firstSlideEndLine">;

/**
 * Reads one deck's sections again and again as it is edited (the editor's outline), reading again
 * only the first slides whose text changed, kept by their text as the renderer keeps its HTML
 * (core/render/render-cache.ts); typing within a line splits the deck without reading it
 * (core/render/incremental-split.ts). Sections that did not change keep their very objects.
 * The result is parseSections's.
 */
export interface SectionsReader {
  read(markdown: string): DeckSection[];
  /** How many first slides the reader has read so far (its work, for tests). */
  readonly slidesRead: number;
}

/** A line that may open a fence: in the frontmatter, it could fence lines of the body (see below). */
const FENCE_LIKE = /^ {0,3}(?:`{3}|~{3})/m;
/** First slides of past edits kept beyond those of the last read (an undo brings them back). */
const RECENT_SLIDES = 64;

export function createSectionsReader(): SectionsReader {
  const splitter = createIncrementalSplitter();
  const readings = new RenderCache<SlideFields>(RECENT_SLIDES);
  let previous: DeckSection[] = [];
  let slidesRead = 0;

  const read = (slide: SlideSource): SlideFields => {
    let fields = readings.get(slide.text);
    if (!fields) {
      slidesRead++;
      fields = slideFields(slide.text);
      readings.set(slide.text, fields);
    }
    return fields;
  };

  return {
    get slidesRead() {
      return slidesRead;
    },
    read(markdown) {
      const block = findFrontmatter(markdown);
      const { body, firstLine } = deckBody(markdown, block);
      // readSections finds fenced code in the whole document: a fence opened in the frontmatter
      // could reach into the body, so such a deck is read whole. Elsewhere fenced code never spans
      // a separator, so each slide's fences are its own.
      if (block && FENCE_LIKE.test(markdown.slice(0, markdown.length - body.length))) return (previous = parseSections(markdown));
      const sections = splitter.split(body, firstLine).horizontals.map((stack, index): DeckSection => {
        const first = stack[0]!;
        const fields = read(first);
        const endLine = stack[stack.length - 1]!.endLine;
        const old = previous[index];
        // Compared before a new object is made: most sections are the old ones.
        if (old && old.startLine === first.startLine && old.endLine === endLine && old.firstSlideEndLine === first.endLine && sameFields(old, fields)) return old;
        return { index, ...fields, startLine: first.startLine, endLine, firstSlideEndLine: first.endLine };
      });
      readings.endRender();
      previous = sections;
      return sections;
    },
  };
}

export function sameSection(a: DeckSection, b: DeckSection): boolean {
  return a === b || (a.index === b.index && a.startLine === b.startLine && a.endLine === b.endLine && a.firstSlideEndLine === b.firstSlideEndLine && sameFields(a, b));
}

function sameFields(a: SlideFields, b: SlideFields): boolean {
  return a.title === b.title && a.owner === b.owner && a.ownerName === b.ownerName && a.status === b.status && a.continued === b.continued && a.tracked === b.tracked;
}

/** A first slide's fields from its text: its lines are the document's from its startLine to its endLine. */
function slideFields(text: string): SlideFields {
  const lines = text.split("\n");
  // The newline ending the slide's last line starts no line of the slide.
  if (lines.length > 1 && text.endsWith("\n")) lines.pop();
  const fenced = findFencedLines(lines);
  return sectionFields(slideComments(lines, 0, lines.length, fenced, offsetsOf(lines)), sectionTitle(lines, 0, lines.length, fenced));
}

/** The slide attribute comments on lines [from, to) (0-based), at their offsets by `lineOffsets`. */
function slideComments(lines: readonly string[], from: number, to: number, fenced: Uint8Array, lineOffsets: readonly number[]): SlideComment[] {
  const comments: SlideComment[] = [];
  for (let line = from; line < to; line++) {
    if (fenced[line] || !lines[line]!.includes("<!--")) continue;
    for (const match of lines[line]!.matchAll(COMMENT)) {
      const comment = parseAttributeComment(match[1]!);
      if (comment?.kind !== "slide") continue;
      const offset = lineOffsets[line]! + match.index;
      comments.push({ from: offset, to: offset + match[0].length, attributes: new Map(comment.attributes) });
    }
  }
  return comments;
}

function sectionFields(comments: readonly SlideComment[], title: string): SlideFields {
  // Later comments win, as the renderer merges them.
  const attributes = new Map<string, string>();
  for (const comment of comments) for (const [name, value] of comment.attributes) attributes.set(name, value);
  const status = attributes.get(SECTION_ATTRIBUTES.status);
  const owner = attributes.get(SECTION_ATTRIBUTES.owner) ?? null;
  return {
    title,
    owner,
    ownerName: owner === null ? null : (attributes.get(SECTION_ATTRIBUTES.ownerName) ?? null),
    status: isSectionStatus(status) ? status : "todo",
    continued: attributes.get(SECTION_ATTRIBUTES.continued) === "true",
    tracked: Object.values(SECTION_ATTRIBUTES).some((name) => attributes.has(name)),
  };
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

/** The first heading on lines [from, to) (0-based), else their first line of text; plain text. */
function sectionTitle(lines: readonly string[], from: number, to: number, fenced: Uint8Array): string {
  let fallback = "";
  for (let line = from; line < to; line++) {
    if (fenced[line]) continue;
    const text = lines[line]!.replace(/\r$/, "");
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
