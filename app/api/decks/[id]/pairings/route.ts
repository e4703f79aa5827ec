import type { CreatedPairing } from "@/core/api/pairings";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** A new pairing for steering this deck's slideshow from another device; its code is shown this once. */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const deckId = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, deckId, "write");
    if (actor.kind !== "user") throw new ApiError("unauthorized", "Sign in to pair a device: it steers the slides for your account.");
    const created = await getServices().pairings.create(deckId, actor.user.id);
    return Response.json(created satisfies CreatedPairing, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
