import { requireDeckRole } from "@/server/access/request-guard";
import { deckIdParam, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Restores the revision as a new change through the live document (write): open editors see it,
 * and the text it replaces is kept as an automatic revision first, so nothing is lost.
 */
export function POST(request: Request, context: { params: Promise<{ id: string; revisionId: string }> }): Promise<Response> {
  return handleApi(async () => {
    const { id: rawId, revisionId } = await context.params;
    const id = deckIdParam(rawId);
    const { actor } = await requireDeckRole(request, id, "write");
    const { revisions } = getServices();
    await revisions.get(id, revisionId);
    await revisions.takeAutomatic(id);
    await revisions.restore(id, revisionId, actor.kind === "user" ? actor.user.id : null);
    return new Response(null, { status: 204 });
  });
}
