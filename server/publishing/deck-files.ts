// What a published deck looks like in the minutes repository: `<series folder>/<YYYYMMDD>.md`
// (the call date), its images beside it under their content-addressed names, links rewritten to
// those relative names; decks outside a series go to `decks/<YYYYMMDD>-<slug>.md` (the date in
// their title, else the day they were created, as the archive export names them: stable across
// edits). The commit names the deck's editors as co-authors.
import { createHash } from "node:crypto";
import { deckDate, slugify } from "../../core/library/archive-layout";
import { collectMedia, type MediaReader } from "../library/deck-bundle";

export interface PublishableDeck {
  id: string;
  title: string;
  markdown: string;
  createdAt: Date;
  callDate: Date | null;
  seriesFolder: string | null;
}

export interface DeckFiles {
  /** The markdown's path; the images are in the same folder. */
  path: string;
  files: { path: string; bytes: Uint8Array }[];
  /** SHA-256 over every path and its bytes: equal hashes, nothing to commit. */
  hash: string;
}

export const FALLBACK_FOLDER = "decks";

/** The markdown path a deck wants (before collisions with other decks are resolved). */
export function preferredPath(deck: Omit<PublishableDeck, "markdown">): string {
  const folder = deck.seriesFolder === null ? null : safeFolder(deck.seriesFolder);
  if (folder !== null) {
    const compact = deck.callDate ? deck.callDate.toISOString().slice(0, 10).replaceAll("-", "") : deckDate(deck).compact;
    return `${folder}/${compact}.md`;
  }
  const { compact, fromTitle } = deckDate(deck);
  const title = fromTitle ? deck.title.replace(fromTitle, "") : deck.title;
  return `${FALLBACK_FOLDER}/${compact}-${slugify(title)}.md`;
}

/** Another deck already has `path`: this one gets its id appended ("20240718-3f2a9c1d.md"). */
export function disambiguate(path: string, deckId: string): string {
  return path.replace(/\.md$/, `-${deckId.slice(0, 8).toLowerCase()}.md`);
}

export async function deckFiles(deck: PublishableDeck, path: string, media: MediaReader): Promise<DeckFiles> {
  const folder = path.slice(0, path.lastIndexOf("/") + 1);
  // Links relative to the markdown's own folder: the image files sit right beside it.
  const { markdown, mediaFiles } = await collectMedia(deck.markdown, "", media);
  const files = [
    { path, bytes: new TextEncoder().encode(markdown) },
    ...mediaFiles.map((file) => ({ path: `${folder}${file.name}`, bytes: file.bytes })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.path}\0${file.bytes.byteLength}\0`).update(file.bytes);
  return { path, files, hash: hash.digest("hex") };
}

/** A series folder as a safe relative path ("community-call", "calls/ops"), or null if it is not one. */
export function safeFolder(folder: string): string | null {
  const segments = folder.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._-]+$/.test(segment) || segment === "." || segment === ".." || segment.toLowerCase() === ".git") return null;
  }
  return segments.join("/");
}

export interface Editor {
  id: string;
  name: string;
}

/**
 * `Co-authored-by:` trailers for the deck's editors. Their sign-in addresses were never chosen for
 * publication, so each gets a stable no-reply address made from their account id on this Podium
 * (`<id>@users.noreply.<host>`): the name is public, the address reveals nothing.
 */
export function coAuthorTrailers(editors: Editor[], publicHost: string): string[] {
  const seen = new Set<string>();
  return editors
    .filter((editor) => !seen.has(editor.id) && seen.add(editor.id))
    .map((editor) => ({ ...editor, name: editor.name.replace(/[<>\r\n]+/g, " ").replace(/\s+/g, " ").trim() || "Podium user" }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((editor) => `Co-authored-by: ${editor.name} <${editor.id.replace(/[^A-Za-z0-9._-]/g, "")}@users.noreply.${publicHost}>`);
}

export function commitMessage(deck: { title: string; id: string }, path: string, deckLink: string, trailers: string[]): string {
  const title = deck.title.replace(/[\r\n]+/g, " ").trim() || "Untitled deck";
  const body = `Published from Podium: ${deckLink}`;
  return `${path}: ${title}\n\n${body}${trailers.length > 0 ? `\n\n${trailers.join("\n")}` : ""}\n`;
}
