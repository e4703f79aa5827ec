// Files a deck leaves Podium as: a bundle `.zip` (deck.md, media/, meta.json) for one deck, and
// the archive `.zip` of many, laid out for a git repository (<year>/<yyyymmdd>-<slug>.md with its
// media beside it, manifest.json with checksums). Links to Podium media are rewritten to the
// files in the zip, so the result is readable without Podium.
import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { planArchiveLayout } from "../../core/library/archive-layout";
import { parseMediaUrl } from "../../core/library/media-url";
import { rewriteMediaLinks } from "../../core/library/media-links";

export interface ExportableDeck {
  id: string;
  title: string;
  tags: string[];
  markdown: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface MediaReader {
  /** The bytes of a stored medium, or null when it is missing. */
  read(id: string): Promise<Uint8Array | null>;
}

export interface ManifestEntry {
  deckId: string;
  title: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  path: string;
  sha256: string;
  media: { path: string; sha256: string }[];
}

export interface ArchiveExport {
  zip: Uint8Array;
  manifest: ManifestEntry[];
}

const FIXED_MTIME = new Date("2000-01-01T00:00:00Z");

/** One deck as deck.md + media/ + meta.json. */
export async function exportDeckBundle(deck: ExportableDeck, media: MediaReader): Promise<Uint8Array> {
  const files: Zippable = {};
  const { markdown, mediaFiles } = await collectMedia(deck.markdown, "media/", media);
  files["deck.md"] = strToU8(markdown);
  for (const file of mediaFiles) files[`media/${file.name}`] = file.bytes;
  files["meta.json"] = strToU8(
    `${JSON.stringify({ id: deck.id, title: deck.title, tags: deck.tags, createdAt: deck.createdAt.toISOString(), updatedAt: deck.updatedAt.toISOString() }, null, 2)}\n`,
  );
  return zipSync(files, { mtime: FIXED_MTIME });
}

/** Many decks laid out for a git repository, with a manifest of checksums. */
export async function exportArchive(decks: ExportableDeck[], media: MediaReader): Promise<ArchiveExport> {
  const files: Zippable = {};
  const manifest: ManifestEntry[] = [];
  const placements = planArchiveLayout(decks);
  for (const [index, deck] of decks.entries()) {
    const placement = placements[index]!;
    // Links are relative to the deck's own folder: "<yyyymmdd>-<slug>/<file>".
    const mediaFolder = placement.mediaDir.slice(placement.mediaDir.lastIndexOf("/", placement.mediaDir.length - 2) + 1);
    const { markdown, mediaFiles } = await collectMedia(deck.markdown, mediaFolder, media);
    const markdownBytes = strToU8(markdown);
    files[placement.markdownPath] = markdownBytes;
    const mediaEntries = mediaFiles.map((file) => {
      const path = `${placement.mediaDir}${file.name}`;
      files[path] = file.bytes;
      return { path, sha256: sha256(file.bytes) };
    });
    manifest.push({
      deckId: deck.id,
      title: deck.title,
      tags: deck.tags,
      createdAt: deck.createdAt.toISOString(),
      updatedAt: deck.updatedAt.toISOString(),
      path: placement.markdownPath,
      sha256: sha256(markdownBytes),
      media: mediaEntries,
    });
  }
  files["manifest.json"] = strToU8(`${JSON.stringify({ format: "podium-archive/1", decks: manifest }, null, 2)}\n`);
  return { zip: zipSync(files, { mtime: FIXED_MTIME }), manifest };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The deck with its /media/ links pointing at `<folder><file>`, and those files (also used by server/publishing). */
export async function collectMedia(
  markdown: string,
  folder: string,
  media: MediaReader,
): Promise<{ markdown: string; mediaFiles: { name: string; bytes: Uint8Array }[] }> {
  const wanted = new Map<string, { id: string; fileName: string }>();
  rewriteMediaLinks(markdown, (url) => {
    const parsed = parseMediaUrl(url);
    if (parsed) wanted.set(url, parsed);
    return null;
  });
  const found = new Map<string, Uint8Array>();
  for (const { id, fileName } of wanted.values()) {
    if (found.has(fileName)) continue;
    const bytes = await media.read(id);
    if (bytes) found.set(fileName, bytes);
  }
  const rewritten = rewriteMediaLinks(markdown, (url) => {
    const parsed = wanted.get(url);
    return parsed && found.has(parsed.fileName) ? `${folder}${parsed.fileName}` : null;
  });
  return { markdown: rewritten, mediaFiles: [...found].map(([name, bytes]) => ({ name, bytes })) };
}
