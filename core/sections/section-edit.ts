// Writing a section's owner and status back into the markdown as the smallest text edit that does
// it: a few characters inside the section's own attribute comment, or one new comment line. The
// client applies it to the shared Y.Text, so what others type meanwhile, in other sections or even
// elsewhere in this one, is left alone.
import { readSections, SECTION_ATTRIBUTES, offsetsOf, type SectionStatus } from "./deck-sections";

export interface SectionChange {
  /** The owner's account id and display name; null releases the section. */
  owner?: { id: string; name: string } | null;
  status?: SectionStatus;
  continued?: boolean;
}

/** Replace `[from, to)` of the text with `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export class SectionEditError extends Error {
  override name = "SectionEditError";
}

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_NAME = 80;

/**
 * The edit that gives section `index` these attributes; null when it already has them.
 * Throws SectionEditError for a section that does not exist or an owner id that cannot be stored.
 */
export function sectionAttributeEdit(markdown: string, index: number, change: SectionChange): TextChange | null {
  const found = readSections(markdown)[index];
  if (!found) throw new SectionEditError(`This deck has no section ${index + 1}.`);
  const wanted = new Map<string, string | null>();
  if (change.owner !== undefined) {
    if (change.owner && !ACCOUNT_ID.test(change.owner.id)) throw new SectionEditError("That owner cannot be named in a deck.");
    wanted.set(SECTION_ATTRIBUTES.owner, change.owner?.id ?? null);
    wanted.set(SECTION_ATTRIBUTES.ownerName, change.owner ? attributeSafeName(change.owner.name) : null);
  }
  if (change.status !== undefined) wanted.set(SECTION_ATTRIBUTES.status, change.status);
  if (change.continued !== undefined) wanted.set(SECTION_ATTRIBUTES.continued, change.continued ? "true" : null);

  // Edit the comment that already holds section attributes, else the slide's last attribute comment.
  const { section, comments } = found;
  const holder =
    [...comments].reverse().find((comment) => Object.values(SECTION_ATTRIBUTES).some((name) => comment.attributes.has(name))) ??
    comments[comments.length - 1];
  if (holder) {
    const before = markdown.slice(holder.from, holder.to);
    const after = rewriteComment(before, wanted);
    return after === before ? null : minimalChange(holder.from, before, after);
  }
  const attributes = [...wanted].filter((entry): entry is [string, string] => entry[1] !== null);
  if (attributes.length === 0) return null;
  const comment = `<!-- .slide: ${attributes.map(([name, value]) => `${name}="${value}"`).join(" ")} -->`;
  return newCommentChange(markdown, section.startLine, section.firstSlideEndLine, comment);
}

/** Applies a change to a string (what the Y.Text does on the client). */
export function applyTextChange(text: string, change: TextChange | null): string {
  return change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;
}

/**
 * A display name as an attribute value the renderer reads back intact: HedgeDoc's attribute syntax
 * allows neither `"` nor `=`, a colon would read as a URL scheme, and `>` could end the comment.
 */
export function attributeSafeName(name: string): string {
  const cleaned = name
    .replace(/["=<>:!\\]/g, " ")
    .replace(/-{2,}/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_NAME)
    .trim();
  return cleaned || "someone";
}

function rewriteComment(comment: string, wanted: Map<string, string | null>): string {
  let result = comment;
  for (const [name, value] of wanted) {
    const existing = new RegExp(`(\\s*)${name.replace(/[-]/g, "\\-")}="[^"=]*"`, "i");
    const match = existing.exec(result);
    if (match) {
      const replacement = value === null ? "" : `${match[1]}${name}="${value}"`;
      result = result.slice(0, match.index) + replacement + result.slice(match.index + match[0].length);
    } else if (value !== null) {
      const end = result.lastIndexOf("-->");
      const head = result.slice(0, end).replace(/\s*$/, "");
      result = `${head} ${name}="${value}" ${result.slice(end)}`;
    }
  }
  return result;
}

/** Only the characters that differ between `before` and `after` (both starting at `offset`). */
function minimalChange(offset: number, before: string, after: string): TextChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: offset + start, to: offset + before.length - end, insert: after.slice(start, after.length - end) };
}

/** A new comment line before the slide's first text (never between a separator and its blank line). */
function newCommentChange(markdown: string, startLine: number, endLine: number, comment: string): TextChange {
  const lines = markdown.split("\n");
  const offsets = offsetsOf(lines);
  let line = startLine;
  while (line < endLine && lines[line - 1]!.trim() === "") line++;
  const at = offsets[line - 1] ?? markdown.length;
  // An empty slide: keep a blank line on both sides of the comment, which separators need.
  if ((lines[line - 1] ?? "").trim() === "") return { from: at, to: at, insert: `\n${comment}\n` };
  return { from: at, to: at, insert: `${comment}\n` };
}
