// Decides what an uploaded file is from its bytes, never from its name or the client's claim:
// an HTML page renamed "photo.png" must not be served as an image.

export type MediaType = "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/avif" | "image/svg+xml";

export const MEDIA_EXTENSIONS: Record<MediaType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/svg+xml": "svg",
};

const SVG_SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** The image type of these bytes, or null when they are not an image we accept. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return "image/avif";
  if (looksLikeSvg(bytes)) return "image/svg+xml";
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  let head: string;
  try {
    head = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, SVG_SNIFF_BYTES));
  } catch {
    // A multi-byte character cut at the sniff boundary is fine; anything else is not text.
    try {
      head = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, SVG_SNIFF_BYTES - 3));
    } catch {
      return false;
    }
  }
  // Skip a BOM, the XML declaration, comments and a doctype; the root element must be <svg.
  const body = head
    .replace(/^\uFEFF/, "")
    .replace(/^\s*<\?xml[^>]*\?>/i, "")
    .replace(/^(\s*<!--[\s\S]*?-->)*/, "")
    .replace(/^\s*<!DOCTYPE\s+svg[^>]*>/i, "")
    .replace(/^(\s*<!--[\s\S]*?-->)*/, "");
  return /^\s*<svg[\s>]/i.test(body);
}
