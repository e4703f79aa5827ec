import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string; userId: string }>;
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const params = await context.params;
    const id = deckIdParam(params.id);
    if (params.userId.length === 0 || params.userId.length > 128) throw new ApiError("bad_request", "Malformed user id.");
    await requireDeckRole(request, id, "owner");
    if (!(await getServices().access.removeGrant(id, params.userId))) throw notFound("This user has no grant on this deck.");
    return new Response(null, { status: 204 });
  });
}
