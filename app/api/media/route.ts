import { allows } from "@/core/access";
import { handleAccessApi, requireActor } from "@/server/access/request-guard";
import { tooManyRequests } from "@/server/auth/account-rate-limits";
import { ApiError, deckIdParam, errorResponse } from "@/server/http/api-response";
import { readUploadedFiles } from "@/server/library/upload-body";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Uploads one image (raw body, or the first file of a multipart form): signed in, or with write
 * access to the deck given as ?deck=<id>. The type is read from the bytes, never from the name.
 * 201 {"id", "type", "size", "url"}.
 */
export function POST(request: Request): Promise<Response> {
  return handleAccessApi(async () => {
    const actor = await requireActor(request);
    const { access, media, rateLimits } = getServices();
    const deckParam = new URL(request.url).searchParams.get("deck");
    if (actor.kind === "guest") {
      if (deckParam === null) throw new ApiError(401, "unauthorized", "Sign in to upload images.");
      const role = await access.deckRole(actor, deckIdParam(deckParam));
      if (role === null || !allows(role, "write")) throw new ApiError(401, "unauthorized", "Sign in to upload images to this deck.");
    }
    // Guests who may write to a deck count against nobody: the deck's owner chose to let them in.
    const limited = actor.kind === "user" ? await rateLimits.take(actor.user.id, "media") : null;
    if (limited) return tooManyRequests(limited);
    // Multipart framing adds a little around the file.
    const [file] = await readUploadedFiles(request, media.limitBytes + 64 * 1024, "upload");
    if (file!.bytes.byteLength > media.limitBytes) {
      throw new ApiError(413, "payload_too_large", `Images may be at most ${media.limitBytes} bytes.`);
    }
    try {
      const stored = await media.put(file!.bytes, actor.kind === "user" ? actor.user.id : null);
      return Response.json(stored, { status: 201, headers: { location: stored.url } });
    } catch (error) {
      if (error instanceof Error && error.name === "MediaRejectedError") {
        const status = (error as Error & { status: 413 | 415 }).status;
        return errorResponse(status, status === 413 ? "payload_too_large" : "unsupported_media_type", `${file!.name}: ${error.message}`);
      }
      throw error;
    }
  });
}
