import type { StoredMedia } from "@/core/api/media";
import { allows } from "@/core/access";
import { isPodiumError } from "@/core/api/errors";
import { requireActor } from "@/server/access/request-guard";
import { RateLimitedError } from "@/server/auth/account-rate-limits";
import { ApiError, deckIdParam, handleApi } from "@/server/http/api-response";
import { readUploadedFiles } from "@/server/library/upload-body";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Uploads one image (raw body, or the first file of a multipart form): signed in, or with write
 * access to the deck given as ?deck=<id>. The type is read from the bytes, never from the name.
 * 201 {"id", "type", "size", "url"}.
 */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireActor(request);
    const { access, media, rateLimits } = getServices();
    const deckParam = new URL(request.url).searchParams.get("deck");
    if (actor.kind === "guest") {
      if (deckParam === null) throw new ApiError("unauthorized", "Sign in to upload images.");
      const role = await access.deckRole(actor, deckIdParam(deckParam));
      if (role === null || !allows(role, "write")) throw new ApiError("unauthorized", "Sign in to upload images to this deck.");
    }
    // Guests who may write to a deck count against nobody: the deck's owner chose to let them in.
    const limited = actor.kind === "user" ? await rateLimits.take(actor.user.id, "media") : null;
    if (limited) throw new RateLimitedError(limited);
    // Multipart framing adds a little around the file.
    const [file] = await readUploadedFiles(request, media.limitBytes + 64 * 1024, "upload");
    if (file!.bytes.byteLength > media.limitBytes) {
      throw new ApiError("payload_too_large", `Images may be at most ${media.limitBytes} bytes.`);
    }
    // MediaRejectedError (413 or 415), its message prefixed with the file's name.
    const stored: StoredMedia = await media.put(file!.bytes, actor.kind === "user" ? actor.user.id : null).catch((error: unknown) => {
      throw isPodiumError(error) ? new ApiError(error.code, `${file!.name}: ${error.message}`) : error;
    });
    return Response.json(stored, { status: 201, headers: { location: stored.url } });
  });
}
