import { requireUser } from "@/server/access/request-guard";
import { handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Revokes one of my tokens. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { id } = await context.params;
    if (!(await getServices().tokens.revoke(actor.user.id, id))) throw notFound("You have no token with this id.");
    return new Response(null, { status: 204 });
  });
}
