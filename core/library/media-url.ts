// Media are addressed by the SHA-256 of their bytes: `/media/<sha256>.<ext>`. The same image
// uploaded twice is stored once, and an exported deck re-imported elsewhere keeps the very same
// links, so export → import gives identical markdown.
import { MEDIA_EXTENSIONS, type MediaType } from "./media-type";

const MEDIA_PATH = /^\/media\/([0-9a-f]{64})\.([a-z]{3,4})$/;

export function mediaUrl(id: string, type: MediaType): string {
  return `/media/${id}.${MEDIA_EXTENSIONS[type]}`;
}

/** The media id of a `/media/<id>.<ext>` link (absolute URLs on any host included), or null. */
export function parseMediaUrl(url: string): { id: string; fileName: string } | null {
  let path = url;
  const hostMatch = /^https?:\/\/[^/]+(\/.*)$/i.exec(url);
  if (hostMatch) path = hostMatch[1]!;
  const match = MEDIA_PATH.exec(path.split(/[?#]/, 1)[0]!);
  return match ? { id: match[1]!, fileName: `${match[1]}.${match[2]}` } : null;
}
