import { isValidDeckId } from "@/core/deck-id";
import { requireAdmin } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Publishes {"deckIds": [...]}, or (no deckIds) every archived deck and every deck published
 * before, then pushes. 200 with what happened; failures are in "failed" and retried later.
 */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    const { deckIds } = await readJsonObject(request);
    if (deckIds !== undefined && (!Array.isArray(deckIds) || deckIds.length > 10_000 || !deckIds.every((id) => typeof id === "string" && isValidDeckId(id)))) {
      throw new ApiError("bad_request", '"deckIds" must be a list of deck ids.');
    }
    return Response.json(await getServices().publishing.publish(deckIds as string[] | undefined), { headers: { "cache-control": "no-store" } });
  });
}
