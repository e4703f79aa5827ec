import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** ?email=…: withdraws a share still waiting for that address's owner. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const email = new URL(request.url).searchParams.get("email");
    if (!email || email.length > 320) throw new ApiError("bad_request", "Give the address as ?email=….");
    await requireDeckRole(request, id, "owner");
    if (!(await getServices().access.removePendingGrant(id, email))) throw notFound("Nothing is waiting for this address on this deck.");
    return new Response(null, { status: 204 });
  });
}
