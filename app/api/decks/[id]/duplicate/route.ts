import type { CreatedDeck } from "@/core/api/decks";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** A copy of a deck the caller may read, owned by the caller. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, id, "read");
    if (actor.kind === "guest") throw new ApiError("unauthorized", "Sign in to copy decks.");
    const created = await getServices().library.duplicate(id, actor.user.id);
    return Response.json(created satisfies CreatedDeck, { status: 201, headers: { location: created.url } });
  });
}
