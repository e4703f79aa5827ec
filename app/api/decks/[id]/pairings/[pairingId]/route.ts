import { allows } from "@/core/access";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string; pairingId: string }>;
}

/** Revokes a pairing (mine; the deck's owner and admins may revoke anyone's): its device is disconnected. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const { id, pairingId } = await context.params;
    const deckId = deckIdParam(id);
    const { actor, role } = await requireDeckRole(request, deckId, "write");
    if (actor.kind !== "user") throw new ApiError("unauthorized", "Sign in to revoke a pairing.");
    if (!(await getServices().pairings.revoke(deckId, pairingId, actor.user.id, allows(role, "owner")))) throw notFound("No pairing of yours with this id.");
    return new Response(null, { status: 204 });
  });
}
