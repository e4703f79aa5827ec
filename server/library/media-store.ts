// Uploaded images, stored in PostgreSQL and addressed by the SHA-256 of their bytes. The type is
// decided from the bytes (core/library/media-type.ts); anything that is not an image we accept is
// refused, whatever its name says.
import { createHash } from "node:crypto";
import { sniffMediaType, type MediaType } from "../../core/library/media-type";
import { mediaUrl } from "../../core/library/media-url";
import type { PrismaClient } from "../db/prisma";
import { bytes as prismaBytes } from "../persistence/deck-store";
import { PodiumError } from "../../core/api/errors";
import type { StoredMedia } from "../../core/api/media";
export type { StoredMedia };

export class MediaRejectedError extends PodiumError {
  override name = "MediaRejectedError";
  constructor(message: string, code: "payload_too_large" | "unsupported_media_type") {
    super(code, message);
  }
}

export class MediaStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly maxBytes: number,
  ) {}

  get limitBytes(): number {
    return this.maxBytes;
  }

  /** Stores an image (once, however often it is uploaded) and returns its URL. */
  async put(data: Uint8Array, uploaderId: string | null): Promise<StoredMedia> {
    if (data.byteLength > this.maxBytes) {
      throw new MediaRejectedError(`Images may be at most ${formatBytes(this.maxBytes)}; this one is ${formatBytes(data.byteLength)}.`, "payload_too_large");
    }
    const type = sniffMediaType(data);
    if (!type) {
      throw new MediaRejectedError("Only PNG, JPEG, GIF, WebP, AVIF and SVG images can be uploaded; this file is none of them.", "unsupported_media_type");
    }
    const id = createHash("sha256").update(data).digest("hex");
    await this.prisma.media.upsert({
      where: { id },
      create: { id, type, size: data.byteLength, bytes: prismaBytes(data), uploaderId },
      update: {},
    });
    return { id, type, size: data.byteLength, url: mediaUrl(id, type) };
  }

  async get(id: string): Promise<{ type: MediaType; bytes: Uint8Array } | null> {
    const row = await this.prisma.media.findUnique({ where: { id }, select: { type: true, bytes: true } });
    if (!row?.bytes) return null;
    return { type: row.type as MediaType, bytes: row.bytes };
  }

  /** For exports (server/library/deck-bundle.ts). */
  async read(id: string): Promise<Uint8Array | null> {
    return (await this.get(id))?.bytes ?? null;
  }
}

function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
}
